import { Link } from "react-router";
import { ROLE_LABELS } from "../api/client";
import { formatDateTime } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { StageCountsChart } from "../hiring/StageCountsChart";
import { StagesOverview } from "../hiring/StagesOverview";
import { WaitingList } from "../hiring/WaitingList";
import { useCurrentUser } from "../session";
import { useDashboard } from "./queries";

export function HomePage() {
  const user = useCurrentUser();
  const { data, error } = useDashboard();
  const canCreateRoles = user.role !== "interviewer";
  return (
    <>
      <PageTitle>Welcome, {user.name.split(" ")[0]}</PageTitle>
      <p className="muted">
        Signed in as {ROLE_LABELS[user.role]}. Here is what waits for you today.
      </p>
      <ErrorBanner error={error} />
      {!data && !error && (
        <p className="muted" role="status">
          Loading your dashboard…
        </p>
      )}
      {data && (
        <>
          <div className="waiting-grid">
            <WaitingList
              id="todo-scorecards"
              title="Scorecards to submit"
              items={data.scorecardsToSubmit}
              total={data.totals.scorecardsToSubmit}
              more={
                <Link to="/waiting/scorecards-to-submit">
                  See all {data.totals.scorecardsToSubmit}
                </Link>
              }
              empty="No interviews wait for your scorecard."
              render={(item) => (
                <li key={item.id}>
                  <span>
                    <Link to={`/interviews/${item.id}`}>{item.application.candidate.name}</Link>
                    <span className="muted small">
                      {" "}
                      · {item.stageName} · {formatDateTime(item.scheduledAt)}
                    </span>
                  </span>
                  {item.scorecardStatus === "draft" && <span className="badge">Draft</span>}
                </li>
              )}
            />
            <WaitingList
              id="todo-screen"
              title="Applications to screen"
              items={data.applicationsToScreen}
              total={data.totals.applicationsToScreen}
              more={
                <Link to="/waiting/applications-to-screen">
                  See all {data.totals.applicationsToScreen}
                </Link>
              }
              empty="No resumes wait for a screen."
              render={(app) => (
                <li key={app.id}>
                  <Link to={`/applications/${app.id}`}>{app.candidate.name}</Link>
                  <span className="muted small">{app.role.title}</span>
                </li>
              )}
            />
            <WaitingList
              id="todo-decisions"
              title="Decisions to make"
              items={data.decisionsToMake}
              total={data.totals.decisionsToMake}
              more={
                <Link to="/waiting/decisions-to-make">See all {data.totals.decisionsToMake}</Link>
              }
              empty="No application waits for your decision."
              render={(app) => (
                <li key={app.id}>
                  <Link to={`/applications/${app.id}`}>{app.candidate.name}</Link>
                  <span className="muted small">
                    {app.currentStage.name} · {app.submittedScorecards} scorecards in
                  </span>
                </li>
              )}
            />
          </div>
          <section aria-labelledby="roles-heading" className="dashboard-roles">
            <div className="section-head">
              <h2 id="roles-heading">Roles by stage</h2>
              {canCreateRoles && (
                <Link className="button-link" to="/roles/new">
                  New role
                </Link>
              )}
            </div>
            {data.roles.length === 0 ? (
              <p className="muted">
                No roles yet.
                {canCreateRoles && (
                  <>
                    {" "}
                    <Link to="/roles/new">Create the first one from a level template</Link>.
                  </>
                )}
              </p>
            ) : (
              <div className="chart-grid">
                {data.roles.map((role) => (
                  <StageCountsChart key={role.id} role={role} />
                ))}
              </div>
            )}
          </section>
        </>
      )}
      <StagesOverview />
    </>
  );
}
