import type { TDatabase } from "../../db/client.js";
import type { TClock } from "../../shared/clock.js";
import { describeWhen } from "../calendar/interview-ics.js";
import type { TMailService } from "../mail/mail.service.js";
import {
  ASSESSMENT_REMINDER_LEAD_MS,
  BUSINESS_DAYS_OF_REMINDERS,
  REMINDER_HORIZON_MS,
  remindersDue,
  scorecardReminderTimes,
} from "./reminder-schedule.js";
import type { TRemindersRepo } from "./reminders.repo.js";

const dateOnly = (at: Date) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(at);

/**
 * The reminders the scheduled job sends: scorecards owed after an interview, and a candidate's
 * assessment about to close. Each reminder is claimed and queued in one transaction, so two
 * processes running the job at once send it once.
 */
export function createRemindersService(deps: {
  db: TDatabase;
  remindersRepo: TRemindersRepo;
  mail: Pick<TMailService, "enqueueMail" | "wake">;
  clock: TClock;
  publicUrl: string;
}) {
  const repo = deps.remindersRepo;
  return {
    async sendDueReminders() {
      const now = deps.clock.now();
      let scorecardReminders = 0;
      const owed = await repo.findAwaitingScorecards({
        endedAfter: new Date(now.getTime() - REMINDER_HORIZON_MS),
        endedBy: now,
        maxReminders: 1 + BUSINESS_DAYS_OF_REMINDERS,
      });
      for (const interview of owed) {
        const end = new Date(interview.scheduledAt.getTime() + interview.durationMinutes * 60_000);
        const due = remindersDue(scorecardReminderTimes(end, interview.timeZone), now);
        if (due <= interview.remindersSent) continue;
        const sent = await deps.db.transaction(async (tx) => {
          if (!(await repo.claimReminder(interview.id, interview.remindersSent, due, tx)))
            return false;
          await deps.mail.enqueueMail(
            {
              kind: "scorecard_reminder",
              to: interview.interviewer.email,
              values: {
                interviewerName: interview.interviewer.name,
                candidateName: interview.candidateName,
                roleTitle: interview.roleTitle,
                link: `${deps.publicUrl}/interviews/${interview.id}`,
              },
            },
            tx,
          );
          return true;
        });
        if (sent) scorecardReminders++;
      }

      let assessmentReminders = 0;
      const closing = await repo.findAssessmentsToRemind(
        now,
        new Date(now.getTime() + ASSESSMENT_REMINDER_LEAD_MS),
      );
      for (const assessment of closing) {
        const sent = await deps.db.transaction(async (tx) => {
          if (!(await repo.claimAssessmentReminder(assessment.id, now, tx))) return false;
          await deps.mail.enqueueMail(
            {
              kind: "assessment_reminder",
              to: assessment.candidate.email,
              values: {
                candidateName: assessment.candidate.name,
                roleTitle: assessment.roleTitle,
                deadline: describeWhen(assessment.deadlineAt, "UTC"),
                sentOn: dateOnly(assessment.createdAt),
              },
            },
            tx,
          );
          return true;
        });
        if (sent) assessmentReminders++;
      }
      if (scorecardReminders + assessmentReminders > 0) await deps.mail.wake();
      return { scorecardReminders, assessmentReminders };
    },
  };
}
export type TRemindersService = ReturnType<typeof createRemindersService>;
