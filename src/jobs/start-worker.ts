import type { FastifyBaseLogger } from "fastify";
import type { TServices } from "../compose.js";
import type { TJobNotifier } from "./job-notifier.js";
import { registeredJobs } from "./job-registry.js";
import { createJobWorker } from "./job-worker.js";
import type { TJobWorker } from "./job-worker.js";

type TWorkerLogger = Pick<FastifyBaseLogger, "info" | "warn" | "error">;

/**
 * Builds the Python venv for grading if it is missing, in the background: a first start serves
 * pages at once, and a grading that arrives early waits for the build (grade-submission.job.ts).
 */
function warmUpGradingRuntime(log: TWorkerLogger) {
  void import("../grader/runtime.js")
    .then(({ ensureRuntime }) => ensureRuntime())
    .then(
      (runtime) => log.info({ python: runtime.pythonVersion }, "grading runtime ready"),
      (error: unknown) =>
        log.warn({ err: error }, "grading runtime is not available; gradings will wait and retry"),
    );
}

export function startJobWorker(
  services: TServices,
  notifier: TJobNotifier,
  logger: TWorkerLogger,
): TJobWorker {
  const worker = createJobWorker({
    jobQueueRepo: services.jobQueueRepo,
    jobs: registeredJobs(services),
    notifier,
    logger,
  });
  worker.start();
  warmUpGradingRuntime(logger);
  return worker;
}
