import type { FastifyBaseLogger } from "fastify";
import type { TServices } from "./compose.js";
import type { TJobNotifier } from "./jobs/job-notifier.js";
import { registeredJobs } from "./job-registry.js";
import { createBossWorker } from "./jobs/boss-worker.js";
import type { TBossWorker } from "./jobs/boss-worker.js";

/** SIGTERM must end the process within 30 s; running jobs get 20 of them before being released. */
export const SHUTDOWN_JOB_GRACE_MS = 20_000;

type TWorkerLogger = Pick<FastifyBaseLogger, "info" | "warn" | "error">;

/**
 * Builds the Python venv for grading if it is missing, in the background: a first start serves
 * pages at once, and a grading that arrives early waits for the build (grade-submission.job.ts).
 */
function warmUpGradingRuntime(log: TWorkerLogger) {
  void import("./grader/runtime.js")
    .then(({ ensureRuntime }) => ensureRuntime())
    .then(
      (runtime) => log.info({ python: runtime.pythonVersion }, "grading runtime ready"),
      (error: unknown) =>
        log.warn({ err: error }, "grading runtime is not available; gradings will wait and retry"),
    );
}

/**
 * Runs every registered job kind on pg-boss in this process. `embedded`: this process holds the
 * data-directory lock, so nothing else can be running a job and whatever is active was left by a
 * process that died; it is re-queued at once. On a server a dead process's jobs come back when
 * pg-boss expires them (the kind's `expireInSeconds`).
 */
export async function startJobWorker(
  services: TServices,
  notifier: TJobNotifier,
  logger: TWorkerLogger,
  options: { embedded: boolean },
): Promise<TBossWorker> {
  if (!services.boss) throw new Error("the job worker needs pg-boss (startJobQueue)");
  const worker = createBossWorker({
    boss: services.boss,
    db: services.db,
    jobs: registeredJobs(services),
    notifier,
    logger,
    requeueActiveAtStart: options.embedded,
    onJobFinished: (event) => services.metrics.recordJob(event),
  });
  await worker.start();
  // Scheduled kinds (the daily retention sweep) are sent by pg-boss's cron (job-boss.ts).
  warmUpGradingRuntime(logger);
  return worker;
}
