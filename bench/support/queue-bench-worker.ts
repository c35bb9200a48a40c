/**
 * The worker half of `bench/job-queue.bench.ts` on a shared PostgreSQL: a separate process, as a
 * `shortlist worker` beside `serve` would be, woken by NOTIFY. Prints `ready`, then one line per
 * job it starts: `started <seq> <epoch ms>` (performance.timeOrigin + now, comparable across
 * processes on one machine).
 */
import { performance } from "node:perf_hooks";
import { openServerDatabase } from "../../src/db/client.js";
import { createPostgresNotifier } from "../../src/jobs/job-notifier.js";
import { registerJob } from "../../src/jobs/job-definition.js";
import { createBossWorker } from "../../src/jobs/boss-worker.js";
import { ensureQueues, startBoss } from "../../src/jobs/job-boss.js";
import { noopJob } from "./queue-bench-job.js";

const url = process.argv[2];
if (!url) throw new Error("usage: queue-bench-worker.ts <database url>");
const handle = await openServerDatabase(url, 4);
const notifier = await createPostgresNotifier(url);
const quiet = { info: () => undefined, warn: () => undefined, error: console.error };
const jobs = [
  registerJob(noopJob, ({ seq }) => {
    process.stdout.write(`started ${seq} ${performance.timeOrigin + performance.now()}\n`);
    return Promise.resolve();
  }),
];
const boss = await startBoss(handle, { schedule: false });
await ensureQueues(boss, [noopJob]);
const worker = createBossWorker({ boss, db: handle.db, jobs, notifier, logger: quiet });
await worker.start();
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void worker
    .stop()
    .then(() => boss.stop({ graceful: false, wait: true }))
    .then(() => notifier.close())
    .then(() => handle.close())
    .then(() => process.exit(0));
});
