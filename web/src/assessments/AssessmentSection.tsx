import { useState } from "react";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import { ErrorBanner, Notice, SelectField, TextField } from "../components/form";
import { readForm } from "../components/form-data";
import { GradingReport } from "./GradingReport";
import {
  FINAL_GRADING,
  useApplicationAssessments,
  useAssessmentPacks,
  useGrading,
  useRegrade,
  useRevokeAssessment,
  useSendAssessment,
} from "./queries";
import { SubmissionFiles } from "./SubmissionFiles";
import { CountingSummary, VersionPicker } from "./VersionPicker";
import { formatDateTime, formatMinutes } from "./types";
import type { TAssessmentSummary, TPackSummary } from "./types";
import "./assessments.css";

/**
 * Practical assessments of one application: send one, follow it live, read the report. Made to
 * sit on the application page; `/applications/:id/assessment` shows it on its own too.
 */
export function AssessmentSection({ applicationId }: { applicationId: string }) {
  const list = useApplicationAssessments(applicationId);
  const assessments = list.data?.assessments ?? [];

  return (
    <section className="assessments" aria-labelledby="assessments-title">
      <h2 id="assessments-title">Practical assessment</h2>
      <ErrorBanner error={list.error} />
      <SendAssessment applicationId={applicationId} />
      {list.data && assessments.length === 0 && (
        <p className="muted">No assessment has been sent for this application yet.</p>
      )}
      {assessments.map((assessment) => (
        <AssessmentCard key={assessment.id} assessment={assessment} />
      ))}
    </section>
  );
}

function defaultDeadline(): string {
  const date = new Date(Date.now() + 3 * 86_400_000);
  date.setHours(18, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T18:00`;
}

function SendAssessment({ applicationId }: { applicationId: string }) {
  // Only the pipeline's owners get the pack list; for anyone else the form stays hidden.
  const packs = useAssessmentPacks(applicationId);
  const sendAssessment = useSendAssessment(applicationId);
  const [packId, setPackId] = useState<string>();
  const [link, setLink] = useState<string>();
  const error = sendAssessment.error;
  const busy = sendAssessment.isPending;
  const available: TPackSummary[] = packs.data ?? [];
  const pack = available.find((p) => p.id === packId) ?? available[0];
  if (!pack) return null;

  function send(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = readForm(event);
    const deadline = field("deadlineAt");
    const minutes = Number(field("timeLimitMinutes"));
    sendAssessment.mutate(
      {
        packId: field("packId"),
        timeLimitMinutes: Number.isFinite(minutes) && minutes > 0 ? minutes : undefined,
        deadlineAt: deadline ? new Date(deadline).toISOString() : "",
      },
      { onSuccess: (data) => setLink(data.candidateUrl) },
    );
  }

  const fields = fieldErrors(error);
  return (
    <div className="card">
      <h3>Send an assessment</h3>
      <form className="send-form" onSubmit={send} noValidate>
        <SelectField
          label="Work sample"
          name="packId"
          value={pack.id}
          onChange={(e) => setPackId(e.target.value)}
          error={fields.packId}
        >
          {available.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
              {p.suitsRoleLevel ? "" : " (other levels)"}
            </option>
          ))}
        </SelectField>
        <TextField
          key={pack.id}
          label="Time limit (minutes)"
          name="timeLimitMinutes"
          type="number"
          min={10}
          max={1440}
          defaultValue={pack.timeLimitMinutes}
          error={fields.timeLimitMinutes}
        />
        <TextField
          label="Deadline"
          name="deadlineAt"
          type="datetime-local"
          defaultValue={defaultDeadline()}
          error={fields.deadlineAt}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          Send assessment
        </button>
      </form>
      <p className="muted small">{pack.summary}</p>
      <ErrorBanner error={error} />
      {link && (
        <Notice tone="success">
          <p>
            Send this link to the candidate. It is shown only now; it stops working 24 hours after
            the deadline.
          </p>
          <div className="copy-row">
            <input
              aria-label="Candidate link"
              data-testid="candidate-link"
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" onClick={() => void navigator.clipboard.writeText(link)}>
              Copy
            </button>
          </div>
        </Notice>
      )}
    </div>
  );
}

const STATE_LABELS: Record<TAssessmentSummary["state"], string> = {
  sent: "Sent, not started",
  started: "In progress",
  submitted: "Submitted",
  revoked: "Withdrawn",
  expired: "Link expired",
};
const GRADING_LABELS: Record<string, string> = {
  queued: "Queued for grading…",
  running: "Grading in the sandbox…",
  graded: "Graded",
  error: "Could not be graded",
};

function AssessmentCard({ assessment }: { assessment: TAssessmentSummary }) {
  const [chosen, setChosen] = useState<string>();
  const revokeAssessment = useRevokeAssessment();
  const regrade = useRegrade();
  const error = revokeAssessment.error ?? regrade.error;
  // The version that counts is shown first; the picker shows any other.
  const counting = assessment.counting;
  const submission =
    assessment.submissions.find((s) => s.id === chosen) ??
    assessment.submissions.find((s) => s.id === counting?.submissionId);

  const grading = submission?.latestGrading;
  return (
    <article className="card assessment-card" aria-label={`Assessment: ${assessment.pack.title}`}>
      <header className="assessment-head">
        <div>
          <h3>{assessment.pack.title}</h3>
          <p className="muted small">
            {formatMinutes(assessment.timeLimitMinutes)} · deadline{" "}
            {formatDateTime(assessment.deadlineAt)} · sent {formatDateTime(assessment.sentAt)}
            {assessment.sentBy ? ` by ${assessment.sentBy.name}` : ""}
            {assessment.startedAt ? ` · started ${formatDateTime(assessment.startedAt)}` : ""}
          </p>
        </div>
        <span className={`badge state-${assessment.state}`}>{STATE_LABELS[assessment.state]}</span>
        {assessment.permissions.canManage &&
          assessment.state !== "revoked" &&
          assessment.state !== "expired" && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => revokeAssessment.mutate(assessment.id)}
            >
              Withdraw link
            </button>
          )}
      </header>
      <ErrorBanner error={error} />
      <CountingSummary assessment={assessment} />
      {assessment.submissions.length > 1 && (
        <VersionPicker assessment={assessment} shown={submission?.id} onShow={setChosen} />
      )}
      {submission && (
        <>
          <div className="grading-status" aria-live="polite" data-testid="grading-status">
            <span className={`status-dot status-${grading?.status ?? "none"}`} aria-hidden="true" />
            <strong>{grading ? GRADING_LABELS[grading.status] : "Not graded"}</strong>
            <span className="muted small">
              Version {submission.version} · {formatDateTime(submission.submittedAt)}
              {submission.isLate ? " · submitted late" : ""}
              {counting && submission.id !== counting.submissionId
                ? ` · does not count (version ${counting.version} does)`
                : ""}
            </span>
            {assessment.permissions.canManage && grading && FINAL_GRADING.has(grading.status) && (
              <button type="button" onClick={() => regrade.mutate(submission.id)}>
                Re-grade
              </button>
            )}
          </div>
          {grading && FINAL_GRADING.has(grading.status) && (
            <GradingDetail gradingId={grading.id} status={grading.status} />
          )}
          <details className="files-panel" open>
            <summary>Candidate's files</summary>
            <SubmissionFiles submissionId={submission.id} />
          </details>
        </>
      )}
    </article>
  );
}

function GradingDetail({ gradingId, status }: { gradingId: string; status: string }) {
  const detail = useGrading(gradingId, status);
  return (
    <>
      <ErrorBanner error={detail.error} />
      {detail.data && <GradingReport grading={detail.data} />}
    </>
  );
}
