import type { TJobDefinition } from "./job-definition.js";
import type { TJobQueue } from "./boss-queue.js";

type TSchedulerLogger = { warn: (object: object, message: string) => void };

/** A job that runs once per UTC day; `payload` is built from the day (YYYY-MM-DD). */
export type TDailyJob = {
  definition: TJobDefinition<{ day: string }>;
};

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Enqueues each daily job on start and then every `checkEveryMs`, keyed `<name>:<day>`: the
 * unique dedupe key makes the second and later enqueues of a day no-ops, in this process or any
 * other sharing the database, so no coordination between processes is needed.
 */
export function createJobScheduler(deps: {
  jobQueue: Pick<TJobQueue, "enqueueOnce">;
  jobs: TDailyJob[];
  logger: TSchedulerLogger;
  checkEveryMs?: number;
  now?: () => Date;
}) {
  const checkEveryMs = deps.checkEveryMs ?? 60 * 60 * 1000;
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;

  async function tick() {
    const day = utcDay(now());
    for (const job of deps.jobs) {
      try {
        await deps.jobQueue.enqueueOnce(job.definition, { day }, `${job.definition.name}:${day}`);
      } catch (error) {
        deps.logger.warn({ err: error, job: job.definition.name }, "could not schedule a job");
      }
    }
  }

  return {
    tick,
    async start() {
      await tick();
      timer = setInterval(() => void tick(), checkEveryMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
export type TJobScheduler = ReturnType<typeof createJobScheduler>;
