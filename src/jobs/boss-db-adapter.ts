import type PgBoss from "pg-boss";
import type { TExecutor } from "../db/client.js";

/** What drizzle's session runs statements on: PGlite (or its transaction) or a node-postgres pool/client. */
type TSessionClient = {
  query: (text: string, values?: unknown[]) => Promise<unknown>;
  exec?: (text: string) => Promise<{ rows: unknown[] }[]>;
};

function sessionClient(executor: TExecutor): TSessionClient {
  const client = (executor as unknown as { session?: { client?: TSessionClient } }).session?.client;
  if (!client || typeof client.query !== "function")
    throw new Error("the drizzle executor has no session client to run pg-boss statements on");
  return client;
}

/**
 * pg-boss's `db` option over one of our drizzle executors: the database (embedded mode, where
 * pg-boss must share PGlite's single connection) or an open transaction (`send` with the job's
 * cause, so both commit together). A statement without parameters may be several statements
 * (pg-boss's schema install), which PGlite runs only through `exec`; one with parameters is a
 * single statement and goes to `query`. node-postgres runs both through `query`.
 *
 * It is built on drizzle's session client, not on a PGlite object, so it follows the executor
 * wherever drizzle runs it.
 */
export function bossDbAdapter(executor: TExecutor): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const client = sessionClient(executor);
      if ((!values || values.length === 0) && typeof client.exec === "function") {
        const results = await client.exec(text);
        return results.at(-1) ?? { rows: [] };
      }
      // node-postgres answers several statements with one result each.
      const result: unknown = await client.query(text, values ?? []);
      return Array.isArray(result)
        ? ((result.at(-1) as { rows: unknown[] } | undefined) ?? { rows: [] })
        : (result as { rows: unknown[] });
    },
  };
}
