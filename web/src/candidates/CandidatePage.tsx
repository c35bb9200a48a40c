import { useParams } from "react-router";
import { formatDateTime } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { CandidateApplication } from "../hiring/CandidateApplication";
import { useCandidate } from "./queries";
import { PossibleDuplicateNotice } from "./PossibleDuplicateNotice";
import { CandidatePrivacy } from "../privacy/CandidatePrivacy";

export function CandidatePage() {
  const { candidateId = "" } = useParams();
  const { data: candidate, error } = useCandidate(candidateId);
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
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
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
              <dd className="muted">Shared with the role’s recruiters and hiring managers only.</dd>
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
      {candidate.applications.map((a) => (
        <CandidateApplication key={a.id} summary={a} />
      ))}
      <CandidatePrivacy candidate={candidate} />
    </>
  );
}
