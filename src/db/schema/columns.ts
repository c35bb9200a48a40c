import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";

/**
 * `column in ('a', 'b')` for a check constraint. Enumerations are text plus a check rather than
 * PostgreSQL enums: adding a value later is one constraint change, not ALTER TYPE.
 */
export function oneOf(column: string, values: readonly string[]): SQL {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);
}
