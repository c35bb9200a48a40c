import type { TSsoSettings } from "../config.js";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { composeServices } from "../compose.js";
import type { TServices } from "../compose.js";
import { openMemoryDatabase, openServerDatabase } from "../db/client.js";
import type { TDatabaseHandle } from "../db/client.js";
import { runMigrations } from "../db/migrate.js";
import { buildApp } from "../routes.js";
import type { TApp } from "../http/types.js";
import { createLocalNotifier } from "../jobs/job-notifier.js";
import { registeredJobs, startJobQueue } from "../job-registry.js";
import { createBossWorker } from "../jobs/boss-worker.js";
import type { TWebhookSendSettings } from "../modules/webhooks/webhook-sender.js";
import type { TMailSettings } from "../modules/mail/mail-transport.js";
import type { TTestClock } from "../shared/clock.js";

export type TDatabaseKind = "pglite" | "postgres";

/** The databases this run covers: PGlite always, the server when the global setup found one. */
export function testDatabaseKinds(): TDatabaseKind[] {
  return inject("postgresUrl") ? ["pglite", "postgres"] : ["pglite"];
}

/** A fresh, empty database of the given kind; a server database is created and dropped per call. */
export async function openTestDatabase(kind: TDatabaseKind): Promise<TDatabaseHandle> {
  if (kind === "pglite") return openMemoryDatabase();
  const adminUrl = inject("postgresUrl");
  if (!adminUrl) throw new Error("no PostgreSQL server for this run");
  const name = `shortlist_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openServerDatabase(url.toString(), 4);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export type TTestContext = {
  app: TApp;
  services: TServices;
  handle: TDatabaseHandle;
  close: () => Promise<void>;
};

/** The configured public address of test apps; links must start with it whatever Host says. */
export const TEST_PUBLIC_URL = "http://shortlist.test:3000";

export async function createTestApp(
  kind: TDatabaseKind,
  options: {
    loginRateLimitPerMinute?: number;
    webDistDir?: string;
    secureCookies?: boolean;
    /** Runs the real job worker (gradings included) beside the app, as `serve` does. */
    withWorker?: boolean;
    /** Another database than a fresh one of `kind` (e.g. one that counts statements). */
    openDatabase?: () => Promise<TDatabaseHandle>;
    /** First sandbox uid slot of the worker's gradings, so test files grading at once never share one. */
    gradingSlotBase?: number;
    /** SMTP settings of the app (a loopback test server); none keeps mail in the outbox. */
    mail?: TMailSettings;
    /** Webhook sending; tests deliver to loopback receivers, so they allow private addresses. */
    webhooks?: TWebhookSendSettings;
    /** A movable clock (what SHORTLIST_TEST_CLOCK gives a server), with its admin route. */
    testClock?: TTestClock;
    /** Single sign-on against a provider the test runs on loopback. */
    sso?: TSsoSettings;
  } = {},
): Promise<TTestContext> {
  const handle = await (options.openDatabase?.() ?? openTestDatabase(kind));
  await runMigrations(handle.db);
  const jobNotifier = createLocalNotifier();
  // pg-boss as `serve` starts it; retries after 1 s (then 2, 4...) so backoff tests stay short,
  // and no cron here (tests that need the schedule start it themselves).
  const boss = await startJobQueue(handle, { schedule: false, retryDelaySeconds: 1 });
  const services = composeServices(handle, {
    sessionTtlHours: 24,
    publicUrl: TEST_PUBLIC_URL,
    jobNotifier,
    boss,
    ...(options.mail ? { mail: options.mail } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(options.testClock ? { testClock: options.testClock } : {}),
    ...(options.sso ? { sso: options.sso } : {}),
    ...(options.gradingSlotBase === undefined
      ? {}
      : { grading: { slotBase: options.gradingSlotBase } }),
  });
  // The same startup step as server.ts: the question bank is in the database before any request.
  await services.questionsService.ensureQuestionBankSeeded();
  const app = await buildApp({
    services,
    cookieSecret: randomBytes(32).toString("hex"),
    sessionTtlHours: 24,
    bodyLimitBytes: 1024 * 1024,
    trustProxy: false,
    logger: false,
    version: "test",
    databaseKind: handle.kind,
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 1000,
    webDistDir: options.webDistDir,
    secureCookies: options.secureCookies ?? false,
  });
  await app.ready();
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const worker = options.withWorker
    ? createBossWorker({
        boss,
        db: handle.db,
        jobs: registeredJobs(services),
        notifier: jobNotifier,
        logger: silent,
        pollingIntervalSeconds: 0.5,
      })
    : undefined;
  await worker?.start();
  return {
    app,
    services,
    handle,
    close: async () => {
      await app.close();
      await worker?.stop();
      await boss.stop({ graceful: false, wait: true });
      await handle.close();
    },
  };
}
