import { useEffect, useState } from "react";
import type { SyntheticEvent } from "react";
import { api, fieldErrors, toApiError } from "../api/client";
import type { TApiError } from "../api/client";
import { ErrorBanner, Notice, SelectField, TextField } from "../components/form";
import { readForm } from "../components/form-data";
import { GradingReport } from "./GradingReport";
import { SubmissionFiles } from "./SubmissionFiles";
import { formatDateTime, formatMinutes } from "./types";
import type { TAssessmentSummary, TPackSummary } from "./types";
import { useLoad } from "../components/use-load";
import "./assessments.css";

const FINAL = new Set(["graded", "error"]);
/** Short polling while a grading is in flight (the issue asks for at most 2 s). */
const LIVE_POLL_MS = 1500;
/** While a link is open a new upload can arrive at any moment; check less often. */
const OPEN_POLL_MS = 5000;

function pollInterval(assessments: TAssessmentSummary[]): number | undefined {
  const inFlight = assessments.some((a) =>
    a.submissions.some((s) => s.latestGrading && !FINAL.has(s.latestGrading.status)),
  );
  if (inFlight) return LIVE_POLL_MS;
  const open = assessments.some(
    (a) => a.state !== "revoked" && new Date(a.linkExpiresAt).getTime() > Date.now(),
  );
  return open ? OPEN_POLL_MS : undefined;
}

/**
 * Practical assessments of one application: send one, follow it live, read the report. Made to
 * sit on the application page; `/applications/:id/assessment` shows it on its own too.
 */
export function AssessmentSection({ applicationId }: { applicationId: string }) {
  const list = useLoad(
    () =>
      api.GET("/api/applications/{applicationId}/assessments", {
        params: { path: { applicationId } },
      }),
    applicationId,
  );
  const assessments = list.data?.assessments ?? [];
  const interval = pollInterval(assessments);
  const { reload } = list;
  useEffect(() => {
    if (interval === undefined) return;
    const timer = setInterval(() => void reload(), interval);
    return () => clearInterval(timer);
  }, [interval, reload]);

  return (
    <section className="assessments" aria-labelledby="assessments-title">
      <h2 id="assessments-title">Practical assessment</h2>
      <ErrorBanner error={list.error} />
      <SendAssessment applicationId={applicationId} onSent={() => void reload()} />
      {list.data && assessments.length === 0 && (
        <p className="muted">No assessment has been sent for this application yet.</p>
      )}
      {assessments.map((assessment) => (
        <AssessmentCard
          key={assessment.id}
          assessment={assessment}
          onChange={() => void reload()}
        />
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

function SendAssessment({ applicationId, onSent }: { applicationId: string; onSent: () => void }) {
  // Only the pipeline's owners get the pack list; for anyone else the form stays hidden.
  const packs = useLoad(
    () =>
      api.GET("/api/applications/{applicationId}/assessment-packs", {
        params: { path: { applicationId } },
      }),
    applicationId,
  );
  const [packId, setPackId] = useState<string>();
  const [error, setError] = useState<TApiError>();
  const [link, setLink] = useState<string>();
  const [busy, setBusy] = useState(false);
  const available: TPackSummary[] = packs.data?.packs ?? [];
  const pack = available.find((p) => p.id === packId) ?? available[0];
  if (!pack) return null;

  async function send(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = readForm(event);
    const deadline = field("deadlineAt");
    const minutes = Number(field("timeLimitMinutes"));
    setBusy(true);
    const { data, error: failure } = await api.POST(
      "/api/applications/{applicationId}/assessments",
      {
        params: { path: { applicationId } },
        body: {
          packId: field("packId"),
          timeLimitMinutes: Number.isFinite(minutes) && minutes > 0 ? minutes : undefined,
          deadlineAt: deadline ? new Date(deadline).toISOString() : "",
        },
      },
    );
    setBusy(false);
    if (!data) return setError(toApiError(failure));
    setError(undefined);
    setLink(data.candidateUrl);
    onSent();
  }

  const fields = fieldErrors(error);
  return (
    <div className="card">
      <h3>Send an assessment</h3>
      <form className="send-form" onSubmit={(e) => void send(e)} noValidate>
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

function AssessmentCard({
  assessment,
  onChange,
}: {
  assessment: TAssessmentSummary;
  onChange: () => void;
}) {
  const [chosen, setChosen] = useState<string>();
  const [error, setError] = useState<TApiError>();
  const submission =
    assessment.submissions.find((s) => s.id === chosen) ?? assessment.submissions[0];

  async function revoke() {
    const { error: failure } = await api.POST("/api/assessments/{assessmentId}/revoke", {
      params: { path: { assessmentId: assessment.id } },
    });
    if (failure) setError(toApiError(failure));
    onChange();
  }

  async function regrade(submissionId: string) {
    const { error: failure } = await api.POST("/api/submissions/{submissionId}/regrade", {
      params: { path: { submissionId } },
    });
    if (failure) setError(toApiError(failure));
    onChange();
  }

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
            <button type="button" className="button-quiet" onClick={() => void revoke()}>
              Withdraw link
            </button>
          )}
      </header>
      <ErrorBanner error={error} />
      {assessment.submissions.length > 1 && (
        <div className="versions" role="group" aria-label="Submitted versions">
          {assessment.submissions.map((s, n) => (
            <button
              key={s.id}
              type="button"
              aria-pressed={s.id === submission?.id}
              onClick={() => setChosen(s.id)}
            >
              v{s.version}
              {n === 0 ? " (counts)" : ""}
              {s.isLate ? " · late" : ""}
              {s.latestGrading?.score !== null && s.latestGrading?.score !== undefined
                ? ` · ${s.latestGrading.score}`
                : ""}
            </button>
          ))}
        </div>
      )}
      {submission && (
        <>
          <div className="grading-status" aria-live="polite" data-testid="grading-status">
            <span className={`status-dot status-${grading?.status ?? "none"}`} aria-hidden="true" />
            <strong>{grading ? GRADING_LABELS[grading.status] : "Not graded"}</strong>
            <span className="muted small">
              Version {submission.version} · {formatDateTime(submission.submittedAt)}
              {submission.isLate ? " · submitted late" : ""}
            </span>
            {assessment.permissions.canManage && grading && FINAL.has(grading.status) && (
              <button type="button" onClick={() => void regrade(submission.id)}>
                Re-grade
              </button>
            )}
          </div>
          {grading && FINAL.has(grading.status) && (
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
  const detail = useLoad(
    () => api.GET("/api/gradings/{gradingId}", { params: { path: { gradingId } } }),
    `${gradingId}:${status}`,
  );
  return (
    <>
      <ErrorBanner error={detail.error} />
      {detail.data && <GradingReport grading={detail.data.grading} />}
    </>
  );
}
