import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../db/client.js";
import { jobs } from "../db/schema/jobs.js";

export type TJobRow = typeof jobs.$inferSelect;

export function createJobQueueRepo(db: TDatabase) {
  return {
    async insertJob(
      values: { name: string; payload: unknown; maxAttempts: number; runAt?: Date },
      executor: TExecutor = db,
    ): Promise<TJobRow> {
      const [row] = await executor
        .insert(jobs)
        .values({
          name: values.name,
          payload: values.payload,
          maxAttempts: values.maxAttempts,
          runAt: values.runAt ?? new Date(),
        })
        .returning();
      if (!row) throw new Error("insert into jobs returned no row");
      return row;
    },

    /**
     * Claims the oldest due job of one of `names`. SKIP LOCKED lets several workers on one server
     * claim different jobs without waiting on each other.
     */
    async claimNextJob(
      names: string[],
      workerId: string,
      executor: TExecutor = db,
    ): Promise<TJobRow | undefined> {
      if (names.length === 0) return undefined;
      const [row] = await executor
        .update(jobs)
        .set({
          status: "running",
          attempts: sql`${jobs.attempts} + 1`,
          lockedAt: sql`now()`,
          lockedBy: workerId,
        })
        .where(
          eq(
            jobs.id,
            sql`(select id from jobs
                 where status = 'queued' and run_at <= now() and name in ${names}
                 order by run_at, created_at
                 for update skip locked
                 limit 1)`,
          ),
        )
        .returning();
      return row;
    },

    async markSucceeded(id: string, result: unknown, executor: TExecutor = db): Promise<void> {
      await executor
        .update(jobs)
        .set({
          status: "succeeded",
          result,
          finishedAt: new Date(),
          lockedAt: null,
          lockedBy: null,
          lastError: null,
        })
        .where(eq(jobs.id, id));
    },

    /** A failed attempt: back to the queue at `retryAt`, or failed for good when there is none. */
    async markAttemptFailed(
      id: string,
      error: string,
      retryAt: Date | null,
      executor: TExecutor = db,
    ): Promise<void> {
      await executor
        .update(jobs)
        .set(
          retryAt
            ? { status: "queued", runAt: retryAt, lastError: error, lockedAt: null, lockedBy: null }
            : {
                status: "failed",
                lastError: error,
                finishedAt: new Date(),
                lockedAt: null,
                lockedBy: null,
              },
        )
        .where(eq(jobs.id, id));
    },

    /** Jobs whose worker died mid-run (crash, kill -9) go back to the queue instead of being lost. */
    async requeueStaleJobs(
      lockedBefore: Date,
      names?: string[],
      executor: TExecutor = db,
    ): Promise<number> {
      const rows = await executor
        .update(jobs)
        .set({
          status: "queued",
          lockedAt: null,
          lockedBy: null,
          lastError: "the worker stopped while running this job",
        })
        .where(
          and(
            eq(jobs.status, "running"),
            lt(jobs.lockedAt, lockedBefore),
            names ? inArray(jobs.name, names) : undefined,
          ),
        )
        .returning({ id: jobs.id });
      return rows.length;
    },

    async findJob(id: string, executor: TExecutor = db): Promise<TJobRow | undefined> {
      const [row] = await executor.select().from(jobs).where(eq(jobs.id, id));
      return row;
    },
  };
}
export type TJobQueueRepo = ReturnType<typeof createJobQueueRepo>;
