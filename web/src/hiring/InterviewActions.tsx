import { useState } from "react";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import type { TInterviewSummary } from "../api/hiring-types";
import { useCancelInterview, useRescheduleInterview } from "../applications/queries";
import { ErrorBanner } from "../components/form";
import { InterviewTimeFields, readTimeFields } from "../interviews/InterviewTimeFields";
import { isoToZonedInput, zonedInputToIso } from "../interviews/zoned-time";

/** Reschedule or cancel one interview that has no submitted scorecard yet. */
export function InterviewActions({ interview }: { interview: TInterviewSummary }) {
  const reschedule = useRescheduleInterview();
  const cancel = useCancelInterview();
  const [open, setOpen] = useState(false);
  const [localError, setLocalError] = useState<string>();
  const errors = {
    ...fieldErrors(reschedule.error),
    ...(localError ? { scheduledAt: localError } : {}),
  };
  const who = `${interview.stageName} with ${interview.interviewer.name}`;

  function save(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const time = readTimeFields(new FormData(event.currentTarget), zonedInputToIso);
    if (!time.ok) return setLocalError(time.message);
    setLocalError(undefined);
    reschedule.mutate(
      { interviewId: interview.id, ...time.value },
      { onSuccess: () => setOpen(false) },
    );
  }

  function confirmCancel() {
    const sure = window.confirm(
      `Cancel the ${who}? Its kit closes, any draft scorecard is removed, and the interviewer ` +
        "and the candidate get a cancellation for their calendars.",
    );
    if (sure) cancel.mutate(interview.id);
  }

  return (
    <div className="interview-actions">
      <ErrorBanner error={cancel.error} />
      {open ? (
        <form className="inline-form" onSubmit={save} noValidate aria-label={`Reschedule ${who}`}>
          <ErrorBanner error={reschedule.error} />
          <InterviewTimeFields
            timeLabel="New date and time"
            defaults={{
              when: isoToZonedInput(interview.scheduledAt, interview.timeZone),
              timeZone: interview.timeZone,
              durationMinutes: interview.durationMinutes,
              location: interview.location,
              meetingUrl: interview.meetingUrl,
            }}
            errors={errors}
          />
          <div className="button-row">
            <button type="submit" className="button-primary" disabled={reschedule.isPending}>
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
