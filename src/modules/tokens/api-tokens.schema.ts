import { z } from "zod";
import { ZTimePageQuery } from "../../shared/keyset-cursor.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

export const ZApiToken = z.object({
  id: ZUuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: ZIsoDateTime,
  lastUsedAt: ZIsoDateTime.nullable(),
});

export const ZCreateApiTokenRequest = z.strictObject({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
});

export const ZCreateApiTokenResponse = z.object({
  apiToken: ZApiToken,
  /** The secret itself, shown exactly once. */
  token: z.string(),
});

export const ZListApiTokensQuery = ZTimePageQuery;
export const ZListApiTokensResponse = z.object({
  apiTokens: z.array(ZApiToken),
  total: z.number().int().min(0),
  nextCursor: z.string().nullable(),
});
export const ZApiTokenIdParams = z.strictObject({ tokenId: ZUuid });
