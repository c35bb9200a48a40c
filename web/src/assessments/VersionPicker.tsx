import { useState } from "react";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import { ErrorBanner } from "../components/form";
import { readForm } from "../components/form-data";
import { useChooseCountingVersion } from "./queries";
import { formatDateTime } from "./types";
import type { TAssessmentSummary } from "./types";

type TPart = TAssessmentSummary["parts"][number];
type TSubmission = TPart["submissions"][number];
type TCounting = NonNullable<TPart["counting"]>;

const STATUS_TEXT: Record<string, string> = {
  queued: "queued",
  running: "grading",
  graded: "graded",
  error: "could not be graded",
};

function scoreText(part: TPart, submission: TSubmission): string {
  const grading = submission.latestGrading;
  if (!grading) return "not graded";
  // A design document is read by people: its automatic check lists sections, it has no score.
  if (part.pack.submissionKind === "document")
    return grading.status === "graded"
      ? "sections checked"
      : (STATUS_TEXT[grading.status] ?? grading.status);
  if (grading.status === "graded" && grading.score !== null) return `${grading.score} / 100`;
  return STATUS_TEXT[grading.status] ?? grading.status;
}

/** "Version 2 of 2 counts (the newest); version 1 scored 100." — said on every part's report. */
export function CountingSummary({ part }: { part: TPart }) {
  const counting = part.counting;
  if (!counting) return null;
  const others = part.submissions
    .filter((s) => s.id !== counting.submissionId)
    .map(
      (s) =>
        `version ${s.version} ${s.latestGrading?.score != null && part.pack.submissionKind !== "document" ? `scored ${s.latestGrading.score}` : scoreText(part, s)}`,
    );
  return (
    <div className="counting-summary" data-testid="counting-summary">
      <p>
        <strong>
          Version {counting.version} of {counting.of} counts
        </strong>
        {counting.chosen ? "" : counting.of > 1 ? " (the newest)" : ""}
        {others.length > 0 ? `; ${others.join(", ")}.` : "."}
      </p>
      {counting.chosen && <ChoiceLine chosen={counting.chosen} />}
    </div>
  );
}

function ChoiceLine({ chosen }: { chosen: NonNullable<TCounting["chosen"]> }) {
  return (
    <p className="small" data-testid="counting-choice">
      Chosen by {chosen.by?.name ?? "a former team member"} on {formatDateTime(chosen.at)}:{" "}
      <q>{chosen.reason}</q>
    </p>
  );
}

/**
 * Every uploaded version of one part with its time, status and score. Selecting one shows its
 * report; the role's lead can make another version the one that counts for this part, with a
 * reason.
 */
export function VersionPicker({
  assessmentId,
  part,
  canChoose,
  shown,
  onShow,
}: {
  assessmentId: string;
  part: TPart;
  canChoose: boolean;
  shown: string | undefined;
  onShow: (submissionId: string) => void;
}) {
  const [choosing, setChoosing] = useState<string>();
  const counting = part.counting;
  return (
    <div className="version-picker">
      <table className="versions-table">
        <caption className="visually-hidden">Uploaded versions of part {part.position}</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Submitted</th>
            <th scope="col">Result</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {part.submissions.map((s) => {
            const counts = s.id === counting?.submissionId;
            return (
              <tr key={s.id} className={counts ? "counts" : undefined}>
                <th scope="row">
                  v{s.version}
                  {counts && <span className="badge badge-counts">counts</span>}
                </th>
                <td>
                  {formatDateTime(s.submittedAt)}
                  {s.isLate ? " · late" : ""}
                </td>
                <td>{scoreText(part, s)}</td>
                <td className="version-actions">
                  <button
                    type="button"
                    aria-pressed={s.id === shown}
                    aria-label={`Show version ${s.version}`}
                    onClick={() => onShow(s.id)}
                  >
                    Show
                  </button>
                  {canChoose && !counts && (
                    <button
                      type="button"
                      className="button-quiet"
                      aria-expanded={choosing === s.id}
                      onClick={() => setChoosing(choosing === s.id ? undefined : s.id)}
                    >
                      Make v{s.version} count
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {choosing && (
        <ChooseForm
          key={choosing}
          assessmentId={assessmentId}
          part={part.position}
          submission={part.submissions.find((s) => s.id === choosing)}
          onDone={() => setChoosing(undefined)}
        />
      )}
    </div>
  );
}

function ChooseForm({
  assessmentId,
  part,
  submission,
  onDone,
}: {
  assessmentId: string;
  part: number;
  submission: TSubmission | undefined;
  onDone: () => void;
}) {
  const choose = useChooseCountingVersion(assessmentId, part);
  if (!submission) return null;
  const errors = fieldErrors(choose.error);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!submission) return;
    const reason = readForm(event)("reason");
    choose.mutate({ submissionId: submission.id, reason }, { onSuccess: onDone });
  }

  const id = `reason-${submission.id}`;
  return (
    <form className="choose-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>Why should version {submission.version} count?</label>
        <textarea
          id={id}
          name="reason"
          rows={2}
          maxLength={1000}
          required
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id}-error` : `${id}-hint`}
        />
        <p className="hint" id={`${id}-hint`}>
          Kept with the choice and in the audit trail; the team sees who chose and why.
        </p>
        {errors.reason && (
          <p className="field-error" id={`${id}-error`}>
            The reason {errors.reason}
          </p>
        )}
      </div>
      <ErrorBanner error={errors.reason ? null : choose.error} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={choose.isPending}>
          Make version {submission.version} count
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
