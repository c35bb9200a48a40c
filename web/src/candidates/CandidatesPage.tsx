import { useState } from "react";
import { Link } from "react-router";
import { STATUS_LABELS } from "../api/hiring-types";
import type { TApplicationStatus } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useRoleOptions } from "../roles/queries";
import { RolePickerNote } from "../roles/RolePickerNote";
import { useCandidates } from "./queries";
import { PossibleDuplicateBadge } from "./PossibleDuplicateNotice";
import { ScrollRegion } from "../components/ScrollRegion";

const PAGE_SIZE = 50;

export function CandidatesPage() {
  const [q, setQ] = useState("");
  const [roleId, setRoleId] = useState("");
  const [stageId, setStageId] = useState("");
  const [status, setStatus] = useState<TApplicationStatus | "">("");
  const [page, setPage] = useState(0);
  // The cursor that starts each page after the first (keyset pages: no offsets).
  const [cursors, setCursors] = useState<string[]>([]);
  const roles = useRoleOptions();
  const role = roles.roles?.find((r) => r.id === roleId);
  const { data, error } = useCandidates({
    q: q.trim() || undefined,
    ...(roleId ? { roleId } : {}),
    ...(roleId && stageId ? { stageId } : {}),
    ...(status ? { status } : {}),
    limit: PAGE_SIZE,
    ...(page > 0 && cursors[page - 1] ? { after: cursors[page - 1] } : {}),
  });
  const reset = () => {
    setPage(0);
    setCursors([]);
  };
  const first = page * PAGE_SIZE + 1;
  const last = data ? page * PAGE_SIZE + data.candidates.length : 0;
  return (
    <>
      <PageTitle>Candidates</PageTitle>
      <p className="muted">Everyone you may see, with the roles they applied to.</p>
      <form
        className="filter-row"
        aria-label="Filter candidates"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field search-field">
          <label htmlFor="candidate-search">Search by name or e-mail</label>
          <input
            id="candidate-search"
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              reset();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="candidate-role">Role</label>
          <select
            id="candidate-role"
            value={roleId}
            onChange={(e) => {
              setRoleId(e.target.value);
              setStageId("");
              reset();
            }}
          >
            <option value="">Any role</option>
            {(roles.roles ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
          <RolePickerNote shown={roles.roles?.length ?? 0} total={roles.total} />
        </div>
        <div className="field">
          <label htmlFor="candidate-stage">Stage</label>
          <select
            id="candidate-stage"
            value={stageId}
            disabled={!role}
            onChange={(e) => {
              setStageId(e.target.value);
              reset();
            }}
          >
            <option value="">{role ? "Any stage" : "Choose a role first"}</option>
            {(role?.stages ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="candidate-status">Status</label>
          <select
            id="candidate-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as TApplicationStatus | "");
              reset();
            }}
          >
            <option value="">Any status</option>
            {(Object.keys(STATUS_LABELS) as TApplicationStatus[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorBanner error={error} />
      {data && (
        <section className="card" aria-live="polite">
          <p className="muted small">
            {data.total === 0
              ? "No candidates match."
              : data.total <= PAGE_SIZE
                ? `${data.total} candidate${data.total === 1 ? "" : "s"}`
                : `Showing ${first}–${last} of ${data.totalCapped ? "more than " : ""}${data.total.toLocaleString()} candidates`}
          </p>
          <ScrollRegion label="Candidates">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Applications</th>
                </tr>
              </thead>
              <tbody>
                {data.candidates.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/candidates/${c.id}`}>{c.name}</Link>{" "}
                      <PossibleDuplicateBadge candidate={c} />
                    </td>
                    <td>{c.email ?? <span className="muted">Hidden</span>}</td>
                    <td>
                      {c.applications.map((a) => (
                        <div key={a.id} className="small">
                          <Link to={`/applications/${a.id}`}>{a.roleTitle}</Link> ·{" "}
                          {a.currentStageName}
                          {a.status !== "active" && ` · ${STATUS_LABELS[a.status]}`}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {data.total > PAGE_SIZE && (
            <div className="button-row">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <button
                type="button"
                disabled={!data.nextCursor}
                onClick={() => {
                  const next = data.nextCursor;
                  if (!next) return;
                  setCursors([...cursors.slice(0, page), next]);
                  setPage(page + 1);
                }}
              >
                Next
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}
