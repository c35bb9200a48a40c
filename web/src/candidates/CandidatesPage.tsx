import { useState } from "react";
import { Link } from "react-router";
import { STATUS_LABELS } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useCandidates } from "./queries";

export function CandidatesPage() {
  const [q, setQ] = useState("");
  const { data, error } = useCandidates({ q: q.trim() || undefined, limit: 100 });
  return (
    <>
      <PageTitle>Candidates</PageTitle>
      <p className="muted">Everyone you may see, with the roles they applied to.</p>
      <div className="field search-field">
        <label htmlFor="candidate-search">Search by name or e-mail</label>
        <input
          id="candidate-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <ErrorBanner error={error} />
      {data && (
        <section className="card" aria-live="polite">
          <p className="muted small">{data.total} candidate(s)</p>
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
                    <Link to={`/candidates/${c.id}`}>{c.name}</Link>
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
        </section>
      )}
    </>
  );
}
