import { useState } from "react";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import type { TInterviewSummary } from "../api/hiring-types";
import { useCancelInterview, useRescheduleInterview } from "../applications/queries";
import { ErrorBanner, TextField } from "../components/form";

/** "2026-12-04T15:30" in the browser's time zone, as a datetime-local input shows it. */
function toLocalInput(iso: string): string {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Reschedule or cancel one interview that has no submitted scorecard yet. */
export function InterviewActions({ interview }: { interview: TInterviewSummary }) {
  const reschedule = useRescheduleInterview();
  const cancel = useCancelInterview();
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState(() => toLocalInput(interview.scheduledAt));
  const errors = fieldErrors(reschedule.error);
  const who = `${interview.stageName} with ${interview.interviewer.name}`;

  function save(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const at = new Date(when);
    if (Number.isNaN(at.getTime())) return;
    reschedule.mutate(
      { interviewId: interview.id, scheduledAt: at.toISOString() },
      { onSuccess: () => setOpen(false) },
    );
  }

  function confirmCancel() {
    const sure = window.confirm(
      `Cancel the ${who}? Its kit closes and any draft scorecard is removed.`,
    );
    if (sure) cancel.mutate(interview.id);
  }

  return (
    <div className="interview-actions">
      <ErrorBanner error={cancel.error} />
      {open ? (
        <form className="inline-form" onSubmit={save} noValidate aria-label={`Reschedule ${who}`}>
          <ErrorBanner error={reschedule.error} />
          <TextField
            label="New date and time"
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            error={errors.scheduledAt}
            required
          />
          <div className="button-row">
            <button
              type="submit"
              className="button-primary"
              disabled={!when || reschedule.isPending}
            >
              Save the new time
            </button>
            <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
              Keep the time
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button-quiet"
            aria-label={`Reschedule ${who}`}
            onClick={() => setOpen(true)}
          >
            Reschedule
          </button>
          <button
            type="button"
            className="button-quiet"
            aria-label={`Cancel ${who}`}
            disabled={cancel.isPending}
            onClick={confirmCancel}
          >
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
