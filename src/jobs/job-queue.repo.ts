import { and, eq, inArray, sql } from "drizzle-orm";
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

    /** Inserts unless a job with this dedupe key exists (ever); undefined when it did. */
    async insertJobOnce(
      values: { name: string; payload: unknown; maxAttempts: number; dedupeKey: string },
      executor: TExecutor = db,
    ): Promise<TJobRow | undefined> {
      const [row] = await executor
        .insert(jobs)
        .values(values)
        .onConflictDoNothing({ target: jobs.dedupeKey })
        .returning();
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
          heartbeatAt: sql`now()`,
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

    /** Writes only while `workerId` still holds the job: a worker presumed dead must not overwrite. */
    async markSucceeded(
      id: string,
      workerId: string,
      result: unknown,
      executor: TExecutor = db,
    ): Promise<void> {
      await executor
        .update(jobs)
        .set({
          status: "succeeded",
          result,
          finishedAt: new Date(),
          lockedAt: null,
          lockedBy: null,
          heartbeatAt: null,
          lastError: null,
        })
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId)));
    },

    /** A failed attempt: back to the queue at `retryAt`, or failed for good when there is none. */
    async markAttemptFailed(
      id: string,
      workerId: string,
      error: string,
      retryAt: Date | null,
      executor: TExecutor = db,
    ): Promise<void> {
      const unlocked = { lockedAt: null, lockedBy: null, heartbeatAt: null, lastError: error };
      await executor
        .update(jobs)
        .set(
          retryAt
            ? { ...unlocked, status: "queued", runAt: retryAt }
            : { ...unlocked, status: "failed", finishedAt: new Date() },
        )
        .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId)));
    },

    /** The worker's proof of life for every job it is running. */
    async heartbeat(workerId: string, executor: TExecutor = db): Promise<void> {
      await executor
        .update(jobs)
        .set({ heartbeatAt: sql`now()` })
        .where(and(eq(jobs.status, "running"), eq(jobs.lockedBy, workerId)));
    },

    /**
     * Jobs whose worker died mid-run (crash, kill -9) go back to the queue instead of being lost:
     * those silent for `silentForMs` (by the database's clock, so process clocks may differ), or
     * every running job when the caller knows their worker is gone (`silentForMs` 0).
     */
    async requeueSilentJobs(silentForMs: number, executor: TExecutor = db): Promise<number> {
      const rows = await executor
        .update(jobs)
        .set({
          status: "queued",
          lockedAt: null,
          lockedBy: null,
          heartbeatAt: null,
          lastError: "the worker stopped while running this job",
        })
        .where(
          and(
            eq(jobs.status, "running"),
            silentForMs > 0
              ? sql`coalesce(${jobs.heartbeatAt}, ${jobs.lockedAt}) < now() - make_interval(secs => ${silentForMs / 1000})`
              : undefined,
          ),
        )
        .returning({ id: jobs.id });
      return rows.length;
    },

    /**
     * Graceful shutdown: jobs this worker could not finish in time go back to the queue at once,
     * and the attempt does not count against them.
     */
    async releaseJobs(workerId: string, ids: string[], executor: TExecutor = db): Promise<number> {
      if (ids.length === 0) return 0;
      const rows = await executor
        .update(jobs)
        .set({
          status: "queued",
          attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
          lockedAt: null,
          lockedBy: null,
          heartbeatAt: null,
          lastError: "released when its worker shut down",
        })
        .where(and(eq(jobs.status, "running"), eq(jobs.lockedBy, workerId), inArray(jobs.id, ids)))
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
