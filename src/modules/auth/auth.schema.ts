import { z } from "zod";
import { ZTimePageQuery } from "../../shared/keyset-cursor.js";
import {
  ZEmail,
  ZIsoDateTime,
  ZPassword,
  ZPersonName,
  ZUuid,
} from "../../shared/schema-primitives.js";
import { ZUser } from "../users/users.schema.js";

export const ZLoginRequest = z.strictObject({
  email: ZEmail,
  // Not ZPassword: a login must not reveal the password policy or reject old passwords early.
  password: z.string().min(1, "is required").max(200, "must be at most 200 characters"),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSetupRequest = z.strictObject({
  email: ZEmail,
  name: ZPersonName,
  password: ZPassword,
});
export type TSetupRequest = z.infer<typeof ZSetupRequest>;

export const ZSessionResponse = z.object({
  user: ZUser.nullable(),
  setupNeeded: z.boolean(),
  /** Echo in the X-CSRF-Token header on every state-changing request. */
  csrfToken: z.string(),
});

export const ZUserResponse = z.object({ user: ZUser });

/** Sign-in answers carry the CSRF token of the new session (the old one no longer works). */
export const ZSignedInResponse = z.object({ user: ZUser, csrfToken: z.string() });

export const ZActiveSession = z.object({
  id: ZUuid,
  createdAt: ZIsoDateTime,
  lastSeenAt: ZIsoDateTime,
  expiresAt: ZIsoDateTime,
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  /** The session making this request. */
  current: z.boolean(),
});
export type TActiveSession = z.infer<typeof ZActiveSession>;
export const ZListSessionsQuery = ZTimePageQuery;
export const ZListSessionsResponse = z.object({
  sessions: z.array(ZActiveSession),
  total: z.number().int().min(0),
  nextCursor: z.string().nullable(),
});
export const ZSessionIdParams = z.strictObject({ sessionId: ZUuid });
export const ZRevokeSessionsResponse = z.object({ revoked: z.number().int() });
