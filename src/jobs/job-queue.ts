import type { TExecutor } from "../db/client.js";
import type { TJobDefinition } from "./job-definition.js";
import type { TJobNotifier } from "./job-notifier.js";
import type { TJobQueueRepo, TJobRow } from "./job-queue.repo.js";

export function createJobQueue(deps: {
  jobQueueRepo: Pick<TJobQueueRepo, "insertJob" | "insertJobOnce" | "findJob">;
  notifier: TJobNotifier;
}) {
  return {
    /**
     * Stores a job. Inside a transaction pass `executor` and call `wake()` after the commit: a
     * worker woken before the commit would not see the row yet.
     */
    async enqueue<TPayload>(
      definition: TJobDefinition<TPayload>,
      payload: TPayload,
      executor?: TExecutor,
    ): Promise<TJobRow> {
      const job = await deps.jobQueueRepo.insertJob(
        {
          name: definition.name,
          payload: definition.payload.parse(payload),
          maxAttempts: definition.maxAttempts,
        },
        executor,
      );
      if (!executor) await deps.notifier.notify(definition.name);
      return job;
    },
    /** Stores the job unless one with `dedupeKey` was ever stored (scheduled jobs); wakes workers. */
    async enqueueOnce<TPayload>(
      definition: TJobDefinition<TPayload>,
      payload: TPayload,
      dedupeKey: string,
    ): Promise<TJobRow | undefined> {
      const job = await deps.jobQueueRepo.insertJobOnce({
        name: definition.name,
        payload: definition.payload.parse(payload),
        maxAttempts: definition.maxAttempts,
        dedupeKey,
      });
      if (job) await deps.notifier.notify(definition.name);
      return job;
    },
    wake: (definition: TJobDefinition<unknown>) => deps.notifier.notify(definition.name),
    findJob: (id: string) => deps.jobQueueRepo.findJob(id),
  };
}
export type TJobQueue = ReturnType<typeof createJobQueue>;
