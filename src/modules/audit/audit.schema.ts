import { z } from "zod";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

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

export const ZListAuditQuery = z.strictObject({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  actorUserId: ZUuid.optional(),
});

export const ZListAuditResponse = z.object({
  events: z.array(ZAuditEvent),
  /** Pass as `before` to fetch the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
