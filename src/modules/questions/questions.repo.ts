import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import { containsPattern } from "../../db/like.js";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { questions, questionVersions } from "../../db/schema/index.js";

export type TQuestionVersionRow = typeof questionVersions.$inferSelect;
export type TNewQuestionVersion = typeof questionVersions.$inferInsert;

const current = and(
  eq(questionVersions.questionId, questions.id),
  eq(questionVersions.version, questions.latestVersion),
);

export function createQuestionsRepo(db: TDatabase) {
  return {
    async listQuestionIds(executor: TExecutor = db): Promise<string[]> {
      const rows = await executor.select({ id: questions.id }).from(questions);
      return rows.map((r) => r.id);
    },

    async searchCurrentVersions(
      filter: {
        q?: string | undefined;
        competency?: string | undefined;
        level?: string | undefined;
        area?: string | undefined;
        limit: number;
        offset: number;
      },
      executor: TExecutor = db,
    ): Promise<{ rows: TQuestionVersionRow[]; total: number }> {
      const conditions: (SQL | undefined)[] = [];
      if (filter.q) {
        const pattern = containsPattern(filter.q);
        conditions.push(
          sql`(${questionVersions.title} ilike ${pattern} or ${questionVersions.prompt} ilike ${pattern} or ${questionVersions.signals}::text ilike ${pattern})`,
        );
      }
      if (filter.competency)
        conditions.push(
          sql`${questionVersions.competencies} @> ${JSON.stringify([filter.competency])}::jsonb`,
        );
      if (filter.level)
        conditions.push(
          sql`${questionVersions.levels} @> ${JSON.stringify([filter.level])}::jsonb`,
        );
      if (filter.area) conditions.push(eq(questionVersions.area, filter.area));
      const where = and(current, ...conditions);
      const rows = await executor
        .select({ version: questionVersions })
        .from(questions)
        .innerJoin(questionVersions, current)
        .where(where)
        .orderBy(asc(questionVersions.area), asc(questionVersions.title))
        .limit(filter.limit)
        .offset(filter.offset);
      const [total] = await executor
        .select({ n: count() })
        .from(questions)
        .innerJoin(questionVersions, current)
        .where(where);
      return { rows: rows.map((r) => r.version), total: total?.n ?? 0 };
    },

    async findCurrentVersions(
      questionIds: readonly string[],
      executor: TExecutor = db,
    ): Promise<TQuestionVersionRow[]> {
      if (questionIds.length === 0) return [];
      const rows = await executor
        .select({ version: questionVersions })
        .from(questions)
        .innerJoin(questionVersions, current)
        .where(inArray(questions.id, [...questionIds]));
      return rows.map((r) => r.version);
    },

    async findVersionsByIds(
      versionIds: readonly string[],
      executor: TExecutor = db,
    ): Promise<TQuestionVersionRow[]> {
      if (versionIds.length === 0) return [];
      return executor
        .select()
        .from(questionVersions)
        .where(inArray(questionVersions.id, [...versionIds]));
    },

    async listVersionsOf(questionId: string, executor: TExecutor = db) {
      return executor
        .select()
        .from(questionVersions)
        .where(eq(questionVersions.questionId, questionId))
        .orderBy(asc(questionVersions.version));
    },

    /** Locks the question row so two concurrent edits cannot both become version n+1. */
    async lockQuestion(questionId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(questions)
        .where(eq(questions.id, questionId))
        .for("update");
      return row;
    },

    async insertQuestion(
      questionId: string,
      version: Omit<TNewQuestionVersion, "questionId" | "version">,
      executor: TExecutor = db,
    ): Promise<TQuestionVersionRow | undefined> {
      const inserted = await executor
        .insert(questions)
        .values({ id: questionId, latestVersion: 1 })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) return undefined;
      const [row] = await executor
        .insert(questionVersions)
        .values({ ...version, questionId, version: 1 })
        .returning();
      return row;
    },

    async insertVersion(
      version: TNewQuestionVersion & { version: number },
      executor: TExecutor = db,
    ): Promise<TQuestionVersionRow> {
      const [row] = await executor.insert(questionVersions).values(version).returning();
      if (!row) throw new Error("insert into question_versions returned no row");
      await executor
        .update(questions)
        .set({ latestVersion: version.version, updatedAt: new Date() })
        .where(eq(questions.id, version.questionId));
      return row;
    },
  };
}
export type TQuestionsRepo = ReturnType<typeof createQuestionsRepo>;
