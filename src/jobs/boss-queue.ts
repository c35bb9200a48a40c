import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { TDatabase, TExecutor } from "../db/client.js";
import { queryRows } from "../db/raw-query.js";
import { bossDbAdapter } from "./boss-db-adapter.js";
import { BOSS_SCHEMA, dedupeJobId } from "./job-boss.js";
import type { TJobDefinition } from "./job-definition.js";
import type { TJobNotifier } from "./job-notifier.js";

export type TJobStatus = "queued" | "running" | "succeeded" | "failed";

/** A job as the rest of the code sees it, whatever pg-boss calls its states. */
export type TJobView = {
  id: string;
  name: string;
  status: TJobStatus;
  /** Attempts started so far. */
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  result: unknown;
  createdAt: Date;
  finishedAt: Date | null;
};

/** pg-boss state to ours: created/retry wait, active runs, completed, failed or cancelled ended. */
export const JOB_STATUS_SQL = sql.raw(`case j.state
  when 'active' then 'running' when 'completed' then 'succeeded'
  when 'failed' then 'failed' when 'cancelled' then 'failed' else 'queued' end`);

/**
 * Our job API on pg-boss. `boss` is absent only in a process that never enqueues (the OpenAPI
 * generator, read-only benches); a send there fails with a clear error rather than a silent loss.
 */
export function createBossJobQueue(deps: {
  boss: PgBoss | undefined;
  db: TDatabase;
  notifier: TJobNotifier;
}) {
  const boss = (): PgBoss => {
    if (!deps.boss) throw new Error("the job queue (pg-boss) was not started in this process");
    return deps.boss;
  };
  return {
    /**
     * Sends a job. Inside a transaction pass `executor`: the job is inserted on that transaction
     * and commits (or rolls back) with its cause; call `wake()` after the commit, since a worker
     * woken before it would not see the row yet.
     */
    async enqueue<TPayload>(
      definition: TJobDefinition<TPayload>,
      payload: TPayload,
      executor?: TExecutor,
    ): Promise<{ id: string; name: string }> {
      const data = definition.payload.parse(payload) as object;
      const id = await boss().send(
        definition.name,
        data,
        executor ? { db: bossDbAdapter(executor) } : {},
      );
      if (!id) throw new Error(`pg-boss did not create the ${definition.name} job`);
      if (!executor) await deps.notifier.notify(definition.name);
      return { id, name: definition.name };
    },
    /** Sends the job unless one with `dedupeKey` is still kept (pg-boss ignores a repeated id). */
    async enqueueOnce<TPayload>(
      definition: TJobDefinition<TPayload>,
      payload: TPayload,
      dedupeKey: string,
    ): Promise<{ id: string; name: string } | undefined> {
      const data = definition.payload.parse(payload) as object;
      const id = await boss().send(definition.name, data, { id: dedupeJobId(dedupeKey) });
      if (!id) return undefined;
      await deps.notifier.notify(definition.name);
      return { id, name: definition.name };
    },
    wake: (definition: TJobDefinition<unknown>) => deps.notifier.notify(definition.name),
    async findJob(id: string, executor: TExecutor = deps.db): Promise<TJobView | undefined> {
      const [row] = await queryRows<{
        id: string;
        name: string;
        status: TJobStatus;
        attempts: number;
        max_attempts: number;
        last_error: string | null;
        result: unknown;
        created_at: string | Date;
        finished_at: string | Date | null;
      }>(
        executor,
        sql`select j.id::text as id, j.name, ${JOB_STATUS_SQL} as status,
                   (j.retry_count + case when j.started_on is null then 0 else 1 end)::int as attempts,
                   (j.retry_limit + 1)::int as max_attempts,
                   case when j.state in ('failed', 'retry') then j.output->>'message' end as last_error,
                   case when j.state = 'completed' then j.output->'value' end as result,
                   j.created_on as created_at, j.completed_on as finished_at
            from ${sql.raw(BOSS_SCHEMA)}.job j where j.id = ${id}::uuid`,
      );
      if (!row) return undefined;
      return {
        id: row.id,
        name: row.name,
        status: row.status,
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
        lastError: row.last_error,
        result: row.result,
        createdAt: new Date(row.created_at),
        finishedAt: row.finished_at ? new Date(row.finished_at) : null,
      };
    },
  };
}
export type TBossJobQueue = ReturnType<typeof createBossJobQueue>;
export type TJobQueue = TBossJobQueue;
