import { sql } from "drizzle-orm";
import type { TExecutor } from "./client.js";
import { queryRows } from "./raw-query.js";

/**
 * PGlite runs PostgreSQL in one process with no background workers, so autovacuum never runs:
 * no table is ever analyzed and the planner estimates one row for everything. At 2,000
 * applications and 20,000 scorecards that turned the board's one statement into 23–40 s (a
 * per-card lookup walked all 20,000 scorecards); after ANALYZE the same statement takes 0.4–1 s.
 *
 * This does what autovacuum would, for the embedded database only (a server has autovacuum):
 * find the tables that grew since their statistics were taken and VACUUM (ANALYZE) each in turn.
 * PGlite's cumulative statistics (`n_mod_since_analyze`) stay at zero, so growth is read from the
 * file size instead: a table is due when it has pages but was never analyzed, or when it holds
 * more pages than `relpages` (recorded by the last VACUUM/ANALYZE) by a tenth plus two pages.
 * Cheap to ask (a stat of each file); each table is its own statement, so requests queued on
 * PGlite get their turn between tables.
 */
export async function tablesDueForMaintenance(db: TExecutor): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and pg_relation_size(c.oid) > 0
        and (c.reltuples < 0
          or pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 1.1 + 2)
      order by pg_relation_size(c.oid) desc, c.relname`,
  );
  return rows.map((r) => r.name);
}

/** Quotes a catalog name as an SQL identifier. */
function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export type TMaintenancePass = { tables: string[]; ms: number };

/** One pass: VACUUM (ANALYZE) every table that is due, one statement per table. */
export async function runMaintenancePass(db: TExecutor): Promise<TMaintenancePass> {
  const started = performance.now();
  const tables = await tablesDueForMaintenance(db);
  for (const table of tables) {
    await db.execute(sql.raw(`vacuum (analyze) public.${identifier(table)}`));
    // Let requests waiting on the event loop in between tables.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { tables, ms: Math.round(performance.now() - started) };
}

export type TEmbeddedMaintenance = { stop: () => Promise<void> };

/**
 * Runs a pass shortly after start and then every `intervalMs`, never two at once. Failures are
 * reported and the next pass tries again; stopping waits for a pass in progress.
 */
export function startEmbeddedMaintenance(
  db: TExecutor,
  options: {
    intervalMs?: number;
    firstDelayMs?: number;
    onPass?: (pass: TMaintenancePass) => void;
    onError?: (error: unknown) => void;
  } = {},
): TEmbeddedMaintenance {
  const interval = options.intervalMs ?? 5 * 60_000;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = runMaintenancePass(db)
      .then((pass) => {
        if (pass.tables.length > 0) options.onPass?.(pass);
      })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(tick, options.firstDelayMs ?? 5_000);
  const every = setInterval(tick, interval);
  first.unref();
  every.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
