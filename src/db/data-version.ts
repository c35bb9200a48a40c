import { sql } from "drizzle-orm";
import type { TDatabase } from "./client.js";
import { queryRows } from "./raw-query.js";

/** Change rows kept before a reader folds them into the base (a count over them stays sub-ms). */
const COMPACT_AFTER = 2_000;

/**
 * The organisation's data version (see src/db/schema/changes.ts): it grows with every committed
 * statement that wrote a table a page reads. Read it before computing what you cache; what you
 * compute afterwards sees at least that version's data, so an entry kept under v is never older
 * than v. Never read it inside a transaction whose own writes you would cache.
 */
export function createDataVersion(db: TDatabase) {
  let compacting: Promise<unknown> | null = null;
  /** Folds the change rows into the base in one statement; the sum, so the version, is unchanged. */
  function compact() {
    compacting ??= db
      .execute(
        sql`with gone as (delete from data_changes returning 1)
          update data_change_base set compacted = compacted + (select count(*) from gone)
          where id = 1`,
      )
      .catch(() => undefined)
      .finally(() => {
        compacting = null;
      });
  }
  return {
    async read(): Promise<number> {
      const [row] = await queryRows<{ version: string | number; pending: string | number }>(
        db,
        sql`select (select compacted from data_change_base where id = 1) + count(*) as version,
            count(*) as pending
          from data_changes`,
      );
      if (Number(row?.pending ?? 0) > COMPACT_AFTER) compact();
      return Number(row?.version ?? 0);
    },
  };
}
export type TDataVersion = ReturnType<typeof createDataVersion>;
