import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { TDatabaseHandle } from "../db/client.js";
import { runMigrations } from "../db/migrate.js";
import { queryRows } from "../db/raw-query.js";
import { openTestDatabase, testDatabaseKinds } from "../test-support/test-app.js";
import { bossDbAdapter } from "./boss-db-adapter.js";
import { createBossJobQueue } from "./boss-queue.js";
import { createBossWorker } from "./boss-worker.js";
import { ensureQueues, startBoss } from "./job-boss.js";
import { defineJob, PermanentJobError, registerJob } from "./job-definition.js";
import type { TJobHandler } from "./job-definition.js";
import { createLocalNotifier } from "./job-notifier.js";

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const echoJob = defineJob({
  name: "test.echo",
  payload: z.object({ n: z.number().int() }),
  maxAttempts: 3,
  concurrency: 2,
});

async function until(predicate: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(testDatabaseKinds())("jobs on pg-boss on %s", (kind) => {
  let handle: TDatabaseHandle;
  let boss: PgBoss | undefined;
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await boss?.stop({ graceful: false, wait: true });
    boss = undefined;
    await handle.close();
  });

  async function setup(handler: TJobHandler<{ n: number }>, options: { start?: boolean } = {}) {
    handle = await openTestDatabase(kind);
    await runMigrations(handle.db);
    boss = await startBoss(handle, { schedule: false });
    await ensureQueues(boss, [echoJob], 1);
    const notifier = createLocalNotifier();
    const queue = createBossJobQueue({ boss, db: handle.db, notifier });
    const worker = createBossWorker({
      boss,
      db: handle.db,
      notifier,
      jobs: [registerJob(echoJob, handler)],
      logger: silent,
      // A long fallback poll: a job that starts fast was woken, not polled.
      pollingIntervalSeconds: 30,
    });
    if (options.start !== false) {
      await worker.start();
      stops.push(() => worker.stop({ graceMs: 1_000 }));
    }
    return { queue, worker, notifier };
  }

  it("installs the pgboss schema and runs a multi-statement call through the adapter", async () => {
    await setup(() => Promise.resolve(null), { start: false });
    const rows = await queryRows<{ version: number }>(
      handle.db,
      sql`select version from pgboss.version`,
    );
    expect(rows[0]?.version).toBeGreaterThan(0);
    const adapter = bossDbAdapter(handle.db);
    const multi = await adapter.executeSql("select 1 as a; select 2 as b", []);
    expect(multi.rows).toEqual([{ b: 2 }]);
    const single = await adapter.executeSql("select $1::int + 1 as c", [41]);
    expect(single.rows).toEqual([{ c: 42 }]);
  });

  it("runs an enqueued job promptly (woken, not polled) and keeps its result", async () => {
    const { queue } = await setup(({ n }) => Promise.resolve({ doubled: n * 2 }));
    const started = Date.now();
    const job = await queue.enqueue(echoJob, { n: 21 });
    await until(async () => (await queue.findJob(job.id))?.status === "succeeded");
    expect(Date.now() - started).toBeLessThan(5_000);
    const done = await queue.findJob(job.id);
    expect(done).toMatchObject({ status: "succeeded", attempts: 1, maxAttempts: 3 });
    expect(done?.result).toEqual({ doubled: 42 });
  });

  it("enqueues inside a transaction: nothing runs on rollback, the job runs after commit", async () => {
    const seen: number[] = [];
    const { queue } = await setup(({ n }) => {
      seen.push(n);
      return Promise.resolve(null);
    });
    let rolledBackId = "";
    await handle.db
      .transaction(async (tx) => {
        rolledBackId = (await queue.enqueue(echoJob, { n: 1 }, tx)).id;
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await queue.findJob(rolledBackId)).toBeUndefined();
    const committed = await handle.db.transaction((tx) => queue.enqueue(echoJob, { n: 2 }, tx));
    await queue.wake(echoJob);
    await until(async () => (await queue.findJob(committed.id))?.status === "succeeded");
    expect(seen).toEqual([2]);
  });

  it("retries a failing job with the attempt number, then succeeds", async () => {
    const attempts: number[] = [];
    const { queue } = await setup((_payload, { attempt }) => {
      attempts.push(attempt);
      if (attempt < 2) return Promise.reject(new Error("flaky"));
      return Promise.resolve("ok");
    });
    const job = await queue.enqueue(echoJob, { n: 1 });
    await until(async () => (await queue.findJob(job.id))?.status === "succeeded", 30_000);
    expect(attempts).toEqual([1, 2]);
  });

  it("ends a job at once on a permanent error and keeps the message", async () => {
    let calls = 0;
    const { queue } = await setup(() => {
      calls++;
      return Promise.reject(new PermanentJobError("submission deleted"));
    });
    const job = await queue.enqueue(echoJob, { n: 1 });
    await until(async () => (await queue.findJob(job.id))?.status === "failed");
    expect(await queue.findJob(job.id)).toMatchObject({ lastError: "submission deleted" });
    expect(calls).toBe(1);
  });

  it("runs at most `concurrency` jobs of a kind at once", async () => {
    let running = 0;
    let peak = 0;
    const { queue } = await setup(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 100));
      running--;
      return null;
    });
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) ids.push((await queue.enqueue(echoJob, { n })).id);
    await until(async () => {
      const views = await Promise.all(ids.map((id) => queue.findJob(id)));
      return views.every((v) => v?.status === "succeeded");
    });
    expect(peak).toBe(2);
  });

  it("enqueueOnce stores a dedupe key's job once", async () => {
    const { queue } = await setup(() => Promise.resolve(null), { start: false });
    const first = await queue.enqueueOnce(echoJob, { n: 1 }, "echo:2026-12-03");
    const second = await queue.enqueueOnce(echoJob, { n: 2 }, "echo:2026-12-03");
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
  });

  it("puts a job a dead process left active back in the queue at start (embedded)", async () => {
    const { queue, notifier } = await setup(() => Promise.resolve("after restart"), {
      start: false,
    });
    const job = await queue.enqueue(echoJob, { n: 1 });
    // A process fetched it and died.
    if (!boss) throw new Error("pg-boss did not start");
    const fetched = await boss.fetch(echoJob.name);
    expect(fetched[0]?.id).toBe(job.id);
    expect((await queue.findJob(job.id))?.status).toBe("running");
    const worker = createBossWorker({
      boss,
      db: handle.db,
      notifier,
      jobs: [registerJob(echoJob, () => Promise.resolve("after restart"))],
      logger: silent,
      pollingIntervalSeconds: 30,
      requeueActiveAtStart: true,
    });
    await worker.start();
    stops.push(() => worker.stop({ graceMs: 1_000 }));
    await queue.wake(echoJob);
    await until(async () => (await queue.findJob(job.id))?.status === "succeeded");
    expect(await queue.findJob(job.id)).toMatchObject({ attempts: 2, result: "after restart" });
  });
});
