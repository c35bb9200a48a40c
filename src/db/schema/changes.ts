import { sql } from "drizzle-orm";
import { bigint, bigserial, check, integer, pgTable } from "drizzle-orm/pg-core";

/**
 * The change counter behind the read caches (src/db/data-version.ts). A statement-level trigger
 * on every table that pages read appends one row per writing statement; a reader's version is
 * `compacted + count(*)`, which grows with every commit that changed something and is read in
 * one snapshot, so a cache entry computed after reading version v holds at least v's data.
 * Rows only ever carry an id: appending never waits on another writer (no hot row to lock).
 */
export const dataChanges = pgTable("data_changes", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
});

/** One row: how many change rows compaction has folded away, so the version never goes back. */
export const dataChangeBase = pgTable(
  "data_change_base",
  {
    id: integer("id").primaryKey(),
    compacted: bigint("compacted", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("data_change_base_one_row", sql`${t.id} = 1`)],
);
