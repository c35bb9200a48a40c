import { hostname } from "node:os";
import type { FastifyBaseLogger } from "fastify";
import { PermanentJobError } from "./job-definition.js";
import type { TRegisteredJob } from "./job-definition.js";
import type { TJobNotifier } from "./job-notifier.js";
import type { TJobQueueRepo, TJobRow } from "./job-queue.repo.js";

type TWorkerLogger = Pick<FastifyBaseLogger, "info" | "warn" | "error">;

export type TJobWorkerOptions = {
  jobQueueRepo: Pick<
    TJobQueueRepo,
    "claimNextJob" | "markSucceeded" | "markAttemptFailed" | "requeueStaleJobs"
  >;
  jobs: TRegisteredJob[];
  notifier: TJobNotifier;
  logger: TWorkerLogger;
  /** Fallback when a wake-up is missed (another process on a server without LISTEN, clock skew). */
  pollIntervalMs?: number;
  retryBaseDelayMs?: number;
};

/**
 * Runs jobs as they arrive. Idle workers sleep until notified or the poll interval passes; after a
 * job finishes the worker claims again at once rather than sleeping first.
 */
export function createJobWorker(options: TJobWorkerOptions) {
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const retryBaseDelayMs = options.retryBaseDelayMs ?? 5000;
  const running = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  let stopped = true;
  let wakeTimer: NodeJS.Timeout | undefined;
  let wakeResolve: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let unsubscribe: (() => void) | undefined;
  let lastStaleSweep = 0;

  const wake = () => {
    wakeResolve?.();
  };

  function freeNames(): string[] {
    return options.jobs
      .filter((job) => (running.get(job.definition.name) ?? 0) < job.definition.concurrency)
      .map((job) => job.definition.name);
  }

  async function sweepStale() {
    const now = Date.now();
    if (now - lastStaleSweep < 30_000) return;
    lastStaleSweep = now;
    // Each kind by its own limit: a quick job's short limit must not re-queue a long grading.
    let requeued = 0;
    for (const { definition } of options.jobs)
      requeued += await options.jobQueueRepo.requeueStaleJobs(
        new Date(now - definition.staleAfterMs),
        [definition.name],
      );
    if (requeued > 0) options.logger.warn({ requeued }, "re-queued jobs whose worker stopped");
  }

  async function runJob(job: TJobRow, registered: TRegisteredJob) {
    const name = registered.definition.name;
    const started = Date.now();
    try {
      const result = await registered.handle(job.payload, { jobId: job.id, attempt: job.attempts });
      await options.jobQueueRepo.markSucceeded(job.id, result ?? null);
      options.logger.info({ job: name, jobId: job.id, ms: Date.now() - started }, "job succeeded");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = !(error instanceof PermanentJobError) && job.attempts < job.maxAttempts;
      const retryAt = retry
        ? new Date(Date.now() + retryBaseDelayMs * 2 ** (job.attempts - 1))
        : null;
      await options.jobQueueRepo.markAttemptFailed(job.id, message.slice(0, 2000), retryAt);
      options.logger.error(
        { job: name, jobId: job.id, attempt: job.attempts, willRetry: retry, err: error },
        "job failed",
      );
      if (retryAt) setTimeout(wake, retryAt.getTime() - Date.now() + 10).unref();
    } finally {
      running.set(name, (running.get(name) ?? 1) - 1);
      wake();
    }
  }

  async function dispatch(): Promise<boolean> {
    let claimedAny = false;
    for (const name of freeNames()) {
      const registered = options.jobs.find((j) => j.definition.name === name);
      if (!registered) continue;
      const job = await options.jobQueueRepo.claimNextJob([name], workerId);
      if (!job) continue;
      claimedAny = true;
      running.set(name, (running.get(name) ?? 0) + 1);
      const promise = runJob(job, registered).finally(() => inFlight.delete(promise));
      inFlight.add(promise);
    }
    return claimedAny;
  }

  async function run() {
    while (!stopped) {
      let claimed = false;
      try {
        await sweepStale();
        claimed = await dispatch();
      } catch (error) {
        options.logger.error({ err: error }, "job worker could not reach the database; retrying");
      }
      if (claimed) continue;
      await new Promise<void>((resolve) => {
        wakeResolve = resolve;
        wakeTimer = setTimeout(resolve, pollIntervalMs);
      });
      clearTimeout(wakeTimer);
      wakeResolve = undefined;
    }
  }

  return {
    workerId,
    start() {
      if (!stopped) return;
      stopped = false;
      unsubscribe = options.notifier.onNotify(wake);
      loop = run();
    },
    /** Stops claiming, then waits for running jobs to finish. */
    async stop() {
      stopped = true;
      unsubscribe?.();
      wake();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
export type TJobWorker = ReturnType<typeof createJobWorker>;
