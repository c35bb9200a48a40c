import { and, asc, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import type { AnyColumn, SQL } from "drizzle-orm";
import type { TTextKey, TTimeKey } from "../shared/keyset-cursor.js";

/**
 * Keyset pages in SQL. Timestamps are compared at millisecond precision, the precision a cursor
 * carries: PostgreSQL keeps microseconds, and a cursor rounded down would otherwise skip the rows
 * that share its millisecond.
 */
const millis = (column: AnyColumn) => sql`date_trunc('milliseconds', ${column})`;

/** Newest first: the order of a time-keyed list, then the condition for "after this key". */
export const newestFirst = (at: AnyColumn, id: AnyColumn): SQL[] => [desc(millis(at)), desc(id)];

export function olderThan(
  at: AnyColumn,
  id: AnyColumn,
  key: TTimeKey | undefined,
): SQL | undefined {
  if (!key) return undefined;
  const stamp = sql`${key.at.toISOString()}::timestamptz`;
  return or(lt(millis(at), stamp), and(eq(millis(at), stamp), lt(id, key.id)));
}

/** Alphabetical: the order of a text-keyed list, then the condition for "after this key". */
export const alphabetical = (text: AnyColumn, id: AnyColumn): SQL[] => [asc(text), asc(id)];

export function afterText(text: AnyColumn, id: AnyColumn, key: TTextKey | undefined) {
  if (!key) return undefined;
  return or(gt(text, key.text), and(eq(text, key.text), gt(id, key.id)));
}
