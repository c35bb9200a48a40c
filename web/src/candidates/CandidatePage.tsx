import { useRef, useState } from "react";
import { useParams } from "react-router";
import { formatDateTime } from "../api/hiring-types";
import { ErrorBanner, Notice } from "../components/form";
import { PageTitle } from "../components/Layout";
import { CandidateApplication } from "../hiring/CandidateApplication";
import { useCandidate } from "./queries";
import { PossibleDuplicateNotice } from "./PossibleDuplicateNotice";
import { CandidatePrivacy } from "../privacy/CandidatePrivacy";
import { useCurrentUser } from "../session";
import { CandidateEditForm } from "./CandidateEditForm";
import { CandidateResume } from "./CandidateResume";

const EDITORS = new Set(["admin", "recruiter", "hiring_manager"]);

export function CandidatePage() {
  const { candidateId = "" } = useParams();
  const { data: candidate, error } = useCandidate(candidateId);
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  if (!candidate) {
    return (
      <>
        <PageTitle>Candidate</PageTitle>
        <ErrorBanner error={error} />
        {!error && (
          <p className="muted" role="status">
            Loading the candidate…
          </p>
        )}
      </>
    );
  }
  const links = [
    ["GitHub", candidate.links.github],
    ["Portfolio", candidate.links.portfolio],
    ["LinkedIn", candidate.links.linkedin],
  ].filter((l): l is [string, string] => Boolean(l[1]));
  // The server refuses edits to details the caller cannot read; the button follows the same rule.
  const canEdit = EDITORS.has(user.role) && candidate.contactVisible && !candidate.erasedAt;
  const finishEditing = (wasSaved: boolean) => {
    setEditing(false);
    setSaved(wasSaved);
    // Back to where the keyboard was before the form opened.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  return (
    <>
      <PageTitle>{candidate.name}</PageTitle>
      <p className="muted">On file since {formatDateTime(candidate.createdAt)}</p>
      {candidate.erasedAt && (
        <div className="banner banner-info" role="note">
          <p>
            This candidate&apos;s personal data was erased on {formatDateTime(candidate.erasedAt)}.
            The anonymous record keeps ratings, stage history and grading scores.
          </p>
        </div>
      )}
      <PossibleDuplicateNotice candidate={candidate} />
      {editing ? (
        <section className="card">
          <CandidateEditForm candidate={candidate} onDone={finishEditing} />
        </section>
      ) : (
        <section className="card" aria-labelledby="profile-heading">
          <div className="section-heading">
            <h2 id="profile-heading">Profile</h2>
            {canEdit && (
              <button
                type="button"
                ref={editButton}
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                Edit profile
              </button>
            )}
          </div>
          {saved && <Notice tone="success">The profile was saved.</Notice>}
          <dl className="profile">
            {candidate.contactVisible ? (
              <>
                <div>
                  <dt>E-mail</dt>
                  <dd>
                    <a href={`mailto:${candidate.email ?? ""}`}>{candidate.email}</a>
                  </dd>
                </div>
                <div>
                  <dt>Phone</dt>
                  <dd>{candidate.phone ?? "—"}</dd>
                </div>
              </>
            ) : candidate.erasedAt ? (
              <div>
                <dt>Contact</dt>
                <dd className="muted">Erased.</dd>
              </div>
            ) : (
              <div>
                <dt>Contact</dt>
                <dd className="muted">
                  Shared with the role’s recruiters and hiring managers only.
                </dd>
              </div>
            )}
            {links.map(([label, href]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>
                  <a href={href} rel="noreferrer" target="_blank">
                    {href}
                  </a>
                </dd>
              </div>
            ))}
            {candidate.notes && (
              <div>
                <dt>Notes</dt>
                <dd className="prewrap">{candidate.notes}</dd>
              </div>
            )}
          </dl>
        </section>
      )}
      <CandidateResume candidate={candidate} />
      {candidate.applications.map((a) => (
        <CandidateApplication key={a.id} summary={a} />
      ))}
      <CandidatePrivacy candidate={candidate} />
    </>
  );
}
