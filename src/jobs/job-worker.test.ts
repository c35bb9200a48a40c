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
    await worker.start();
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

  it("re-queues a running job once its worker's heartbeat has been silent, not before", async () => {
    handle = await openTestDatabase(kind);
    await runMigrations(handle.db);
    const repo = createJobQueueRepo(handle.db);
    const job = await repo.insertJob({ name: echoJob.name, payload: { n: 3 }, maxAttempts: 3 });
    const claimed = await repo.claimNextJob([echoJob.name], "dead-worker");
    expect(claimed?.id).toBe(job.id);
    // Nothing else can claim it while it runs…
    expect(await repo.claimNextJob([echoJob.name], "other")).toBeUndefined();
    // …and a fresh heartbeat keeps it its worker's…
    await new Promise((r) => setTimeout(r, 300));
    await repo.heartbeat("dead-worker");
    expect(await repo.requeueSilentJobs(250)).toBe(0);
    // …until the worker has been silent for the limit.
    await new Promise((r) => setTimeout(r, 300));
    expect(await repo.requeueSilentJobs(250)).toBe(1);
    const reclaimed = await repo.claimNextJob([echoJob.name], "other");
    expect(reclaimed?.attempts).toBe(2);
    // The presumed-dead worker finishing late cannot overwrite the new owner's job.
    await repo.markSucceeded(job.id, "dead-worker", { late: true });
    expect(await repo.findJob(job.id)).toMatchObject({ status: "running", lockedBy: "other" });
  });

  it("in embedded mode re-queues what a dead process left running, at start", async () => {
    handle = await openTestDatabase(kind);
    await runMigrations(handle.db);
    const repo = createJobQueueRepo(handle.db);
    const job = await repo.insertJob({ name: echoJob.name, payload: { n: 4 }, maxAttempts: 3 });
    await repo.claimNextJob([echoJob.name], "killed-process");
    await repo.heartbeat("killed-process");
    const notifier = createLocalNotifier();
    const worker = createJobWorker({
      jobQueueRepo: repo,
      notifier,
      jobs: [registerJob(echoJob, async ({ n }) => Promise.resolve({ n }))],
      logger: silent,
      requeueRunningAtStart: true,
    });
    const started = Date.now();
    await worker.start();
    stops.push(() => worker.stop());
    await until(async () => (await repo.findJob(job.id))?.status === "succeeded");
    // The heartbeat was fresh, so only the start-up re-queue can explain a finish this fast.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await repo.findJob(job.id))?.attempts).toBe(2);
  });

  it("with several workers, a silent worker's job is taken over within seconds", async () => {
    handle = await openTestDatabase(kind);
    await runMigrations(handle.db);
    const repo = createJobQueueRepo(handle.db);
    const job = await repo.insertJob({ name: echoJob.name, payload: { n: 5 }, maxAttempts: 3 });
    await repo.claimNextJob([echoJob.name], "crashed-worker");
    const worker = createJobWorker({
      jobQueueRepo: repo,
      notifier: createLocalNotifier(),
      jobs: [registerJob(echoJob, async ({ n }) => Promise.resolve({ n }))],
      logger: silent,
      pollIntervalMs: 100,
      heartbeatIntervalMs: 100,
      silentAfterMs: 500,
    });
    await worker.start();
    stops.push(() => worker.stop());
    await until(async () => (await repo.findJob(job.id))?.status === "succeeded", 5_000);
  });

  it("keeps a long job its own by heartbeat, and releases it at shutdown", async () => {
    handle = await openTestDatabase(kind);
    await runMigrations(handle.db);
    const repo = createJobQueueRepo(handle.db);
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const options = {
      jobQueueRepo: repo,
      notifier: createLocalNotifier(),
      logger: silent,
      pollIntervalMs: 100,
      heartbeatIntervalMs: 100,
      silentAfterMs: 400,
    };
    const busy = createJobWorker({
      ...options,
      jobs: [registerJob(echoJob, async () => blocked.then(() => null))],
    });
    const other = createJobWorker({
      ...options,
      jobs: [registerJob(echoJob, () => Promise.resolve(null))],
    });
    const queue = createJobQueue({ jobQueueRepo: repo, notifier: options.notifier });
    await busy.start();
    const job = await queue.enqueue(echoJob, { n: 6 });
    await until(() => Promise.resolve(busy.runningCount() === 1));
    await other.start();
    stops.push(() => other.stop());
    // Twice the silence limit: the heartbeat keeps the job with its (slow but alive) worker.
    await new Promise((r) => setTimeout(r, 800));
    expect(await repo.findJob(job.id)).toMatchObject({
      status: "running",
      lockedBy: busy.workerId,
    });
    const stopStarted = Date.now();
    await busy.stop({ graceMs: 200 });
    expect(Date.now() - stopStarted).toBeLessThan(1_000);
    release();
    // Released without spending an attempt, then finished by the other worker.
    await until(async () => (await repo.findJob(job.id))?.status === "succeeded");
    expect((await repo.findJob(job.id))?.attempts).toBe(1);
  });
});
