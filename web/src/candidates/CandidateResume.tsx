import { formatDateTime } from "../api/hiring-types";
import type { TCandidate } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { useCandidateResume } from "./queries";

const FORMAT_LABEL = { pdf: "PDF", docx: "Word document", txt: "Plain text" } as const;

function sizeLabel(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The latest résumé on file, from the same endpoints the screening page uses, so who may read it
 * is decided in one place (resumes.service.ts). Only asked for when the caller may read contact
 * details: the résumé carries them, and anyone else would be refused anyway.
 */
export function CandidateResume({ candidate }: { candidate: TCandidate }) {
  const allowed = candidate.contactVisible && !candidate.erasedAt;
  const { data, error, isPending } = useCandidateResume(candidate.id, allowed);
  if (!allowed) return null;
  const resume = data?.resume;
  return (
    <section className="card" aria-labelledby="resume-heading">
      <h2 id="resume-heading">Résumé</h2>
      {isPending && !error && (
        <p className="muted" role="status">
          Looking for a résumé…
        </p>
      )}
      {error?.code === "NOT_FOUND" ? (
        <p className="muted">No résumé on file yet. One can be added when they apply to a role.</p>
      ) : error?.code === "FORBIDDEN" ? (
        <p className="muted">{error.message}</p>
      ) : (
        <ErrorBanner error={error ?? undefined} />
      )}
      {resume && (
        <>
          <p>
            <a href={`/api/candidates/${candidate.id}/resume/file`} download={resume.filename}>
              Download {resume.filename}
            </a>{" "}
            <span className="muted small">
              ({FORMAT_LABEL[resume.format]}, {sizeLabel(resume.sizeBytes)}, uploaded{" "}
              {formatDateTime(resume.uploadedAt)})
            </span>
          </p>
          <dl className="profile">
            {resume.emails.length > 0 && (
              <div>
                <dt>E-mail in the résumé</dt>
                <dd>{resume.emails.join(", ")}</dd>
              </div>
            )}
            {resume.phones.length > 0 && (
              <div>
                <dt>Phone in the résumé</dt>
                <dd>{resume.phones.join(", ")}</dd>
              </div>
            )}
            {resume.experienceYears !== null && (
              <div>
                <dt>Experience</dt>
                <dd>About {resume.experienceYears} years, as read from the résumé</dd>
              </div>
            )}
          </dl>
        </>
      )}
    </section>
  );
}
