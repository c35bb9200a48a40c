import { useState } from "react";
import { Link, useParams } from "react-router";
import { LEVEL_LABELS, TEAM_ROLE_LABELS } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { AddCandidateForm } from "../hiring/AddCandidateForm";
import { InterviewPlan } from "../hiring/InterviewPlan";
import { PipelineBoard } from "../hiring/PipelineBoard";
import { useCurrentUser } from "../session";
import { RoleDetailsForm, RoleTeamForm } from "./RoleEditor";
import { useCompetencyNames, useRole } from "./queries";

export function RolePage() {
  const { roleId = "" } = useParams();
  const me = useCurrentUser();
  const { data: role, error } = useRole(roleId);
  const competencyName = useCompetencyNames();
  const [editing, setEditing] = useState<"details" | "team" | null>(null);
  if (!role) {
    return (
      <>
        <PageTitle>Role</PageTitle>
        <ErrorBanner error={error} />
        {!error && (
          <p className="muted" role="status">
            Loading the role…
          </p>
        )}
      </>
    );
  }
  const isAdmin = me.role === "admin";
  const canLead = isAdmin || role.myTeamRole === "hiring_manager";
  const canManage = canLead || role.myTeamRole === "recruiter";

  return (
    <>
      <PageTitle>{role.title}</PageTitle>
      <p className="muted">
        {LEVEL_LABELS[role.level]} · {role.status === "open" ? "Open" : "Closed"} ·{" "}
        {role.stackTags.join(", ")}
      </p>
      <ErrorBanner error={error} />
      {canManage && (
        <p className="button-row">
          <Link className="button-link button-link-primary" to={`/roles/${role.id}/shortlist`}>
            Open the shortlist
          </Link>
          <Link className="button-link" to={`/roles/${role.id}/screening`}>
            Résumé screening and bulk intake
          </Link>
        </p>
      )}

      <section className="card" aria-labelledby="board-heading">
        <div className="section-head">
          <h2 id="board-heading">Pipeline</h2>
          <span className="muted small">
            {role.counts.active} active · {role.counts.hired} hired · {role.counts.rejected}{" "}
            rejected · {role.counts.withdrawn} withdrawn
          </span>
        </div>
        <PipelineBoard role={role} canManage={canManage} />
      </section>

      {canManage && (
        <details className="card">
          <summary>Add a candidate</summary>
          <AddCandidateForm roleId={role.id} />
        </details>
      )}

      <div className="two-columns">
        <section className="card" aria-labelledby="scope-heading">
          <div className="section-head">
            <h2 id="scope-heading">Scope</h2>
            {canLead && editing !== "details" && (
              <button type="button" className="button-quiet" onClick={() => setEditing("details")}>
                Edit the role
              </button>
            )}
          </div>
          {editing === "details" ? (
            <RoleDetailsForm role={role} onDone={() => setEditing(null)} />
          ) : (
            <>
              <p>{role.scope}</p>
              <p className="muted small">
                Shortlist bar {role.bar} of 4 ·{" "}
                {Object.entries(role.competencyWeights)
                  .filter(([, weight]) => weight > 0)
                  .map(([id, weight]) => `${competencyName(id)} ${weight}`)
                  .join(", ")}
              </p>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="team-heading">
          <div className="section-head">
            <h2 id="team-heading">Hiring team</h2>
            {canLead && editing !== "team" && (
              <button type="button" className="button-quiet" onClick={() => setEditing("team")}>
                Edit the team
              </button>
            )}
          </div>
          {editing === "team" ? (
            <RoleTeamForm role={role} onDone={() => setEditing(null)} />
          ) : (
            <ul className="plain-list">
              {role.team.map((m) => (
                <li key={m.userId}>
                  <span>{m.name}</span>
                  <span className="badge badge-muted">{TEAM_ROLE_LABELS[m.teamRole]}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <InterviewPlan role={role} canEdit={canLead} />
    </>
  );
}
