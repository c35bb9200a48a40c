import type { TConfig } from "./config.js";
import { readPackageVersion } from "./config.js";
import { buildApp, DEFAULT_WEB_DIST } from "./routes.js";
import { SHUTDOWN_JOB_GRACE_MS, startJobWorker } from "./start-worker.js";
import { startEmbeddedMaintenance } from "./db/embedded-maintenance.js";
import { loggerOptions } from "./logger.js";
import { openServices } from "./open-services.js";

export async function startServer(
  config: TConfig,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const opened = await openServices(config);
  const { handle, services, jobNotifier } = opened;
  const app = await buildApp({
    services,
    cookieSecret: opened.secret,
    sessionTtlHours: config.sessionTtlHours,
    bodyLimitBytes: config.bodyLimitBytes,
    metricsToken: config.metricsToken,
    trustProxy: config.trustProxy,
    logger: loggerOptions(config.logLevel),
    version: readPackageVersion(),
    databaseKind: handle.kind,
    webDistDir: config.webDistDir ?? DEFAULT_WEB_DIST,
    secureCookies: config.secureCookies,
  });
  if (opened.applied.length > 0) app.log.info({ applied: opened.applied }, "migrations applied");
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await opened.close();
    throw error;
  }
  const worker = config.runWorkerInProcess
    ? await startJobWorker(services, jobNotifier, app.log, { embedded: handle.kind === "pglite" })
    : undefined;
  // PGlite has no autovacuum: without this the planner never has statistics (see the module).
  const maintenance =
    handle.kind === "pglite"
      ? startEmbeddedMaintenance(handle.db, {
          onPass: (pass) => app.log.info(pass, "embedded database analyzed"),
          onError: (error) => app.log.warn({ err: error }, "embedded database maintenance failed"),
        })
      : undefined;
  const url = config.publicUrl;
  app.log.info({ url, database: handle.kind }, "Shortlist is serving");
  return {
    url,
    // Graceful: stop accepting and finish open requests while running jobs finish or are released.
    stop: async () => {
      await Promise.all([
        app.close(),
        worker?.stop({ graceMs: SHUTDOWN_JOB_GRACE_MS }),
        maintenance?.stop(),
      ]);
      await opened.close();
    },
  };
}
