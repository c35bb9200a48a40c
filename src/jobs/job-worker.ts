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
    | "claimNextJob"
    | "markSucceeded"
    | "markAttemptFailed"
    | "heartbeat"
    | "requeueSilentJobs"
    | "releaseJobs"
  >;
  jobs: TRegisteredJob[];
  notifier: TJobNotifier;
  logger: TWorkerLogger;
  /** Fallback when a wake-up is missed (another process on a server without LISTEN, clock skew). */
  pollIntervalMs?: number;
  retryBaseDelayMs?: number;
  /**
   * Embedded mode: this process holds the data-directory lock, which proves the process before it
   * is dead, so every job still marked running is re-queued at start instead of waiting.
   */
  requeueRunningAtStart?: boolean;
  /** How often a worker proves it is alive for the jobs it runs. */
  heartbeatIntervalMs?: number;
  /** A running job whose worker has been silent this long is re-queued by any worker. */
  silentAfterMs?: number;
  /** Observes every finished attempt (metrics). */
  onJobFinished?: (event: { name: string; outcome: "succeeded" | "failed"; ms: number }) => void;
};

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 2_000;
export const DEFAULT_SILENT_AFTER_MS = 15_000;

/**
 * Runs jobs as they arrive. Idle workers sleep until notified or the poll interval passes; after a
 * job finishes the worker claims again at once rather than sleeping first.
 */
export function createJobWorker(options: TJobWorkerOptions) {
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const retryBaseDelayMs = options.retryBaseDelayMs ?? 5000;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS;
  const silentAfterMs = options.silentAfterMs ?? DEFAULT_SILENT_AFTER_MS;
  const running = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  const inFlightJobIds = new Set<string>();
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let stopped = true;
  let wakeTimer: NodeJS.Timeout | undefined;
  let wakeResolve: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let unsubscribe: (() => void) | undefined;
  let lastSilentSweep = 0;

  const wake = () => {
    wakeResolve?.();
  };

  function freeNames(): string[] {
    return options.jobs
      .filter((job) => (running.get(job.definition.name) ?? 0) < job.definition.concurrency)
      .map((job) => job.definition.name);
  }

  async function sweepSilent() {
    const now = Date.now();
    if (now - lastSilentSweep < heartbeatIntervalMs) return;
    lastSilentSweep = now;
    const requeued = await options.jobQueueRepo.requeueSilentJobs(silentAfterMs);
    if (requeued > 0) options.logger.warn({ requeued }, "re-queued jobs whose worker stopped");
  }

  function beat() {
    if (inFlightJobIds.size === 0) return;
    options.jobQueueRepo.heartbeat(workerId).catch((error: unknown) => {
      options.logger.warn({ err: error }, "job worker could not record its heartbeat");
    });
  }

  async function runJob(job: TJobRow, registered: TRegisteredJob) {
    const name = registered.definition.name;
    const started = Date.now();
    try {
      const result = await registered.handle(job.payload, { jobId: job.id, attempt: job.attempts });
      await options.jobQueueRepo.markSucceeded(job.id, workerId, result ?? null);
      options.logger.info({ job: name, jobId: job.id, ms: Date.now() - started }, "job succeeded");
      options.onJobFinished?.({ name, outcome: "succeeded", ms: Date.now() - started });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = !(error instanceof PermanentJobError) && job.attempts < job.maxAttempts;
      const retryAt = retry
        ? new Date(Date.now() + retryBaseDelayMs * 2 ** (job.attempts - 1))
        : null;
      options.onJobFinished?.({ name, outcome: "failed", ms: Date.now() - started });
      await options.jobQueueRepo.markAttemptFailed(
        job.id,
        workerId,
        message.slice(0, 2000),
        retryAt,
      );
      options.logger.error(
        { job: name, jobId: job.id, attempt: job.attempts, willRetry: retry, err: error },
        "job failed",
      );
      if (retryAt) setTimeout(wake, retryAt.getTime() - Date.now() + 10).unref();
    } finally {
      inFlightJobIds.delete(job.id);
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
      inFlightJobIds.add(job.id);
      const promise = runJob(job, registered).finally(() => inFlight.delete(promise));
      inFlight.add(promise);
    }
    return claimedAny;
  }

  async function run() {
    while (!stopped) {
      let claimed = false;
      try {
        await sweepSilent();
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
    async start() {
      if (!stopped) return;
      stopped = false;
      if (options.requeueRunningAtStart) {
        const requeued = await options.jobQueueRepo.requeueSilentJobs(0);
        if (requeued > 0)
          options.logger.warn({ requeued }, "re-queued the jobs a stopped process left running");
      }
      unsubscribe = options.notifier.onNotify(wake);
      heartbeatTimer = setInterval(beat, heartbeatIntervalMs);
      heartbeatTimer.unref();
      loop = run();
    },
    /** Jobs this worker is running now (tests, metrics). */
    runningCount: () => inFlightJobIds.size,
    /**
     * Stops claiming and waits up to `graceMs` for running jobs to finish; the ones still running
     * then go back to the queue (the attempt not counted), so another process takes them at once.
     */
    async stop({ graceMs = 20_000 }: { graceMs?: number } = {}) {
      stopped = true;
      unsubscribe?.();
      wake();
      await loop;
      let graceTimer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<"timeout">((resolve) => {
        graceTimer = setTimeout(() => resolve("timeout"), graceMs);
      });
      const finished = await Promise.race([
        Promise.allSettled([...inFlight]).then(() => "finished" as const),
        graceOver,
      ]);
      clearTimeout(graceTimer);
      if (finished === "timeout") {
        const released = await options.jobQueueRepo.releaseJobs(workerId, [...inFlightJobIds]);
        options.logger.warn({ released }, "released the jobs still running at shutdown");
      }
      clearInterval(heartbeatTimer);
    },
  };
}
export type TJobWorker = ReturnType<typeof createJobWorker>;
