import { sql } from "drizzle-orm";
import type { TDatabase } from "../../db/client.js";
import { queryRows } from "../../db/raw-query.js";

export function createOperationsRepo(db: TDatabase) {
  return {
    /**
     * pg-boss's jobs by kind, as queued (created, or waiting for a retry) and running (active), and
     * how long the oldest has waited since it was due (queued) or started (running). Dead-letter
     * queues are not worked, so their jobs are not "queued": `deadLetterCounts` counts them.
     */
    async jobQueueStats() {
      return queryRows<{ name: string; status: string; count: number; oldest_seconds: number }>(
        db,
        sql`select name, status, count(*)::int as count,
                   coalesce(extract(epoch from now() - min(since)), 0)::float8 as oldest_seconds
            from (select name,
                         case when state = 'active' then 'running' else 'queued' end as status,
                         case when state = 'active' then started_on else start_after end as since
                  from pgboss.job
                  where state in ('created', 'retry', 'active') and name not like '%.dead') j
            group by name, status`,
      );
    },
    /**
     * Jobs that failed their last attempt, by kind: pg-boss copies each into the kind's `.dead`
     * queue, which nothing works, so they stay there (for the queue's retention) to be looked at.
     */
    async deadLetterCounts() {
      return queryRows<{ name: string; count: number }>(
        db,
        sql`select left(name, length(name) - 5) as name, count(*)::int as count
            from pgboss.job where name like '%.dead' group by name`,
      );
    },
    /**
     * Per job kind, for the admins' Background jobs page, in one statement: waiting and running
     * now, finished and failed in the last 24 hours, the dead letters, and how long the oldest
     * waiting job has been due. A kind's `.dead` queue is folded into its kind.
     */
    async jobSummary() {
      return queryRows<{
        name: string;
        queued: number;
        running: number;
        succeeded_24h: number;
        failed_24h: number;
        dead_letters: number;
        oldest_queued_seconds: number;
      }>(
        db,
        sql`select kind as name,
              count(*) filter (where not dead and state in ('created', 'retry'))::int as queued,
              count(*) filter (where not dead and state = 'active')::int as running,
              count(*) filter (where not dead and state = 'completed' and recent)::int as succeeded_24h,
              count(*) filter (where not dead and state = 'failed' and recent)::int as failed_24h,
              count(*) filter (where dead)::int as dead_letters,
              coalesce(extract(epoch from now() - min(start_after)
                filter (where not dead and state in ('created', 'retry'))), 0)::float8
                as oldest_queued_seconds
            from (select state, start_after,
                         name like '%.dead' as dead,
                         case when name like '%.dead' then left(name, length(name) - 5)
                              else name end as kind,
                         coalesce(completed_on > now() - interval '24 hours', false) as recent
                  from pgboss.job) j
            group by kind order by kind`,
      );
    },
    /** One round trip, measured by the caller: waiting for PGlite or a pooled connection included. */
    async ping(): Promise<void> {
      await db.execute(sql`select 1`);
    },
    async appliedMigrations(): Promise<string[]> {
      const rows = await queryRows<{ name: string }>(
        db,
        sql`select name from shortlist_migrations order by name`,
      );
      return rows.map((r) => r.name);
    },
  };
}
export type TOperationsRepo = ReturnType<typeof createOperationsRepo>;
