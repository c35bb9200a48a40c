import type PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { TDatabaseHandle } from "../db/client.js";
import { runMigrations } from "../db/migrate.js";
import { openTestDatabase, testDatabaseKinds } from "../test-support/test-app.js";
import { createBossWorker } from "./boss-worker.js";
import type { TBossWorker } from "./boss-worker.js";
import { ensureQueues, startBoss } from "./job-boss.js";
import { defineJob, registerJob } from "./job-definition.js";
import { createLocalNotifier } from "./job-notifier.js";

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Every minute: pg-boss sends a schedule whose last occurrence is under 60 s old, so at once. */
const tickJob = defineJob({
  name: "test.tick",
  payload: z.object({ from: z.literal("cron") }),
  maxAttempts: 1,
  concurrency: 1,
  schedule: { cron: "* * * * *", payload: { from: "cron" } },
});

describe.skipIf(!testDatabaseKinds().includes("postgres"))("cron schedules on pg-boss", () => {
  let handle: TDatabaseHandle | undefined;
  const bosses: PgBoss[] = [];
  const workers: TBossWorker[] = [];
  afterAll(async () => {
    for (const worker of workers) await worker.stop({ graceMs: 1_000 });
    for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
    await handle?.close();
  });

  it("fires a declared schedule, once across two processes on one database", async () => {
    handle = await openTestDatabase("postgres");
    await runMigrations(handle.db);
    const runs: string[] = [];
    // Two pg-boss instances with their own pools: two processes as far as the database knows.
    for (const who of ["a", "b"]) {
      const boss = await startBoss(handle, {
        cronMonitorIntervalSeconds: 1,
        cronWorkerIntervalSeconds: 1,
      });
      bosses.push(boss);
      await ensureQueues(boss, [tickJob], 1);
      const worker = createBossWorker({
        boss,
        db: handle.db,
        notifier: createLocalNotifier(),
        jobs: [
          registerJob(tickJob, (payload) => {
            runs.push(`${who}:${payload.from}`);
            return Promise.resolve(null);
          }),
        ],
        logger: silent,
        pollingIntervalSeconds: 0.5,
      });
      await worker.start();
      workers.push(worker);
    }
    const deadline = Date.now() + 20_000;
    while (runs.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(runs.length).toBe(1);
    // Several more cron checks in both processes: still the one run for this minute.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/^[ab]:cron$/);
  }, 60_000);
});
