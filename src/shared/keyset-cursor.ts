import { z } from "zod";

/**
 * Keyset pagination: a page ends at its last row's sort key, and the next page starts after it, so
 * rows inserted meanwhile neither repeat nor shift the pages. The cursor is opaque to clients:
 * base64url of the key `[timestamp, id]`.
 */
export type TTimeKey = { at: Date; id: string };

export function encodeTimeCursor(key: TTimeKey): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString("base64url");
}

const ZKeyTuple = z.tuple([z.iso.datetime(), z.uuid()]);

function decodeTimeCursor(cursor: string): TTimeKey | undefined {
  try {
    const parsed = ZKeyTuple.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    return parsed.success ? { at: new Date(parsed.data[0]), id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

/** A query-string cursor, decoded; anything this API did not hand out fails validation. */
export const ZTimeCursor = z
  .string()
  .max(200)
  .transform((cursor, ctx) => {
    const key = decodeTimeCursor(cursor);
    if (!key) {
      ctx.addIssue({
        code: "custom",
        message: "is not a cursor from this list; pass the nextCursor of the previous page",
      });
      return z.NEVER;
    }
    return key;
  });

/** A key `[text, id]` (e.g. a name), for lists kept in alphabetical order. */
export type TTextKey = { text: string; id: string };

export function encodeTextCursor(key: TTextKey): string {
  return Buffer.from(JSON.stringify([key.text, key.id])).toString("base64url");
}

const ZTextKeyTuple = z.tuple([z.string().max(500), z.uuid()]);

export const ZTextCursor = z
  .string()
  .max(1000)
  .transform((cursor, ctx) => {
    let parsed: ReturnType<typeof ZTextKeyTuple.safeParse> | undefined;
    try {
      parsed = ZTextKeyTuple.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      ctx.addIssue({
        code: "custom",
        message: "is not a cursor from this list; pass the nextCursor of the previous page",
      });
      return z.NEVER;
    }
    return { text: parsed.data[0], id: parsed.data[1] };
  });

/**
 * Totals are exact up to this many rows; past it a list says "more than 10,000" rather than
 * counting every row on each page.
 */
export const TOTAL_CAP = 10_000;

/** The query of a keyset-paged list: how many, and after which row (the last page's nextCursor). */
export const ZTimePageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: ZTimeCursor.optional(),
});
export const ZTextPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: ZTextCursor.optional(),
});

/**
 * One page from `limit + 1` rows fetched in the list's order: the extra row only says whether a
 * next page exists, and the cursor is the key of the page's last row.
 */
export function keysetPage<TRow>(
  rows: readonly TRow[],
  limit: number,
  cursorOf: (row: TRow) => string,
): { page: TRow[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}
