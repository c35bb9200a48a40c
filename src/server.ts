import type { TConfig } from "./config.js";
import { readPackageVersion } from "./config.js";
import { composeServices } from "./compose.js";
import { openConfiguredDatabase } from "./db/open-configured.js";
import { buildApp, DEFAULT_WEB_DIST } from "./http/app.js";
import { createLocalNotifier, createPostgresNotifier } from "./jobs/job-notifier.js";
import type { TJobNotifier } from "./jobs/job-notifier.js";
import { startJobWorker } from "./jobs/start-worker.js";
import { loggerOptions } from "./logger.js";

/** Builds the Python venv for grading if it is missing, without delaying the first page. */
function warmUpGradingRuntime(log: {
  info: (o: object, m: string) => void;
  warn: (o: object, m: string) => void;
}) {
  void import("./grader/runtime.js")
    .then(({ ensureRuntime }) => ensureRuntime())
    .then(
      (runtime) => log.info({ python: runtime.pythonVersion }, "grading runtime ready"),
      (error: unknown) =>
        log.warn({ err: error }, "grading runtime is not available; gradings will wait and retry"),
    );
}

/** With a shared server, workers in other processes are woken by NOTIFY; embedded mode is one process. */
export function openJobNotifier(config: TConfig): Promise<TJobNotifier> {
  return config.databaseUrl
    ? createPostgresNotifier(config.databaseUrl)
    : Promise.resolve(createLocalNotifier());
}

export async function startServer(
  config: TConfig,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const { handle, secret, applied } = await openConfiguredDatabase(config);
  const jobNotifier = await openJobNotifier(config);
  const services = composeServices(handle, {
    sessionTtlHours: config.sessionTtlHours,
    publicUrl: config.publicUrl,
    jobNotifier,
    grading: { slotBase: config.graderSlotBase },
  });
  try {
    await services.questionsService.ensureQuestionBankSeeded();
  } catch (error) {
    await jobNotifier.close();
    await handle.close();
    throw error;
  }
  const app = await buildApp({
    services,
    cookieSecret: secret,
    sessionTtlHours: config.sessionTtlHours,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    logger: loggerOptions(config.logLevel),
    version: readPackageVersion(),
    databaseKind: handle.kind,
    webDistDir: config.webDistDir ?? DEFAULT_WEB_DIST,
    secureCookies: config.secureCookies,
  });
  if (applied.length > 0) app.log.info({ applied }, "migrations applied");
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await jobNotifier.close();
    await handle.close();
    throw error;
  }
  const worker = config.runWorkerInProcess
    ? startJobWorker(services, jobNotifier, app.log)
    : undefined;
  if (worker) warmUpGradingRuntime(app.log);
  const shownHost =
    config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
  const url = config.publicUrl ?? `http://${shownHost}:${config.port}`;
  app.log.info({ url, database: handle.kind }, "Shortlist is serving");
  return {
    url,
    stop: async () => {
      await app.close();
      await worker?.stop();
      await jobNotifier.close();
      await handle.close();
    },
  };
}
