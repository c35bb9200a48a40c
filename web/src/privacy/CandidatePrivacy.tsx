import { useState } from "react";
import type { SyntheticEvent } from "react";
import { formatDateTime } from "../api/hiring-types";
import type { TCandidate } from "../api/hiring-types";
import { ErrorBanner, TextField } from "../components/form";
import { useCurrentUser } from "../session";
import { exportUrl, useAccessTrail, useCandidateConsents, useEraseCandidate } from "./queries";
import { ScrollRegion } from "../components/ScrollRegion";

const BASIS_LABEL: Record<string, string> = {
  consent: "Consent",
  legitimate_interest: "Legitimate interest",
  contract: "Contract",
};
const SOURCE_LABEL: Record<string, string> = {
  team_form: "added by the team",
  csv_import: "CSV import",
  bulk_intake: "bulk résumé intake",
  assessment: "acknowledged when starting the assessment",
};
const ACCESS_LABEL: Record<string, string> = {
  contact: "Contact details",
  resume_text: "Résumé text",
  resume_file: "Résumé file",
};

/** The candidate page's privacy section: consent records for all; export, trail, erasure for admins. */
export function CandidatePrivacy({ candidate }: { candidate: TCandidate }) {
  const user = useCurrentUser();
  const isAdmin = user.role === "admin";
  const consents = useCandidateConsents(candidate.id);
  return (
    <section className="card" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Personal data</h2>
      <h3>Lawful basis</h3>
      <ErrorBanner error={consents.error ?? undefined} />
      {consents.data?.length === 0 && <p className="muted">No consent record on file.</p>}
      <ul className="plain-list">
        {(consents.data ?? []).map((c) => (
          <li key={c.id}>
            <span>
              <strong>{BASIS_LABEL[c.lawfulBasis] ?? c.lawfulBasis}</strong>,{" "}
              {SOURCE_LABEL[c.source] ?? c.source}
              {c.recordedBy ? ` by ${c.recordedBy.name}` : ""}, {formatDateTime(c.recordedAt)}
              {c.noticeUrl && (
                <>
                  {" "}
                  (<a href={c.noticeUrl}>privacy notice</a>)
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      {isAdmin && !candidate.erasedAt && (
        <>
          <h3>Export</h3>
          <p>
            <a className="button-link" href={exportUrl(candidate.id)} download>
              Download everything held about {candidate.name} (zip)
            </a>
          </p>
        </>
      )}
      {isAdmin && <AccessTrail candidateId={candidate.id} />}
      {isAdmin && !candidate.erasedAt && <EraseForm candidate={candidate} />}
    </section>
  );
}

function AccessTrail({ candidateId }: { candidateId: string }) {
  const trail = useAccessTrail(candidateId, true);
  return (
    <>
      <h3>Who viewed contact details or the résumé</h3>
      <ErrorBanner error={trail.error ?? undefined} />
      {trail.data?.events.length === 0 && <p className="muted">Nobody yet.</p>}
      {trail.data && trail.data.events.length > 0 && (
        <ScrollRegion label="Consent records">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {trail.data.events.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.user ? e.user.name : "A removed user"}</td>
                  <td>{ACCESS_LABEL[e.kind] ?? e.kind}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

function EraseForm({ candidate }: { candidate: TCandidate }) {
  const [confirmName, setConfirmName] = useState("");
  const [reason, setReason] = useState("");
  const erase = useEraseCandidate(candidate.id);
  const fieldError = (field: string) =>
    erase.error?.fields?.find((f) => f.field === field)?.message;
  const matches =
    confirmName.trim().replace(/\s+/g, " ").toLowerCase() ===
    candidate.name.trim().replace(/\s+/g, " ").toLowerCase();
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    erase.mutate({ confirmName, reason });
  }
  return (
    <form onSubmit={submit} aria-labelledby="erase-heading" className="erase-form">
      <h3 id="erase-heading">Erase personal data</h3>
      <p>
        This cannot be undone. The name, contact details, notes, résumés and submitted files are
        deleted; an anonymous record keeps the ratings, stage history and grading scores so the
        pipeline and analytics stay true.
      </p>
      <TextField
        label="Type the candidate's name to confirm"
        value={confirmName}
        onChange={(e) => setConfirmName(e.target.value)}
        error={fieldError("confirmName")}
        autoComplete="off"
        maxLength={120}
        hint={candidate.name}
      />
      <TextField
        label="Reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError("reason")}
        maxLength={500}
        hint="Kept in the audit log: leave the person's name out."
      />
      <ErrorBanner error={erase.error ?? undefined} />
      <p>
        <button
          type="submit"
          className="button-danger"
          disabled={!matches || reason.trim().length < 5 || erase.isPending}
        >
          {erase.isPending ? "Erasing…" : "Erase permanently"}
        </button>
      </p>
    </form>
  );
}
