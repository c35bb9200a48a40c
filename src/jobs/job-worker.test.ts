import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { TDatabaseHandle } from "../db/client.js";
import { runMigrations } from "../db/migrate.js";
import { openTestDatabase, testDatabaseKinds } from "../test-support/test-app.js";
import { defineJob, PermanentJobError, registerJob } from "./job-definition.js";
import type { TJobHandler } from "./job-definition.js";
import { createLocalNotifier } from "./job-notifier.js";
import { createJobQueue } from "./job-queue.js";
import { createJobQueueRepo } from "./job-queue.repo.js";
import { createJobWorker } from "./job-worker.js";

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const echoJob = defineJob({
  name: "test.echo",
  payload: z.object({ n: z.number().int() }),
  maxAttempts: 3,
  concurrency: 2,
  staleAfterMs: 60_000,
});

async function until(predicate: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(testDatabaseKinds())("the job queue on %s", (kind) => {
  let handle: TDatabaseHandle;
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await handle.close();
  });

  async function setup(
    handler: TJobHandler<{ n: number }>,
    options: { retryBaseDelayMs?: number } = {},
  ) {
    handle = await openTestDatabase(kind);
    await runMigrations(handle.db);
    const jobQueueRepo = createJobQueueRepo(handle.db);
    const notifier = createLocalNotifier();
    const queue = createJobQueue({ jobQueueRepo, notifier });
    const worker = createJobWorker({
      jobQueueRepo,
      notifier,
      jobs: [registerJob(echoJob, handler)],
      logger: silent,
      pollIntervalMs: 5_000,
      retryBaseDelayMs: options.retryBaseDelayMs ?? 10,
    });
    worker.start();
    stops.push(() => worker.stop());
    return { queue, jobQueueRepo, worker };
  }

  it("runs an enqueued job promptly (woken, not polled) and stores its result", async () => {
    const { queue } = await setup(async ({ n }) => Promise.resolve({ doubled: n * 2 }));
    const started = Date.now();
    const job = await queue.enqueue(echoJob, { n: 21 });
    await until(async () => (await queue.findJob(job.id))?.status === "succeeded");
    // The poll interval is 5 s; finishing well under it shows the notifier woke the worker.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await queue.findJob(job.id))?.result).toEqual({ doubled: 42 });
  });

  it("retries a failing job, then marks it failed with the last error", async () => {
    let calls = 0;
    const { queue } = await setup(async () => {
      calls++;
      return Promise.reject(new Error(`boom ${calls}`));
    });
    const job = await queue.enqueue(echoJob, { n: 1 });
    await until(async () => (await queue.findJob(job.id))?.status === "failed");
    const final = await queue.findJob(job.id);
    expect(calls).toBe(3);
    expect(final).toMatchObject({ attempts: 3, lastError: "boom 3" });
  });

  it("does not retry a permanent failure, and refuses an invalid payload at enqueue", async () => {
    let calls = 0;
    const { queue } = await setup(async () => {
      calls++;
      return Promise.reject(new PermanentJobError("gone"));
    });
    const job = await queue.enqueue(echoJob, { n: 1 });
    await until(async () => (await queue.findJob(job.id))?.status === "failed");
    expect(calls).toBe(1);
    await expect(queue.enqueue(echoJob, { n: 1.5 })).rejects.toThrow();
  });

  it("never runs more than the job's concurrency at once", async () => {
    let active = 0;
    let peak = 0;
    const { queue } = await setup(async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 100));
      active--;
      return null;
    });
    const created = await Promise.all([1, 2, 3, 4, 5].map((n) => queue.enqueue(echoJob, { n })));
    await until(async () => {
      const all = await Promise.all(created.map((j) => queue.findJob(j.id)));
      return all.every((j) => j?.status === "succeeded");
    });
    expect(peak).toBe(2);
  });

  it("re-queues a job whose worker died mid-run", async () => {
    handle = await openTestDatabase(kind);
    await runMigrations(handle.db);
    const repo = createJobQueueRepo(handle.db);
    const job = await repo.insertJob({ name: echoJob.name, payload: { n: 3 }, maxAttempts: 3 });
    const claimed = await repo.claimNextJob([echoJob.name], "dead-worker");
    expect(claimed?.id).toBe(job.id);
    // Nothing else can claim it while it runs…
    expect(await repo.claimNextJob([echoJob.name], "other")).toBeUndefined();
    // …until its lock is older than the stale threshold.
    expect(await repo.requeueStaleJobs(new Date(Date.now() + 1000))).toBe(1);
    expect((await repo.claimNextJob([echoJob.name], "other"))?.attempts).toBe(2);
  });
});
