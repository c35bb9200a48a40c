import { useState } from "react";
import { Link } from "react-router";
import { ErrorBanner } from "../components/form";
import { GradingReport } from "./GradingReport";
import {
  FINAL_GRADING,
  useApplicationAssessments,
  useGrading,
  useRegrade,
  useRevokeAssessment,
} from "./queries";
import { SendAssessment } from "./SendAssessment";
import { SubmissionFiles } from "./SubmissionFiles";
import { CountingSummary, VersionPicker } from "./VersionPicker";
import { formatDateTime, formatMinutes } from "./types";
import type { TAssessmentSummary } from "./types";
import "./assessments.css";

/**
 * Practical assessments of one application: send one, follow it live, read the report. It sits
 * under the page's h1 (`/applications/:id/assessment`), so it names no section of its own: the
 * send form and the list of sent assessments are its two h2 sections.
 */
export function AssessmentSection({ applicationId }: { applicationId: string }) {
  const list = useApplicationAssessments(applicationId);
  const assessments = list.data?.assessments ?? [];

  return (
    <div className="assessments">
      <SendAssessment applicationId={applicationId} />
      <section aria-labelledby="sent-assessments-title">
        <h2 id="sent-assessments-title">Assessments sent</h2>
        <ErrorBanner error={list.error} />
        {list.data && assessments.length === 0 && (
          <p className="muted">No assessment has been sent for this application yet.</p>
        )}
        {assessments.map((assessment) => (
          <AssessmentCard key={assessment.id} assessment={assessment} />
        ))}
      </section>
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

type TPart = TAssessmentSummary["parts"][number];

function AssessmentCard({ assessment }: { assessment: TAssessmentSummary }) {
  const revokeAssessment = useRevokeAssessment();
  const title = assessment.parts.map((part) => part.pack.title).join(" + ");
  return (
    <article className="card assessment-card" aria-label={`Assessment: ${title}`}>
      <header className="assessment-head">
        <div>
          <h3>
            {assessment.parts.length === 1
              ? title
              : `${assessment.parts.length} parts: ${assessment.parts.map((part) => part.pack.title).join(", ")}`}
          </h3>
          <p className="muted small">
            {formatMinutes(assessment.timeLimitMinutes)}
            {assessment.parts.length > 1
              ? assessment.timing === "shared"
                ? " in one time box"
                : " in all, a clock per part"
              : ""}{" "}
            · deadline {formatDateTime(assessment.deadlineAt)} · sent{" "}
            {formatDateTime(assessment.sentAt)}
            {assessment.sentBy ? ` by ${assessment.sentBy.name}` : ""}
            {assessment.startedAt ? ` · started ${formatDateTime(assessment.startedAt)}` : ""}
            {assessment.finishedAt
              ? ` · the candidate finished ${formatDateTime(assessment.finishedAt)}`
              : ""}
          </p>
        </div>
        <span className={`badge state-${assessment.state}`}>
          {assessment.finishedAt ? "Finished" : STATE_LABELS[assessment.state]}
        </span>
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
      <ErrorBanner error={revokeAssessment.error} />
      {assessment.parts.map((part) => (
        <PartResults
          key={part.id}
          assessmentId={assessment.id}
          part={part}
          numbered={assessment.parts.length > 1}
          finished={assessment.finishedAt !== null}
          canManage={assessment.permissions.canManage}
          canChoose={assessment.permissions.canChooseCountingVersion}
        />
      ))}
    </article>
  );
}

function PartResults({
  assessmentId,
  part,
  numbered,
  finished,
  canManage,
  canChoose,
}: {
  assessmentId: string;
  part: TPart;
  numbered: boolean;
  /** The candidate pressed "I'm finished": an empty part will stay empty. */
  finished: boolean;
  canManage: boolean;
  canChoose: boolean;
}) {
  const [chosen, setChosen] = useState<string>();
  const regrade = useRegrade();
  // The part's version that counts is shown first; the picker shows any other.
  const counting = part.counting;
  const submission =
    part.submissions.find((s) => s.id === chosen) ??
    part.submissions.find((s) => s.id === counting?.submissionId);
  const grading = submission?.latestGrading;
  const Wrapper = numbered ? "section" : "div";
  const isDocument = part.pack.submissionKind === "document";
  return (
    <Wrapper
      className={numbered ? "assessment-part" : undefined}
      aria-label={numbered ? `Part ${part.position}: ${part.pack.title}` : undefined}
      data-testid={`part-${part.position}`}
    >
      {numbered && (
        <header className="assessment-part-head">
          <h4>
            Part {part.position}: {part.pack.title}
          </h4>
          <span className={`badge state-${part.state}`}>
            {finished && part.submissions.length === 0
              ? "Nothing handed in"
              : STATE_LABELS[part.state]}
          </span>
        </header>
      )}
      <ErrorBanner error={regrade.error} />
      {isDocument && (
        <p>
          <Link to={`/assessments/${assessmentId}/parts/${part.position}/design-review`}>
            {numbered
              ? `Open the design review of part ${part.position}`
              : "Open the design review of this document"}
          </Link>
        </p>
      )}
      <CountingSummary part={part} />
      {part.submissions.length > 1 && (
        <VersionPicker
          assessmentId={assessmentId}
          part={part}
          canChoose={canChoose}
          shown={submission?.id}
          onShow={setChosen}
        />
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
            {canManage && grading && FINAL_GRADING.has(grading.status) && (
              <button type="button" onClick={() => regrade.mutate(submission.id)}>
                Re-grade
              </button>
            )}
          </div>
          {/* A design document has no automatic score: its section check and reviews are on
              the design review page. */}
          {grading && FINAL_GRADING.has(grading.status) && !isDocument && (
            <GradingDetail gradingId={grading.id} status={grading.status} />
          )}
          {!isDocument && (
            <details className="files-panel" open={!numbered}>
              <summary>Candidate's files</summary>
              <SubmissionFiles submissionId={submission.id} />
            </details>
          )}
        </>
      )}
      {numbered && part.submissions.length === 0 && (
        <p className="muted small">Nothing handed in for this part yet.</p>
      )}
    </Wrapper>
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
