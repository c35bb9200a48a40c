import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { interviews, roleStages, scorecards, users } from "../../db/schema/index.js";

export type TInterviewRow = typeof interviews.$inferSelect;

const scorecardStatus = sql<"none" | "draft" | "submitted">`(
  select case when bool_or(${scorecards.status} = 'submitted') then 'submitted'
              when count(*) > 0 then 'draft' else 'none' end
  from ${scorecards} where ${scorecards.interviewId} = ${interviews.id})`;

export function createInterviewsRepo(db: TDatabase) {
  const listing = (executor: TExecutor) =>
    executor
      .select({
        interview: interviews,
        stageName: roleStages.name,
        interviewerName: users.name,
        scorecardStatus,
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

    async listForInterviewer(userId: string, executor: TExecutor = db) {
      return listing(executor)
        .where(eq(interviews.interviewerId, userId))
        .orderBy(asc(interviews.scheduledAt));
    },

    async listForApplications(applicationIds: readonly string[], executor: TExecutor = db) {
      if (applicationIds.length === 0) return [];
      return listing(executor).where(inArray(interviews.applicationId, [...applicationIds]));
    },

    async rescheduleInterview(id: string, scheduledAt: Date, executor: TExecutor = db) {
      const [row] = await executor
        .update(interviews)
        .set({ scheduledAt })
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
