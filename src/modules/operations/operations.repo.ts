import { sql } from "drizzle-orm";
import type { TDatabase } from "../../db/client.js";
import { queryRows } from "../../db/raw-query.js";

export function createOperationsRepo(db: TDatabase) {
  return {
    /** Jobs by kind and state, and how long the oldest waiting one has waited. */
    async jobQueueStats() {
      return queryRows<{ name: string; status: string; count: number; oldest_seconds: number }>(
        db,
        sql`select name, status, count(*)::int as count,
                   coalesce(extract(epoch from now() - min(run_at)), 0)::float8 as oldest_seconds
            from jobs where status in ('queued', 'running') group by name, status`,
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
