import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { STATUS_LABELS } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useCurrentUser } from "../session";
import { BandBar } from "./BandBar";
import { EvidenceBreakdown } from "./EvidenceBreakdown";
import {
  describeComposite,
  describeVariances,
  formatPercent,
  formatScore,
  SCREEN_LABELS,
} from "./evidence-format";
import { FlagBadges } from "./FlagBadges";
import { packetPdfUrl, shortlistCsvUrl, useShortlist } from "./queries";
import type { TShortlistQuery, TShortlistRow } from "./queries";
import "./shortlist.css";
import { ScrollRegion } from "../components/ScrollRegion";

// recharts is only downloaded when someone compares candidates.
const CompareView = lazy(() => import("./CompareView").then((m) => ({ default: m.CompareView })));

type TSort = NonNullable<TShortlistQuery["sort"]>;
type TStatus = NonNullable<TShortlistQuery["status"]>;
const SORT_LABELS: Record<TSort, string> = {
  composite: "composite",
  lower: "lower bound",
  pAbove: "P(above the bar)",
};
const STATUSES: TStatus[] = ["active", "rejected", "withdrawn", "hired"];
const MAX_COMPARE = 4;
/** Rows per page the table offers; every row is ranked on the server either way. */
const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

function SortHeader({
  sort,
  current,
  onSort,
  children,
}: {
  sort: TSort;
  current: TSort;
  onSort: (sort: TSort) => void;
  children: string;
}) {
  const active = sort === current;
  return (
    <th scope="col" aria-sort={active ? "descending" : "none"}>
      <button
        type="button"
        className="sort-button"
        aria-label={`Sort by ${SORT_LABELS[sort]}`}
        aria-pressed={active}
        onClick={() => onSort(sort)}
      >
        {children}
        <span aria-hidden="true">{active ? " ▼" : " ↕"}</span>
      </button>
    </th>
  );
}

/** Where this page of the table sits among all the matching rows, with the way to the others. */
function Pager({
  page,
  perPage,
  shown,
  total,
  onPage,
  onPerPage,
}: {
  page: number;
  perPage: number;
  shown: number;
  total: number;
  onPage: (page: number) => void;
  onPerPage: (perPage: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const from = (page - 1) * perPage;
  if (total === 0) return null;
  return (
    <nav className="shortlist-pager" aria-label="Shortlist pages">
      <p className="muted small" data-testid="shortlist-count" aria-live="polite">
        {shown === 0
          ? `No rows on page ${page}; ${total.toLocaleString()} in all`
          : `Showing ${(from + 1).toLocaleString()}–${(from + shown).toLocaleString()} of ${total.toLocaleString()}`}
        {pages > 1 ? ` · page ${page} of ${pages}` : ""}
      </p>
      <div className="pager-buttons">
        <label className="small">
          Rows per page{" "}
          <select value={perPage} onChange={(e) => onPerPage(Number(e.target.value))}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        {pages > 1 && (
          <>
            <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
              Previous page
            </button>
            <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
              Next page
            </button>
          </>
        )}
      </div>
    </nav>
  );
}

/** Every application of a role, its evidence combined mechanically, best first. */
export function ShortlistPage() {
  const { roleId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const sort = (params.get("sort") ?? "composite") as TSort;
  const status = (params.get("status") ?? "active") as TStatus;
  const stage = params.get("stage") ?? undefined;
  const why = params.get("why") ?? undefined;
  const pageNumber = Math.max(1, Math.floor(Number(params.get("page") ?? "1")) || 1);
  const perParam = Number(params.get("per"));
  const perPage = PAGE_SIZES.find((size) => size === perParam) ?? DEFAULT_PAGE_SIZE;
  const compare = (params.get("compare") ?? "").split(",").filter(Boolean).slice(0, MAX_COMPARE);
  // The leniency view is asked for explicitly and kept in the URL, so the page always says which it is.
  const adjusted = params.get("adjust") === "leniency";
  // The box follows the click at once: the URL changes inside the router's transition, and a box
  // bound to the URL alone would spring back until that transition commits.
  const [adjustBox, setAdjustBox] = useState(adjusted);
  useEffect(() => setAdjustBox(adjusted), [adjusted]);
  const user = useCurrentUser();
  const mayAdjust = user.role === "admin" || user.role === "hiring_manager";
  const query: TShortlistQuery = {
    sort,
    status,
    ...(stage ? { stage } : {}),
    ...(adjusted ? { adjust: "leniency" as const } : {}),
  };
  const pageQuery: TShortlistQuery = {
    ...query,
    limit: perPage,
    offset: (pageNumber - 1) * perPage,
  };
  const { data, error, isFetching } = useShortlist(roleId, pageQuery);
  const [picked, setPicked] = useState<string[]>(compare);
  const whyRef = useRef<HTMLElement>(null);
  const compareRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (why) whyRef.current?.focus();
  }, [why]);
  // Focus moves to a new comparison only, not on every re-render.
  const compareKey = params.get("compare");
  useEffect(() => {
    if (compareKey?.includes(",")) compareRef.current?.focus();
  }, [compareKey]);

  function change(updates: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    // A new order, filter or view starts again at the first page.
    if (["sort", "status", "stage", "adjust", "per"].some((key) => key in updates))
      next.delete("page");
    for (const [key, value] of Object.entries(updates))
      if (value) next.set(key, value);
      else next.delete(key);
    setParams(next, { replace: true });
  }

  function toggle(row: TShortlistRow) {
    setPicked((list) =>
      list.includes(row.applicationId)
        ? list.filter((id) => id !== row.applicationId)
        : list.length < MAX_COMPARE
          ? [...list, row.applicationId]
          : list,
    );
  }

  if (!data) {
    return (
      <>
        <PageTitle>Shortlist</PageTitle>
        <ErrorBanner error={error} />
        {!error && (
          <p className="muted" role="status">
            Loading the shortlist…
          </p>
        )}
      </>
    );
  }
  const { role } = data;
  const stageName = (id: string) => role.stages.find((s) => s.id === id)?.name ?? "—";
  const whyRow = data.rows.find((r) => r.applicationId === why);

  return (
    <>
      <PageTitle>Shortlist — {role.title}</PageTitle>
      <p className="muted">
        <Link to={`/roles/${role.id}`}>Back to the role</Link> · bar {role.bar.toFixed(1)} on the
        1–4 scale · {data.total.toLocaleString()} application{data.total === 1 ? "" : "s"}
      </p>
      <ErrorBanner error={error} />

      <section className="card" aria-labelledby="shortlist-heading">
        <div className="section-head">
          <h2 id="shortlist-heading">Candidates, best first by {SORT_LABELS[sort]}</h2>
          <a className="button-link" href={shortlistCsvUrl(roleId, query)} download>
            Export CSV
          </a>
        </div>
        <div className="shortlist-filters">
          <label>
            Stage{" "}
            <select
              value={stage ?? ""}
              onChange={(e) => change({ stage: e.target.value || undefined })}
            >
              <option value="">All stages</option>
              {role.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status{" "}
            <select value={status} onChange={(e) => change({ status: e.target.value })}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          {mayAdjust && (
            <label>
              <input
                type="checkbox"
                checked={adjustBox}
                onChange={(e) => {
                  setAdjustBox(e.target.checked);
                  change({ adjust: e.target.checked ? "leniency" : undefined });
                }}
              />{" "}
              Rating adjusted for leniency
            </label>
          )}
          <button
            type="button"
            className="button-primary"
            disabled={picked.length < 2}
            onClick={() => change({ compare: picked.join(",") })}
          >
            Compare selected ({picked.length})
          </button>
          <span className="muted small" role="status" aria-live="polite">
            {isFetching ? "Updating…" : ""}
          </span>
        </div>
        <p className="small view-note" data-testid="shortlist-view">
          {data.view === "leniency" ? (
            <>
              <strong>View: adjusted for leniency.</strong> Each rater&apos;s scorecard ratings have
              their shrunk leniency (from the organisation&apos;s calibration) taken off. The
              ratings themselves are unchanged; untick the box to see them as given.
            </>
          ) : (
            <>
              <strong>View: ratings as given.</strong>
            </>
          )}
        </p>
        {data.view === "leniency" && data.leniency.length > 0 && (
          <details className="small">
            <summary>Offsets taken off each rater</summary>
            <ul>
              {data.leniency.map((l) => (
                <li key={l.raterId}>
                  {data.people.find((p) => p.id === l.raterId)?.name ?? "A rater"}:{" "}
                  {l.offset >= 0 ? "−" : "+"}
                  {Math.abs(l.offset).toFixed(2)} ({l.comparisons} comparisons)
                </li>
              ))}
            </ul>
          </details>
        )}
        <ScrollRegion label="Shortlist table" className="scroll-contained">
          <table className="shortlist-table">
            <caption className="visually-hidden">
              Shortlist of {role.title}, sorted by {SORT_LABELS[sort]}
              {data.view === "leniency" ? ", ratings adjusted for leniency" : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Compare</span>
                </th>
                <th scope="col">Candidate and flags</th>
                <th scope="col">Stage</th>
                <th scope="col">Screen</th>
                <SortHeader sort="composite" current={sort} onSort={(s) => change({ sort: s })}>
                  Composite
                </SortHeader>
                <SortHeader sort="lower" current={sort} onSort={(s) => change({ sort: s })}>
                  Lower bound
                </SortHeader>
                <SortHeader sort="pAbove" current={sort} onSort={(s) => change({ sort: s })}>
                  P(above bar)
                </SortHeader>
                <th scope="col">Coverage</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => {
                const name = row.candidate.name;
                const checked = picked.includes(row.applicationId);
                return (
                  <tr
                    key={row.applicationId}
                    className={row.applicationId === why ? "selected" : ""}
                  >
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Compare ${name}`}
                        checked={checked}
                        disabled={!checked && picked.length >= MAX_COMPARE}
                        onChange={() => toggle(row)}
                      />
                    </td>
                    <th scope="row">
                      <Link to={`/applications/${row.applicationId}`}>{name}</Link>
                      <FlagBadges flags={row.flags} />
                    </th>
                    <td>{stageName(row.stageId)}</td>
                    <td>{row.screen ? SCREEN_LABELS[row.screen.outcome] : "—"}</td>
                    <td>
                      <span className="composite-cell">
                        <BandBar composite={row.composite} bar={role.bar} width={96} />
                        <span aria-hidden="true">{formatScore(row.composite?.estimate)}</span>
                        <span className="visually-hidden">{describeComposite(row.composite)}</span>
                      </span>
                    </td>
                    <td className="number" data-testid="lower-bound">
                      {formatScore(row.composite?.low80)}
                    </td>
                    <td className="number">
                      {row.composite ? formatPercent(row.composite.pAbove) : "—"}
                    </td>
                    <td className="number">{formatPercent(row.coverage)}</td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={`Why: ${name}`}
                        onClick={() => change({ why: row.applicationId })}
                      >
                        Why
                      </button>{" "}
                      <a
                        className="button-link"
                        href={packetPdfUrl(row.applicationId)}
                        download
                        aria-label={`PDF packet for ${name}`}
                      >
                        PDF
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
        {data.rows.length === 0 && <p className="muted">No applications match these filters.</p>}
        <Pager
          page={pageNumber}
          perPage={perPage}
          shown={data.rows.length}
          total={data.total}
          onPage={(page) => change({ page: page > 1 ? String(page) : undefined })}
          onPerPage={(size) =>
            change({ per: size === DEFAULT_PAGE_SIZE ? undefined : String(size) })
          }
        />
        <h3 className="subhead">How these numbers are made</h3>
        <p className="small">
          <strong>Where τ² and σ² come from:</strong> {describeVariances(data.variances)}
        </p>
        <ul className="small notes">
          {data.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>

      {why && (
        <section className="card" aria-labelledby="why-heading" ref={whyRef} tabIndex={-1} id="why">
          <div className="section-head">
            <h2 id="why-heading">Why: {whyRow?.candidate.name ?? "the breakdown"}</h2>
            <button type="button" onClick={() => change({ why: undefined })}>
              Close
            </button>
          </div>
          {data.view === "leniency" && (
            <p className="small muted">The breakdown shows the ratings as given.</p>
          )}
          <EvidenceBreakdown applicationId={why} />
        </section>
      )}

      {compare.length > 1 && (
        <section
          className="card"
          aria-labelledby="compare-heading"
          ref={compareRef}
          tabIndex={-1}
          id="compare"
        >
          <div className="section-head">
            <h2 id="compare-heading">Side by side</h2>
            <button type="button" onClick={() => change({ compare: undefined })}>
              Close
            </button>
          </div>
          <Suspense fallback={<p className="muted">Loading the comparison…</p>}>
            <CompareView applicationIds={compare} bar={role.bar} />
          </Suspense>
        </section>
      )}
    </>
  );
}
