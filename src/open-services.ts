import type { TConfig } from "./config.js";
import { composeServices } from "./compose.js";
import type { TServices } from "./compose.js";
import type { TDatabaseHandle } from "./db/client.js";
import { openConfiguredDatabase } from "./db/open-configured.js";
import { createLocalNotifier, createPostgresNotifier } from "./jobs/job-notifier.js";
import type { TJobNotifier } from "./jobs/job-notifier.js";
import type PgBoss from "pg-boss";
import { startJobQueue } from "./job-registry.js";
import { createTestClock } from "./shared/clock.js";

export type TOpenServices = {
  handle: TDatabaseHandle;
  services: TServices;
  jobNotifier: TJobNotifier;
  /** The cookie-signing secret: configured, or kept in the embedded data directory. */
  secret: string;
  applied: string[];
  close: () => Promise<void>;
};

/**
 * What every process (`serve`, `worker`, the CLI commands) starts from: the configured database
 * migrated, a job notifier (NOTIFY on a shared server, so workers in other processes wake; local in
 * embedded mode, which is one process), pg-boss with every job kind's queue, the services, and the
 * question bank in the database.
 */
export async function openServices(config: TConfig): Promise<TOpenServices> {
  const { handle, secret, applied } = await openConfiguredDatabase(config);
  let jobNotifier: TJobNotifier | undefined;
  let boss: PgBoss | undefined;
  try {
    jobNotifier = config.databaseUrl
      ? await createPostgresNotifier(config.databaseUrl)
      : createLocalNotifier();
    boss = await startJobQueue(handle, {}, (error) =>
      // pg-boss's own maintenance failing is worth a line, never a crash.
      process.stderr.write(`pg-boss: ${error.message}\n`),
    );
    const services = composeServices(handle, {
      sessionTtlHours: config.sessionTtlHours,
      publicUrl: config.publicUrl,
      jobNotifier,
      boss,
      grading: { slotBase: config.graderSlotBase },
      mail: config.mail,
      webhooks: config.webhooks,
      ...(config.sso ? { sso: config.sso } : {}),
      ...(config.testClock ? { testClock: createTestClock() } : {}),
    });
    await services.questionsService.ensureQuestionBankSeeded();
    const notifier = jobNotifier;
    const startedBoss = boss;
    return {
      handle,
      services,
      jobNotifier: notifier,
      secret,
      applied,
      close: async () => {
        // Workers are stopped first (start-worker); this ends pg-boss's timers and its pool.
        await startedBoss.stop({ graceful: false, wait: true });
        await notifier.close();
        await handle.close();
      },
    };
  } catch (error) {
    await boss?.stop({ graceful: false, wait: true });
    await jobNotifier?.close();
    await handle.close();
    throw error;
  }
}
