import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { applications, interviews, roleStages, scorecards, users } from "../../db/schema/index.js";

export type TScorecardRow = typeof scorecards.$inferSelect;
export type TNewScorecard = typeof scorecards.$inferInsert;
type TContentColumns = Pick<
  TScorecardRow,
  "answers" | "competencyRatings" | "keyTakeaways" | "recommendation"
>;

const withNames = {
  scorecard: scorecards,
  stageName: roleStages.name,
  interviewerName: users.name,
};

export function createScorecardsRepo(db: TDatabase) {
  const listing = (executor: TExecutor) =>
    executor
      .select(withNames)
      .from(scorecards)
      .innerJoin(roleStages, eq(roleStages.id, scorecards.stageId))
      .innerJoin(users, eq(users.id, scorecards.interviewerId));

  return {
    async findLatestForInterview(interviewId: string, executor: TExecutor = db) {
      const [row] = await listing(executor)
        .where(eq(scorecards.interviewId, interviewId))
        .orderBy(desc(scorecards.version))
        .limit(1);
      return row;
    },

    /**
     * The interview, the ids its access check needs and its latest scorecard (null columns when
     * there is none yet), in one statement: what the interviewer's own scorecard view reads.
     */
    async findInterviewWithLatest(interviewId: string, executor: TExecutor = db) {
      const latestId = sql`(select s.id from ${scorecards} s
        where s.interview_id = ${interviews.id} order by s.version desc limit 1)`;
      const [row] = await executor
        .select({
          interview: interviews,
          application: { id: applications.id, roleId: applications.roleId },
          ...withNames,
        })
        .from(interviews)
        .innerJoin(applications, eq(applications.id, interviews.applicationId))
        .leftJoin(scorecards, eq(scorecards.id, latestId))
        .leftJoin(roleStages, eq(roleStages.id, scorecards.stageId))
        .leftJoin(users, eq(users.id, scorecards.interviewerId))
        .where(eq(interviews.id, interviewId));
      return row;
    },

    async findById(id: string, executor: TExecutor = db) {
      const [row] = await listing(executor).where(eq(scorecards.id, id));
      return row;
    },

    /** Undefined when another save created version `values.version` first. */
    async insertScorecard(values: TNewScorecard, executor: TExecutor = db) {
      const [row] = await executor
        .insert(scorecards)
        .values(values)
        .onConflictDoNothing()
        .returning();
      return row;
    },

    /** Compare-and-set on the revision: a stale writer changes nothing and gets undefined. */
    async updateDraftAtRevision(
      id: string,
      revision: number,
      content: TContentColumns,
      executor: TExecutor = db,
    ) {
      const [row] = await executor
        .update(scorecards)
        .set({ ...content, revision: revision + 1, updatedAt: new Date() })
        .where(
          and(
            eq(scorecards.id, id),
            eq(scorecards.revision, revision),
            eq(scorecards.status, "draft"),
          ),
        )
        .returning();
      return row;
    },

    async submitAtRevision(id: string, revision: number, at: Date, executor: TExecutor = db) {
      const [row] = await executor
        .update(scorecards)
        .set({ status: "submitted", submittedAt: at, revision: revision + 1, updatedAt: at })
        .where(
          and(
            eq(scorecards.id, id),
            eq(scorecards.revision, revision),
            eq(scorecards.status, "draft"),
          ),
        )
        .returning();
      return row;
    },

    async markSuperseded(id: string, at: Date, executor: TExecutor = db) {
      const [row] = await executor
        .update(scorecards)
        .set({ supersededAt: at, updatedAt: at })
        .where(and(eq(scorecards.id, id), isNull(scorecards.supersededAt)))
        .returning();
      return row;
    },

    async listForApplication(applicationId: string, executor: TExecutor = db) {
      return listing(executor)
        .where(eq(scorecards.applicationId, applicationId))
        .orderBy(asc(roleStages.position), asc(users.name), asc(scorecards.version));
    },
  };
}
export type TScorecardsRepo = ReturnType<typeof createScorecardsRepo>;
