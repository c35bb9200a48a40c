/**
 * What the PostgreSQL HTTP benches share: a throwaway database, migrated and with the question bank
 * seeded, the real Fastify app on it, and a timer that sends one request at a time through
 * `app.inject` (session, access, SQL, response validation and serialisation; no socket).
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { composeServices } from "../../src/compose.js";
import { openServerDatabase } from "../../src/db/client.js";
import { runMigrations } from "../../src/db/migrate.js";
import { buildApp } from "../../src/routes.js";
import { createServerDatabase } from "./bench-servers.js";

export type TTiming = { p50: number; p95: number; max: number; bytes: number };
type THandle = Awaited<ReturnType<typeof openServerDatabase>>;
type TServices = ReturnType<typeof composeServices>;
type TApp = Awaited<ReturnType<typeof buildApp>>;

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The real app on `services`, quiet and without login rate limits, ready for `app.inject`. */
export async function buildBenchApp(services: TServices, databaseKind: THandle["kind"]) {
  const app = await buildApp({
    services,
    cookieSecret: randomBytes(32).toString("hex"),
    sessionTtlHours: 24,
    bodyLimitBytes: 1024 * 1024,
    trustProxy: false,
    logger: false,
    version: "bench",
    databaseKind,
    loginRateLimitPerMinute: 1000,
    webDistDir: undefined,
    secureCookies: false,
  });
  await app.ready();
  return app;
}

/**
 * Runs `body` on a fresh database of the PostgreSQL server at `adminUrl` (dropped afterwards,
 * whatever happens): `fill` writes the data, then the app is built and `body` times it.
 */
export async function withBenchApp<TData>(
  adminUrl: string,
  fill: (handle: THandle, services: TServices) => Promise<TData>,
  body: (bench: { app: TApp; data: TData; handle: THandle }) => Promise<void>,
) {
  const database = await createServerDatabase(adminUrl);
  const handle = await openServerDatabase(database.url, 10);
  try {
    await runMigrations(handle.db);
    const services = composeServices(handle, { sessionTtlHours: 24, publicUrl: "http://bench" });
    await services.questionsService.ensureQuestionBankSeeded();
    const data = await fill(handle, services);
    const app = await buildBenchApp(services, handle.kind);
    try {
      await body({ app, data, handle });
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    await database.drop();
  }
}

/** `n` GETs of `url` with the session cookie, after five warm-up calls (JIT, pool). */
export async function timeRequests(
  app: TApp,
  url: string,
  sessionToken: string,
  n: number,
  /** Run before each request, untimed (e.g. a write, so the read caches must recompute). */
  before?: () => Promise<unknown>,
): Promise<TTiming> {
  const headers = { cookie: `sl_session=${sessionToken}` };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n + 5; i++) {
    await before?.();
    const start = performance.now();
    const response = await app.inject({ method: "GET", url, headers });
    const ms = performance.now() - start;
    if (response.statusCode !== 200)
      throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    bytes = response.rawPayload.length;
    if (i >= 5) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1) ?? NaN,
    bytes,
  };
}
