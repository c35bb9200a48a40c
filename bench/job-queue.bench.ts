/**
 * How long a job waits between `enqueue` and its handler starting, on pg-boss as the app runs it
 * (boss-queue.ts, boss-worker.ts).
 *
 *     npx tsx bench/job-queue.bench.ts [--jobs=200] [--burst=500] [--postgres=postgres://postgres@127.0.0.1:5432/test]
 *
 * Our own queue, which this bench compared pg-boss with before the move, was removed after the
 * last side-by-side run; its figures are in bench/README.md.
 *
 * Scenarios: the embedded database (PGlite on disk, one process, woken in-process); a PostgreSQL
 * server with the worker in the same process (as `serve` runs it); and a PostgreSQL server with
 * the worker in another process (`serve` + `shortlist worker`), woken by NOTIFY. Each measures
 * one job at a time (enqueue, wait for its start, next) outside and inside a transaction (the job
 * enqueued with its cause, the worker woken after the commit), then a burst enqueued at once and
 * the time until the last one started.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { openEmbeddedDatabase, openServerDatabase } from "../src/db/client.js";
import type { TDatabaseHandle } from "../src/db/client.js";
import { runMigrations } from "../src/db/migrate.js";
import { registerJob } from "../src/jobs/job-definition.js";
import { createLocalNotifier, createPostgresNotifier } from "../src/jobs/job-notifier.js";
import type { TJobNotifier } from "../src/jobs/job-notifier.js";
import { createBossJobQueue } from "../src/jobs/boss-queue.js";
import { createBossWorker } from "../src/jobs/boss-worker.js";
import { ensureQueues, startBoss } from "../src/jobs/job-boss.js";
import type PgBoss from "pg-boss";
import { percentile } from "./support/bench-app.js";
import { createServerDatabase } from "./support/bench-servers.js";
import { noopJob } from "./support/queue-bench-job.js";

const { values: args } = parseArgs({
  options: {
    jobs: { type: "string", default: "200" },
    burst: { type: "string", default: "500" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/test" },
  },
});
const JOBS = Number(args.jobs);
const BURST = Number(args.burst);
/** One pg-boss per database handle in this process (the enqueuing side and in-process workers). */
const bosses = new Map<TDatabaseHandle, PgBoss>();
async function bossFor(handle: TDatabaseHandle): Promise<PgBoss> {
  let boss = bosses.get(handle);
  if (!boss) {
    boss = await startBoss(handle, { schedule: false }, console.error);
    await ensureQueues(boss, [noopJob]);
    bosses.set(handle, boss);
  }
  return boss;
}
const now = () => performance.timeOrigin + performance.now();
const quiet = { info: () => undefined, warn: () => undefined, error: console.error };

/** Start times by sequence number, whichever process the worker runs in. */
type TStarts = { waitFor: (seq: number) => Promise<number>; stop: () => Promise<void> };

function startTracker() {
  const seen = new Map<number, number>();
  const waiting = new Map<number, (at: number) => void>();
  const record = (seq: number, at: number) => {
    seen.set(seq, at);
    waiting.get(seq)?.(at);
  };
  const waitFor = (seq: number) => {
    const at = seen.get(seq);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise<number>((resolve) => waiting.set(seq, resolve));
  };
  return { record, waitFor };
}

async function inProcessWorker(handle: TDatabaseHandle, notifier: TJobNotifier): Promise<TStarts> {
  const tracker = startTracker();
  const bossWorker = createBossWorker({
    boss: await bossFor(handle),
    db: handle.db,
    jobs: [
      registerJob(noopJob, ({ seq }) => {
        tracker.record(seq, now());
        return Promise.resolve();
      }),
    ],
    notifier,
    logger: quiet,
  });
  await bossWorker.start();
  return { waitFor: tracker.waitFor, stop: () => bossWorker.stop() };
}

async function otherProcessWorker(url: string): Promise<TStarts> {
  const tracker = startTracker();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "support/queue-bench-worker.ts"), url],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the worker process exited (${code})`)));
    lines.on("line", (line) => {
      if (line === "ready") resolve();
      const [word, seq, at] = line.split(" ");
      if (word === "started") tracker.record(Number(seq), Number(at));
    });
  });
  return {
    waitFor: tracker.waitFor,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

type TRow = { scenario: string; mode: string; p50: number; p95: number; max: number };

async function measure(
  scenario: string,
  handle: TDatabaseHandle,
  notifier: TJobNotifier,
  starts: TStarts,
  rows: TRow[],
  firstSeq: number,
) {
  const queue = createBossJobQueue({ boss: await bossFor(handle), db: handle.db, notifier });
  let seq = firstSeq;
  const single = async (inTransaction: boolean) => {
    const waits: number[] = [];
    for (let i = 0; i < JOBS; i++) {
      const mine = seq++;
      const before = now();
      if (inTransaction) {
        await handle.db.transaction((tx) => queue.enqueue(noopJob, { seq: mine }, tx));
        await queue.wake(noopJob);
      } else {
        await queue.enqueue(noopJob, { seq: mine });
      }
      waits.push((await starts.waitFor(mine)) - before);
    }
    waits.sort((a, b) => a - b);
    rows.push({
      scenario,
      mode: inTransaction ? "one at a time, in a transaction" : "one at a time",
      p50: percentile(waits, 50),
      p95: percentile(waits, 95),
      max: waits.at(-1) ?? NaN,
    });
  };
  await single(false);
  await single(true);
  // A burst: every job enqueued at once (one statement each, as the intake does), then the time
  // until the last started; p50/p95 are per job, from the burst's start.
  const first = seq;
  const before = now();
  for (let i = 0; i < BURST; i++) await queue.enqueue(noopJob, { seq: seq++ });
  const waits: number[] = [];
  for (let s = first; s < seq; s++) waits.push((await starts.waitFor(s)) - before);
  waits.sort((a, b) => a - b);
  rows.push({
    scenario,
    mode: `burst of ${BURST}`,
    p50: percentile(waits, 50),
    p95: percentile(waits, 95),
    max: waits.at(-1) ?? NaN,
  });
  return seq;
}

const rows: TRow[] = [];

// The embedded database: PGlite on disk, the worker in the same process.
{
  const dir = mkdtempSync(join(tmpdir(), "shortlist-queue-bench-"));
  const handle = await openEmbeddedDatabase(join(dir, "data"));
  try {
    await runMigrations(handle.db);
    const notifier = createLocalNotifier();
    const starts = await inProcessWorker(handle, notifier);
    await measure("PGlite, one process", handle, notifier, starts, rows, 0);
    await starts.stop();
    await bosses.get(handle)?.stop({ graceful: false, wait: true });
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// A PostgreSQL server: the worker in the same process, then in another one.
{
  const database = await createServerDatabase(args.postgres);
  const handle = await openServerDatabase(database.url, 10);
  const notifier = await createPostgresNotifier(database.url);
  try {
    await runMigrations(handle.db);
    const here = await inProcessWorker(handle, notifier);
    const next = await measure("PostgreSQL, one process", handle, notifier, here, rows, 100_000);
    await here.stop();
    const there = await otherProcessWorker(database.url);
    await measure("PostgreSQL, worker process", handle, notifier, there, rows, next);
    await there.stop();
    await bosses.get(handle)?.stop({ graceful: false, wait: true });
  } finally {
    await notifier.close();
    await handle.close();
    await database.drop();
  }
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
console.log(`\nEnqueue to handler start, pg-boss (src/jobs):\n`);
console.log("| Database | Enqueue | p50 | p95 | max |");
console.log("|---|---|---|---|---|");
for (const r of rows)
  console.log(`| ${r.scenario} | ${r.mode} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} |`);
