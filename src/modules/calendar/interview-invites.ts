import type { TExecutor } from "../../db/client.js";
import type { TMailKind } from "../../db/schema/index.js";
import type { TInterviewsRepo } from "../interviews/interviews.repo.js";
import type { TMailService } from "../mail/mail.service.js";
import { describeWhen, interviewInviteIcs } from "./interview-ics.js";
import type { TInterviewEvent } from "./interview-ics.js";

export type TInviteDetails = Awaited<ReturnType<TInterviewsRepo["findInviteDetails"]>>[number];
export type TInviteChange = "scheduled" | "rescheduled" | "cancelled";

const KIND: Record<TInviteChange, TMailKind> = {
  scheduled: "interview_scheduled",
  rescheduled: "interview_rescheduled",
  cancelled: "interview_cancelled",
};

/** Where, in words: the room and the link when both are set. */
export function describePlace(interview: TInviteDetails["interview"]): string {
  const parts = [interview.location, interview.meetingUrl].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(" · ") : "to be confirmed; we will send the details";
}

/** One interview as the event both of its people get. */
export function interviewEvent(
  details: TInviteDetails,
  organizer: { name: string; email: string } | null,
): TInterviewEvent {
  const { interview, interviewer, candidate, roleTitle, stageName } = details;
  const when = describeWhen(interview.scheduledAt, interview.timeZone);
  return {
    interviewId: interview.id,
    sequence: interview.calendarSequence,
    start: interview.scheduledAt,
    durationMinutes: interview.durationMinutes,
    summary: `${roleTitle} interview: ${stageName}`,
    description:
      `${stageName} for ${roleTitle}, with ${candidate.name} and ${interviewer.name}.\n` +
      `When: ${when}, ${interview.durationMinutes} minutes.\nWhere: ${describePlace(interview)}`,
    location: interview.location,
    meetingUrl: interview.meetingUrl,
    organizer,
    attendees: [
      { name: interviewer.name, email: interviewer.email },
      { name: candidate.name, email: candidate.email },
    ],
  };
}

/**
 * Puts the invites for a change into the outbox, in the caller's transaction: the interviewer and
 * the candidate each get the mail of its kind with the iCalendar part (REQUEST, or CANCEL). The
 * caller wakes the mail worker after its commit.
 */
export async function enqueueInterviewInvites(
  mail: Pick<TMailService, "enqueueMail">,
  change: TInviteChange,
  interviews: readonly TInviteDetails[],
  organizer: { name: string; email: string },
  tx: TExecutor,
): Promise<void> {
  for (const details of interviews) {
    const ics = interviewInviteIcs(
      interviewEvent(details, organizer),
      change === "cancelled" ? "CANCEL" : "REQUEST",
    );
    const common = {
      candidateName: details.candidate.name,
      roleTitle: details.roleTitle,
      when: describeWhen(details.interview.scheduledAt, details.interview.timeZone),
      location: describePlace(details.interview),
    };
    for (const person of [details.interviewer, details.candidate])
      await mail.enqueueMail(
        {
          kind: KIND[change],
          to: person.email,
          values: { ...common, recipientName: person.name },
          calendar: { method: change === "cancelled" ? "CANCEL" : "REQUEST", ics },
        },
        tx,
      );
  }
}
