import type { SQL } from "drizzle-orm";
import type { TExecutor } from "./client.js";

/** Both drivers return `{ rows }` from execute(); the shared drizzle type erases it to unknown. */
export async function queryRows<TRow>(db: TExecutor, query: SQL): Promise<TRow[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: TRow[] }).rows;
}
