import type { ReactNode } from "react";
import { Link, Navigate, useParams } from "react-router";
import { formatDateTime } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { ShowMore } from "../components/ShowMore";
import { useWaitingList, WAITING_LISTS } from "./queries";
import type { TWaitingListName, TWaitingPage } from "./queries";

const TITLES: Record<TWaitingListName, { title: string; empty: string; noun: string }> = {
  "scorecards-to-submit": {
    title: "Scorecards to submit",
    empty: "No interviews wait for your scorecard.",
    noun: "interviews",
  },
  "applications-to-screen": {
    title: "Applications to screen",
    empty: "No resumes wait for a screen.",
    noun: "applications",
  },
  "decisions-to-make": {
    title: "Decisions to make",
    empty: "No application waits for your decision.",
    noun: "applications",
  },
};

const isList = (name: string | undefined): name is TWaitingListName =>
  name !== undefined && name in WAITING_LISTS;

/** One of the home page's waiting lists in full: every item, a page at a time, with the total. */
export function WaitingPage() {
  const { list } = useParams();
  if (!isList(list)) return <Navigate to="/" replace />;
  return <WaitingListPage key={list} list={list} />;
}

function WaitingListPage({ list }: { list: TWaitingListName }) {
  const query = useWaitingList(list);
  const text = TITLES[list];
  const pages = query.data?.pages ?? [];
  const total = pages[0]?.total ?? 0;
  const shown = pages.reduce((n, p) => n + p.items.length, 0);
  return (
    <>
      <p className="muted small">
        <Link to="/">Home</Link> /
      </p>
      <PageTitle>{text.title}</PageTitle>
      <ErrorBanner error={query.error} />
      {query.isPending && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {query.data && shown === 0 && <p className="muted">{text.empty}</p>}
      {shown > 0 && (
        <ul className="plain-list waiting-full" data-testid="waiting-items">
          {pages.map((page) => renderItems(list, page))}
        </ul>
      )}
      <ShowMore shown={shown} total={total} noun={text.noun} query={query} testId="waiting-count" />
    </>
  );
}

function renderItems(list: TWaitingListName, page: TWaitingPage<TWaitingListName>): ReactNode {
  if (list === "scorecards-to-submit")
    return (page as TWaitingPage<"scorecards-to-submit">).items.map((item) => (
      <li key={item.id}>
        <span>
          <Link to={`/interviews/${item.id}`}>{item.application.candidate.name}</Link>
          <span className="muted small">
            {" "}
            · {item.application.role.title} · {item.stageName} · {formatDateTime(item.scheduledAt)}
          </span>
        </span>
        {item.scorecardStatus === "draft" && <span className="badge">Draft</span>}
      </li>
    ));
  if (list === "decisions-to-make")
    return (page as TWaitingPage<"decisions-to-make">).items.map((app) => (
      <li key={app.id}>
        <Link to={`/applications/${app.id}`}>{app.candidate.name}</Link>
        <span className="muted small">
          {app.role.title} · {app.currentStage.name} · {app.submittedScorecards} scorecards in
        </span>
      </li>
    ));
  return (page as TWaitingPage<"applications-to-screen">).items.map((app) => (
    <li key={app.id}>
      <Link to={`/applications/${app.id}`}>{app.candidate.name}</Link>
      <span className="muted small">{app.role.title}</span>
    </li>
  ));
}
