import { z } from "zod";
import { AppError } from "../../errors.js";
import { ZUuid } from "../../shared/schema-primitives.js";
import type { TBoardPosition } from "./board.repo.js";
import { BOARD_SORTS } from "./board.schema.js";
import type { TBoardSort } from "./board.schema.js";

/**
 * A column's cursor is opaque to the client: the sort it belongs to and the last card's key
 * (timestamps as the database printed them, so no microseconds are lost) and id.
 */
const ZCursor = z.object({
  sort: z.enum(BOARD_SORTS),
  key: z.string().max(300),
  id: ZUuid,
});

export function encodeBoardCursor(sort: TBoardSort, position: TBoardPosition): string {
  return Buffer.from(JSON.stringify({ sort, ...position })).toString("base64url");
}

export function decodeBoardCursor(cursor: string, sort: TBoardSort): TBoardPosition {
  const invalid = (message: string) =>
    new AppError("VALIDATION_FAILED", `That page cursor ${message}; load the board again.`, {
      fields: [{ field: "after", message }],
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid("is not one this server made");
  }
  const result = ZCursor.safeParse(parsed);
  if (!result.success) throw invalid("is not one this server made");
  if (result.data.sort !== sort) throw invalid(`belongs to the "${result.data.sort}" order`);
  return { key: result.data.key, id: result.data.id };
}
