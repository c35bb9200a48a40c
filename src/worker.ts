import pino from "pino";
import type { TConfig } from "./config.js";
import { composeServices } from "./compose.js";
import { openConfiguredDatabase } from "./db/open-configured.js";
import { startJobWorker } from "./jobs/start-worker.js";
import { loggerOptions } from "./logger.js";
import { openJobNotifier } from "./server.js";

/** `shortlist worker`: background jobs only, for running beside `serve` on a shared PostgreSQL. */
export async function startWorkerProcess(config: TConfig): Promise<{ stop: () => Promise<void> }> {
  const { handle } = await openConfiguredDatabase(config);
  const jobNotifier = await openJobNotifier(config);
  const services = composeServices(handle, {
    sessionTtlHours: config.sessionTtlHours,
    publicUrl: config.publicUrl,
    jobNotifier,
    grading: { slotBase: config.graderSlotBase },
  });
  const logger = pino(loggerOptions(config.logLevel));
  const worker = startJobWorker(services, jobNotifier, logger);
  logger.info({ workerId: worker.workerId, database: handle.kind }, "Shortlist worker is running");
  return {
    stop: async () => {
      await worker.stop();
      await jobNotifier.close();
      await handle.close();
    },
  };
}
