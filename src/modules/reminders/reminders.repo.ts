import { and, eq, gt, isNull, lt, lte, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import {
  applications,
  assessmentParts,
  assessments,
  candidates,
  interviews,
  roles,
  scorecards,
  users,
} from "../../db/schema/index.js";

export function createRemindersRepo(db: TDatabase) {
  return {
    /**
     * Interviews that ended between `endedAfter` and `endedBy` on active applications, whose
     * interviewer is active and has not submitted a scorecard, with who and what to name in the
     * reminder. One statement.
     */
    async findAwaitingScorecards(
      window: { endedAfter: Date; endedBy: Date; maxReminders: number },
      executor: TExecutor = db,
    ) {
      const end = sql`${interviews.scheduledAt} + make_interval(mins => ${interviews.durationMinutes})`;
      return executor
        .select({
          id: interviews.id,
          scheduledAt: interviews.scheduledAt,
          durationMinutes: interviews.durationMinutes,
          timeZone: interviews.timeZone,
          remindersSent: interviews.remindersSent,
          interviewer: { name: users.name, email: users.email },
          candidateName: candidates.name,
          roleTitle: roles.title,
        })
        .from(interviews)
        .innerJoin(users, eq(users.id, interviews.interviewerId))
        .innerJoin(applications, eq(applications.id, interviews.applicationId))
        .innerJoin(candidates, eq(candidates.id, applications.candidateId))
        .innerJoin(roles, eq(roles.id, applications.roleId))
        .where(
          and(
            eq(applications.status, "active"),
            isNull(users.disabledAt),
            lt(interviews.remindersSent, window.maxReminders),
            sql`${end} > ${window.endedAfter.toISOString()}::timestamptz`,
            sql`${end} <= ${window.endedBy.toISOString()}::timestamptz`,
            sql`not exists (select 1 from ${scorecards} s
              where s.interview_id = ${interviews.id} and s.status = 'submitted')`,
          ),
        );
    },

    /**
     * Records that reminders up to `count` went out, only if no other run got there first: the
     * caller sends a reminder only when this returns true.
     */
    async claimReminder(id: string, from: number, count: number, executor: TExecutor = db) {
      const rows = await executor
        .update(interviews)
        .set({ remindersSent: count })
        .where(and(eq(interviews.id, id), eq(interviews.remindersSent, from)))
        .returning({ id: interviews.id });
      return rows.length === 1;
    },

    /**
     * Open assessments whose deadline falls in (now, dueBy], sent more than a day before it, not
     * yet reminded, with a part still waiting for an upload, and their candidate.
     */
    async findAssessmentsToRemind(now: Date, dueBy: Date, executor: TExecutor = db) {
      return executor
        .select({
          id: assessments.id,
          deadlineAt: assessments.deadlineAt,
          createdAt: assessments.createdAt,
          candidate: { name: candidates.name, email: candidates.email },
          roleTitle: roles.title,
        })
        .from(assessments)
        .innerJoin(applications, eq(applications.id, assessments.applicationId))
        .innerJoin(candidates, eq(candidates.id, applications.candidateId))
        .innerJoin(roles, eq(roles.id, applications.roleId))
        .where(
          and(
            eq(applications.status, "active"),
            isNull(assessments.revokedAt),
            isNull(assessments.finishedAt),
            isNull(assessments.remindedAt),
            gt(assessments.deadlineAt, now),
            lte(assessments.deadlineAt, dueBy),
            sql`${assessments.createdAt} < ${assessments.deadlineAt} - interval '1 day'`,
            sql`exists (select 1 from ${assessmentParts} p
              where p.assessment_id = ${assessments.id} and p.submitted_at is null)`,
          ),
        );
    },

    async claimAssessmentReminder(id: string, at: Date, executor: TExecutor = db) {
      const rows = await executor
        .update(assessments)
        .set({ remindedAt: at })
        .where(and(eq(assessments.id, id), isNull(assessments.remindedAt)))
        .returning({ id: assessments.id });
      return rows.length === 1;
    },
  };
}
export type TRemindersRepo = ReturnType<typeof createRemindersRepo>;
