import { sql } from "drizzle-orm";
import type { TDatabase } from "./client.js";
import { queryRows } from "./raw-query.js";

/** Change rows kept before a reader folds them into the base (a count over them stays sub-ms). */
const COMPACT_AFTER = 2_000;

/**
 * The version and the number of change rows not yet folded into the base, as one SQL expression
 * (a two-element bigint array), for a statement a read request runs anyway: the session lookup
 * (sessions.repo.ts). What it reads is handed to `rememberDataVersion` for that request.
 */
export const dataVersionExpression = sql<readonly (string | number)[] | null>`(select
    array[(select compacted from data_change_base where id = 1) + count(*), count(*)]
  from data_changes)`;

/**
 * The version read with a request's session, kept on that request's user object (the one routes
 * hand services as the viewer) and weakly, so it goes with the request: the read caches of that
 * request then need no statement of their own for it. Read before the request computes anything,
 * so an entry cached under it is never older than it (see below).
 */
const rememberedVersions = new WeakMap<object, number>();

/**
 * Keeps what `dataVersionExpression` read for this request's viewer. Past the compaction
 * threshold it keeps nothing, so the next `read` runs its own statement and folds the rows.
 */
export function rememberDataVersion(viewer: object, value: readonly (string | number)[] | null) {
  if (!value) return;
  const version = Number(value[0]);
  const pending = Number(value[1]);
  if (Number.isFinite(version) && pending <= COMPACT_AFTER) rememberedVersions.set(viewer, version);
}

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
    /** With the request's viewer, the version read with its session when there is one. */
    async read(viewer?: object): Promise<number> {
      const remembered = viewer === undefined ? undefined : rememberedVersions.get(viewer);
      if (remembered !== undefined) return remembered;
      const [row] = await queryRows<{ value: readonly (string | number)[] | null }>(
        db,
        sql`select ${dataVersionExpression} as value`,
      );
      if (Number(row?.value?.[1] ?? 0) > COMPACT_AFTER) compact();
      return Number(row?.value?.[0] ?? 0);
    },
  };
}
export type TDataVersion = ReturnType<typeof createDataVersion>;
