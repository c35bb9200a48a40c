import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { AnyColumn, SQL } from "drizzle-orm";
import type { TTimeKey } from "../../shared/keyset-cursor.js";
import type { TDatabase, TExecutor } from "../../db/client.js";
import {
  applications,
  candidates,
  interviews,
  roles,
  roleStages,
  scorecards,
  users,
} from "../../db/schema/index.js";

export type TInterviewRow = typeof interviews.$inferSelect;

type TScorecardStatus = "none" | "draft" | "submitted";

const scorecardStatusOf = (interviewId: SQL | AnyColumn) => sql<TScorecardStatus>`(
  select case when bool_or(${scorecards.status} = 'submitted') then 'submitted'
              when count(*) > 0 then 'draft' else 'none' end
  from ${scorecards} where ${scorecards.interviewId} = ${interviewId})`;

const scorecardStatus = scorecardStatusOf(interviews.id);

/** An interview summary as JSON; `scheduledAt` as PostgreSQL writes a JSON timestamp. */
export type TInterviewSummaryJson = {
  id: string;
  applicationId: string;
  stageId: string;
  stageName: string;
  interviewer: { id: string; name: string };
  scheduledAt: string;
  durationMinutes: number;
  timeZone: string;
  location: string | null;
  meetingUrl: string | null;
  scorecardStatus: TScorecardStatus;
};

/**
 * An application's interviews as one JSON column, in listForApplication's order, for a statement
 * that reads a whole application page; `applicationId` is the outer statement's column.
 */
export function interviewSummariesJson(applicationId: SQL | AnyColumn) {
  return sql<TInterviewSummaryJson[]>`coalesce((
    select json_agg(json_build_object('id', i.id, 'applicationId', i.application_id,
      'stageId', i.stage_id, 'stageName', st.name,
      'interviewer', json_build_object('id', u.id, 'name', u.name),
      'scheduledAt', i.scheduled_at, 'durationMinutes', i.duration_minutes,
      'timeZone', i.time_zone, 'location', i.location, 'meetingUrl', i.meeting_url,
      'scorecardStatus', ${scorecardStatusOf(sql.raw("i.id"))})
      order by i.scheduled_at, u.name)
    from ${interviews} i
    join ${roleStages} st on st.id = i.stage_id
    join ${users} u on u.id = i.interviewer_id
    where i.application_id = ${applicationId}), '[]'::json)`;
}

/**
 * Interviews with what an invite or a calendar event names: the stage, the interviewer and the
 * candidate (with their addresses) and the role, joined in one statement; callers add the where.
 */
export function selectInviteDetails(executor: TExecutor) {
  return executor
    .select({
      interview: interviews,
      stageName: roleStages.name,
      interviewer: { name: users.name, email: users.email },
      candidate: { name: candidates.name, email: candidates.email },
      roleTitle: roles.title,
    })
    .from(interviews)
    .innerJoin(roleStages, eq(roleStages.id, interviews.stageId))
    .innerJoin(users, eq(users.id, interviews.interviewerId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(roles, eq(roles.id, applications.roleId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId));
}

export function createInterviewsRepo(db: TDatabase) {
  const listing = <TExtra extends Record<string, SQL>>(
    executor: TExecutor,
    extra: TExtra = {} as TExtra,
  ) =>
    executor
      .select({
        interview: interviews,
        stageName: roleStages.name,
        interviewerName: users.name,
        scorecardStatus,
        ...extra,
      })
      .from(interviews)
      .innerJoin(roleStages, eq(roleStages.id, interviews.stageId))
      .innerJoin(users, eq(users.id, interviews.interviewerId));

  return {
    async insertInterviews(values: (typeof interviews.$inferInsert)[], executor: TExecutor = db) {
      return executor.insert(interviews).values(values).returning();
    },

    async findById(id: string, executor: TExecutor = db) {
      const [row] = await executor.select().from(interviews).where(eq(interviews.id, id));
      return row;
    },

    /**
     * Everything an interview kit shows but the question texts, in one statement: the interview
     * with its summary columns, the ids its access check needs, the role, the stage and the
     * candidate's name and links.
     */
    async findKit(id: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({
          interview: interviews,
          stageName: roleStages.name,
          interviewerName: users.name,
          scorecardStatus,
          application: { id: applications.id, roleId: applications.roleId },
          role: { id: roles.id, title: roles.title, level: roles.level },
          stage: {
            id: roleStages.id,
            name: roleStages.name,
            kind: roleStages.kind,
            purpose: roleStages.purpose,
            durationMinutes: roleStages.durationMinutes,
            competencies: roleStages.competencies,
            checklist: roleStages.checklist,
          },
          candidate: {
            id: candidates.id,
            name: candidates.name,
            githubUrl: candidates.githubUrl,
            portfolioUrl: candidates.portfolioUrl,
            linkedinUrl: candidates.linkedinUrl,
          },
        })
        .from(interviews)
        .innerJoin(roleStages, eq(roleStages.id, interviews.stageId))
        .innerJoin(users, eq(users.id, interviews.interviewerId))
        .innerJoin(applications, eq(applications.id, interviews.applicationId))
        .innerJoin(roles, eq(roles.id, applications.roleId))
        .innerJoin(candidates, eq(candidates.id, applications.candidateId))
        .where(eq(interviews.id, id));
      return row;
    },

    /**
     * What an invite says about each interview, in one statement: its time and place, the
     * interviewer and the candidate (with their addresses), the role and the stage.
     */
    async findInviteDetails(ids: readonly string[], executor: TExecutor = db) {
      if (ids.length === 0) return [];
      return selectInviteDetails(executor).where(inArray(interviews.id, [...ids]));
    },

    async findForStage(applicationId: string, stageId: string, executor: TExecutor = db) {
      return executor
        .select()
        .from(interviews)
        .where(and(eq(interviews.applicationId, applicationId), eq(interviews.stageId, stageId)));
    },

    async listForApplication(applicationId: string, executor: TExecutor = db) {
      return listing(executor)
        .where(eq(interviews.applicationId, applicationId))
        .orderBy(asc(interviews.scheduledAt), asc(users.name));
    },

    /**
     * One page of an interviewer's interviews in (scheduled_at, id) order, after `after`, and the
     * interviewer's total, in one statement (the count is an init plan, run once).
     */
    async listPageForInterviewer(
      userId: string,
      page: { limit: number; after?: TTimeKey | undefined },
      executor: TExecutor = db,
    ) {
      const total = sql<number>`(select count(*)::int from ${interviews} mine
        where mine.interviewer_id = ${userId})`;
      const rows = await listing(executor, { total })
        .where(
          and(
            eq(interviews.interviewerId, userId),
            page.after
              ? sql`(${interviews.scheduledAt}, ${interviews.id}) > (${page.after.at}, ${page.after.id})`
              : undefined,
          ),
        )
        .orderBy(asc(interviews.scheduledAt), asc(interviews.id))
        .limit(page.limit);
      if (rows.length > 0 || !page.after) return { rows, total: rows[0]?.total ?? 0 };
      // Past the end: the page is empty, but the total still stands.
      const [counted] = await executor
        .select({ n: count() })
        .from(interviews)
        .where(eq(interviews.interviewerId, userId));
      return { rows, total: counted?.n ?? 0 };
    },

    async listForApplications(applicationIds: readonly string[], executor: TExecutor = db) {
      if (applicationIds.length === 0) return [];
      return listing(executor).where(inArray(interviews.applicationId, [...applicationIds]));
    },

    /** A new time or place; the invite's SEQUENCE moves on so calendars take the change. */
    async rescheduleInterview(
      id: string,
      change: Pick<
        typeof interviews.$inferInsert,
        "scheduledAt" | "durationMinutes" | "timeZone" | "location" | "meetingUrl"
      >,
      executor: TExecutor = db,
    ) {
      const [row] = await executor
        .update(interviews)
        .set({
          ...change,
          calendarSequence: sql`${interviews.calendarSequence} + 1`,
          // A new time restarts the scorecard reminders from the new end.
          remindersSent: 0,
        })
        .where(eq(interviews.id, id))
        .returning();
      return row;
    },

    async deleteInterview(id: string, executor: TExecutor = db): Promise<void> {
      await executor.delete(interviews).where(eq(interviews.id, id));
    },
  };
}
export type TInterviewsRepo = ReturnType<typeof createInterviewsRepo>;
