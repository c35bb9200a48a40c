import { z } from "zod";
import { TOTAL_CAP } from "../../shared/keyset-cursor.js";
import { ZIsoDate, ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

export const ZAuditEvent = z.object({
  id: z.number().int(),
  actorUserId: ZUuid.nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  createdAt: ZIsoDateTime,
});

const ZAuditFilterFields = {
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: ZUuid.optional(),
  /** Events on or after this day (YYYY-MM-DD, UTC). */
  from: ZIsoDate.optional(),
  /** Events on or before this day (YYYY-MM-DD, UTC). */
  to: ZIsoDate.optional(),
};

export const ZListAuditQuery = z.strictObject({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ...ZAuditFilterFields,
});
export type TListAuditQuery = z.infer<typeof ZListAuditQuery>;

export const ZExportAuditQuery = z.strictObject(ZAuditFilterFields);
export type TAuditFilter = z.infer<typeof ZExportAuditQuery>;

/** The export holds at most this many events, newest first; narrow the filter for older ones. */
export const AUDIT_EXPORT_LIMIT = 10_000;

export const ZListAuditResponse = z.object({
  events: z.array(ZAuditEvent),
  total: z
    .number()
    .int()
    .min(0)
    .max(TOTAL_CAP)
    .describe(
      `Events matching the filter (every page): exact up to ${TOTAL_CAP}; when totalCapped is true there are more.`,
    ),
  totalCapped: z.boolean().describe(`True when more than ${TOTAL_CAP} events match.`),
  /** Pass as `before` to fetch the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
