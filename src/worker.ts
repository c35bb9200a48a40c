import pino from "pino";
import type { TConfig } from "./config.js";
import { SHUTDOWN_JOB_GRACE_MS, startJobWorker } from "./start-worker.js";
import { loggerOptions } from "./logger.js";
import { openServices } from "./open-services.js";

/** `shortlist worker`: background jobs only, for running beside `serve` on a shared PostgreSQL. */
export async function startWorkerProcess(config: TConfig): Promise<{ stop: () => Promise<void> }> {
  const opened = await openServices(config);
  const logger = pino(loggerOptions(config.logLevel));
  const worker = await startJobWorker(opened.services, opened.jobNotifier, logger, {
    embedded: opened.handle.kind === "pglite",
  });
  logger.info(
    { workerId: worker.workerId, database: opened.handle.kind },
    "Shortlist worker is running",
  );
  return {
    stop: async () => {
      await worker.stop({ graceMs: SHUTDOWN_JOB_GRACE_MS });
      await opened.close();
    },
  };
}
