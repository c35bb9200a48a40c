import { z } from "zod";
import { RECOMMENDATIONS, SCREEN_OUTCOMES } from "../../db/schema/index.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

/**
 * Orders within a column, each a keyset the column index (role, stage, status, updated_at, id)
 * serves without sorting the role: least recently changed first (who waits longest), most
 * recently changed first, or by name (sorts one column, never the whole role).
 */
export const BOARD_SORTS = ["waiting", "recent", "name"] as const;
export type TBoardSort = (typeof BOARD_SORTS)[number];

export const ZBoardQuery = z.strictObject({
  /** One column only (to load more of it); without it, the first page of every column. */
  stageId: ZUuid.optional(),
  /** The `nextCursor` of the page before, with the same stageId and sort. */
  after: z.string().trim().min(1).max(400).optional(),
  sort: z.enum(BOARD_SORTS).default("waiting"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TBoardQuery = z.infer<typeof ZBoardQuery>;

export const ZBoardCard = z.object({
  id: ZUuid,
  candidate: z.object({ id: ZUuid, name: z.string() }),
  updatedAt: ZIsoDateTime,
  /** When the application entered the stage it is in (its latest stage event). */
  inStageSince: ZIsoDateTime,
  /** The latest resume screen's outcome; sent to the role's pipeline (recruiters, managers). */
  screenOutcome: z.enum(SCREEN_OUTCOMES).nullable(),
  /** The latest submitted scorecard's recommendation; sent to those who read every scorecard. */
  latestRecommendation: z.enum(RECOMMENDATIONS).nullable(),
});
export type TBoardCard = z.infer<typeof ZBoardCard>;

export const ZBoardColumn = z.object({
  stageId: ZUuid,
  /** Active applications in the stage that the caller may see, all pages together. */
  total: z.number().int(),
  cards: z.array(ZBoardCard),
  /** Pass as `after` (with this stageId) for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const ZBoardResponse = z.object({
  sort: z.enum(BOARD_SORTS),
  columns: z.array(ZBoardColumn),
});
export type TBoardResponse = z.infer<typeof ZBoardResponse>;
