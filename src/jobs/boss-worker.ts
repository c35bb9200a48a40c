import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type PgBoss from "pg-boss";
import type { TDatabase } from "../db/client.js";
import { BOSS_SCHEMA } from "./job-boss.js";
import { PermanentJobError } from "./job-definition.js";
import type { TRegisteredJob } from "./job-definition.js";
import type { TJobNotifier } from "./job-notifier.js";

type TWorkerLogger = Pick<FastifyBaseLogger, "info" | "warn" | "error">;
const schema = sql.raw(BOSS_SCHEMA);

export type TBossWorkerOptions = {
  boss: PgBoss;
  db: TDatabase;
  jobs: TRegisteredJob[];
  notifier: TJobNotifier;
  logger: TWorkerLogger;
  /** Fallback when a wake-up is missed; pg-boss's minimum is 0.5 s. */
  pollingIntervalSeconds?: number;
  /**
   * Embedded mode: this process holds the data-directory lock, which proves the process before it
   * is dead, so every job still active is put back at start (the attempt counted) instead of
   * waiting for pg-boss to expire it.
   */
  requeueActiveAtStart?: boolean;
  onJobFinished?: (event: { name: string; outcome: "succeeded" | "failed"; ms: number }) => void;
};

/**
 * Runs registered jobs on pg-boss. Per kind, `concurrency` pg-boss workers fetch one job each
 * (`batchSize` 1), so a kind never runs more than that at once in this process. Workers are woken
 * by our notifier (in-process, or NOTIFY from other processes) through `notifyWorker`, and wake
 * themselves after each job, so pg-boss's polling interval is only the fallback.
 */
export function createBossWorker(options: TBossWorkerOptions) {
  const { boss, db } = options;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const workerIds = new Map<string, string[]>();
  const inFlight = new Map<string, { name: string; done: Promise<void> }>();
  let unsubscribe: (() => void) | undefined;

  const wake = (name: string) => {
    for (const id of workerIds.get(name) ?? []) boss.notifyWorker(id);
  };

  async function runOne(registered: TRegisteredJob, job: PgBoss.JobWithMetadata<unknown>) {
    const name = registered.definition.name;
    const started = Date.now();
    try {
      const result = await registered.handle(job.data, {
        jobId: job.id,
        attempt: job.retryCount + 1,
      });
      options.logger.info({ job: name, jobId: job.id, ms: Date.now() - started }, "job succeeded");
      options.onJobFinished?.({ name, outcome: "succeeded", ms: Date.now() - started });
      // Wrapped, so any value (not only an object) is kept as the job's output.
      return { value: result ?? null };
    } catch (error) {
      const permanent = error instanceof PermanentJobError;
      // pg-boss retries while retry_count < retry_limit; a permanent error ends the job now.
      if (permanent)
        await db.execute(
          sql`update ${schema}.job set retry_limit = retry_count
              where name = ${name} and id = ${job.id}::uuid`,
        );
      options.onJobFinished?.({ name, outcome: "failed", ms: Date.now() - started });
      options.logger.error(
        { job: name, jobId: job.id, attempt: job.retryCount + 1, permanent, err: error },
        "job failed",
      );
      if (!permanent) wakeForRetry(name, job.id);
      throw error;
    }
  }

  /**
   * A failed attempt is retried at `start_after` (pg-boss's backoff); wake this kind's workers then
   * rather than at the next poll. pg-boss records the failure after the handler returns, hence the
   * short wait before reading it; the delay is computed by the database's clock.
   */
  function wakeForRetry(name: string, id: string) {
    setTimeout(() => {
      db.execute(
        sql`select extract(epoch from start_after - now())::float8 as wait
            from ${schema}.job where name = ${name} and id = ${id}::uuid and state = 'retry'`,
      ).then(
        (result) => {
          const [row] = (result as { rows: { wait: number }[] }).rows;
          if (row) setTimeout(() => wake(name), Math.max(0, row.wait * 1000) + 20).unref();
        },
        (error: unknown) => options.logger.warn({ err: error }, "could not read a retry's time"),
      );
    }, 200).unref();
  }

  return {
    /** Names this process in logs (pg-boss's own worker ids are per kind and per slot). */
    workerId: `${hostname()}:${process.pid}`,
    async start() {
      if (options.requeueActiveAtStart) {
        const result = await db.execute(
          sql`update ${schema}.job set
                state = (case when retry_count < retry_limit then 'retry' else 'failed' end)::${schema}.job_state,
                start_after = now(),
                completed_on = case when retry_count < retry_limit then null else now() end,
                output = jsonb_build_object('message', 'the worker stopped while running this job')
              where state = 'active'`,
        );
        const requeued = result as { rowCount?: number; affectedRows?: number };
        const count = requeued.rowCount ?? requeued.affectedRows ?? 0;
        if (count > 0)
          options.logger.warn(
            { requeued: count },
            "re-queued the jobs a stopped process left running",
          );
      }
      unsubscribe = options.notifier.onNotify(wake);
      for (const registered of options.jobs) {
        const name = registered.definition.name;
        const ids: string[] = [];
        workerIds.set(name, ids);
        for (let i = 0; i < registered.definition.concurrency; i++) {
          let ownId = "";
          ownId = await boss.work<unknown>(
            name,
            { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
            async (jobs) => {
              const [job] = jobs;
              if (!job) return null;
              const done = runOne(registered, job);
              const entry = {
                name,
                done: done.then(
                  () => undefined,
                  () => undefined,
                ),
              };
              inFlight.set(job.id, entry);
              try {
                return await done;
              } finally {
                inFlight.delete(job.id);
                // Fetch again at once: there may be more waiting (a burst).
                if (ownId) boss.notifyWorker(ownId);
              }
            },
          );
          ids.push(ownId);
        }
      }
    },
    runningCount: () => inFlight.size,
    /**
     * Stops fetching and waits up to `graceMs` for running jobs; the ones still running then go
     * back to the queue at once, the attempt not counted (started_on cleared), so another process
     * takes them.
     */
    async stop({ graceMs = 20_000 }: { graceMs?: number } = {}) {
      unsubscribe?.();
      for (const name of workerIds.keys()) await boss.offWork(name);
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.all([...inFlight.values()].map((e) => e.done)).then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), graceMs);
        }),
      ]);
      clearTimeout(timer);
      if (!finished && inFlight.size > 0) {
        const ids = [...inFlight.keys()];
        await db.execute(
          sql`update ${schema}.job set state = 'retry', started_on = null, start_after = now(),
                output = jsonb_build_object('message', 'released when its worker shut down')
              where state = 'active' and id in (${sql.join(
                ids.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`,
        );
        options.logger.warn(
          { released: ids.length },
          "released the jobs still running at shutdown",
        );
      }
    },
  };
}
export type TBossWorker = ReturnType<typeof createBossWorker>;
