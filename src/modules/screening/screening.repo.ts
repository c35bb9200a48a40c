import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { queryRows } from "../../db/raw-query.js";
import {
  intakeBatches,
  intakeFiles,
  resumeScreens,
  resumes,
  roleScreeningSettings,
  storedFiles,
  users,
} from "../../db/schema/index.js";

export type TResumeRow = typeof resumes.$inferSelect;
export type TScreenRow = typeof resumeScreens.$inferSelect;
export type TBatchRow = typeof intakeBatches.$inferSelect;

/** Every SQL statement of screening: settings, stored files, resumes, screens, intake batches. */
export function createScreeningRepo(db: TDatabase) {
  return {
    async findSettings(roleId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({ settings: roleScreeningSettings, updatedByName: users.name })
        .from(roleScreeningSettings)
        .leftJoin(users, eq(users.id, roleScreeningSettings.updatedBy))
        .where(eq(roleScreeningSettings.roleId, roleId));
      return row;
    },

    async upsertSettings(
      values: { roleId: string; checklist: unknown; blind: boolean; updatedBy: string | null },
      executor: TExecutor = db,
    ) {
      const [row] = await executor
        .insert(roleScreeningSettings)
        .values({ ...values, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: roleScreeningSettings.roleId,
          set: {
            checklist: values.checklist,
            blind: values.blind,
            updatedBy: values.updatedBy,
            updatedAt: new Date(),
          },
        })
        .returning();
      if (!row) throw new Error("upsert returned no row");
      return row;
    },

    async insertResume(values: typeof resumes.$inferInsert, executor: TExecutor = db) {
      const [row] = await executor.insert(resumes).values(values).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    /** The candidate's newest resume with its file's name and size (not its bytes). */
    async latestResume(candidateId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({
          resume: resumes,
          filename: storedFiles.filename,
          mediaType: storedFiles.mediaType,
          sizeBytes: storedFiles.sizeBytes,
        })
        .from(resumes)
        .innerJoin(storedFiles, eq(storedFiles.id, resumes.fileId))
        .where(eq(resumes.candidateId, candidateId))
        .orderBy(desc(resumes.createdAt), desc(resumes.id))
        .limit(1);
      return row;
    },

    /** A merge: the résumés of one candidate record become another's. */
    async moveResumes(fromCandidateId: string, toCandidateId: string, executor: TExecutor = db) {
      await executor
        .update(resumes)
        .set({ candidateId: toCandidateId })
        .where(eq(resumes.candidateId, fromCandidateId));
    },

    async insertScreen(values: typeof resumeScreens.$inferInsert, executor: TExecutor = db) {
      const [row] = await executor.insert(resumeScreens).values(values).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    async listScreens(applicationId: string, executor: TExecutor = db) {
      return executor
        .select({ screen: resumeScreens, screenedByName: users.name })
        .from(resumeScreens)
        .leftJoin(users, eq(users.id, resumeScreens.screenedBy))
        .where(eq(resumeScreens.applicationId, applicationId))
        .orderBy(desc(resumeScreens.screenedAt), desc(resumeScreens.id));
    },

    async insertBatch(values: typeof intakeBatches.$inferInsert, executor: TExecutor = db) {
      const [row] = await executor.insert(intakeBatches).values(values).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    async findBatch(id: string, executor: TExecutor = db) {
      const [row] = await executor.select().from(intakeBatches).where(eq(intakeBatches.id, id));
      return row;
    },

    async insertIntakeFile(
      values: { batchId: string; position: number; fileId: string },
      executor: TExecutor = db,
    ) {
      await executor.insert(intakeFiles).values(values);
    },

    /** The next file still waiting in a batch, in upload order. */
    async nextIntakeFile(batchId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({ intake: intakeFiles, file: storedFiles })
        .from(intakeFiles)
        .innerJoin(storedFiles, eq(storedFiles.id, intakeFiles.fileId))
        .where(eq(intakeFiles.batchId, batchId))
        .orderBy(asc(intakeFiles.position))
        .limit(1);
      return row;
    },

    async deleteIntakeFile(id: string, executor: TExecutor = db) {
      await executor.delete(intakeFiles).where(eq(intakeFiles.id, id));
    },

    /** Appends one file's result and moves the counters, in the caller's transaction. */
    async recordIntakeResult(
      batchId: string,
      result: Record<string, unknown>,
      succeeded: boolean,
      executor: TExecutor = db,
    ) {
      await executor
        .update(intakeBatches)
        .set({
          processed: sql`${intakeBatches.processed} + 1`,
          succeeded: sql`${intakeBatches.succeeded} + ${succeeded ? 1 : 0}`,
          failed: sql`${intakeBatches.failed} + ${succeeded ? 0 : 1}`,
          results: sql`${intakeBatches.results} || ${JSON.stringify([result])}::jsonb`,
        })
        .where(eq(intakeBatches.id, batchId));
    },

    async isBlindPending(candidateId: string, executor: TExecutor = db) {
      const [row] = await queryRows<{ pending: boolean }>(
        executor,
        sql`select ${blindPendingWhere(candidateId)} as pending`,
      );
      return Boolean(row?.pending);
    },

    async finishBatch(batchId: string, executor: TExecutor = db) {
      await executor
        .update(intakeBatches)
        .set({ status: "done", finishedAt: new Date() })
        .where(and(eq(intakeBatches.id, batchId), sql`${intakeBatches.status} <> 'done'`));
    },
  };
}
export type TScreeningRepo = ReturnType<typeof createScreeningRepo>;

/**
 * Blind review is pending for a candidate while any active application of theirs sits in a
 * resume-screen stage of a blind role with no screen recorded yet.
 */
export function blindPendingWhere(candidateId: string) {
  return sql`exists (
    select 1 from applications a
    join role_stages s on s.id = a.current_stage_id and s.kind = 'resume-screen'
    join role_screening_settings r on r.role_id = a.role_id and r.blind
    where a.candidate_id = ${candidateId} and a.status = 'active'
      and not exists (select 1 from resume_screens rs where rs.application_id = a.id))`;
}
