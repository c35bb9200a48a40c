import type { FastifyBaseLogger } from "fastify";
import type { TServices } from "../compose.js";
import type { TJobNotifier } from "./job-notifier.js";
import { registeredJobs } from "./job-registry.js";
import { createJobWorker } from "./job-worker.js";
import type { TJobWorker } from "./job-worker.js";

export function startJobWorker(
  services: TServices,
  notifier: TJobNotifier,
  logger: Pick<FastifyBaseLogger, "info" | "warn" | "error">,
): TJobWorker {
  const worker = createJobWorker({
    jobQueueRepo: services.jobQueueRepo,
    jobs: registeredJobs(services),
    notifier,
    logger,
  });
  worker.start();
  return worker;
}
