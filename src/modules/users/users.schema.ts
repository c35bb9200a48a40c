import { z } from "zod";
import { USER_ROLES } from "../../db/schema/index.js";
import { ZTextPageQuery, ZTimePageQuery } from "../../shared/keyset-cursor.js";
import { ZEmail, ZIsoDateTime, ZPersonName, ZUuid } from "../../shared/schema-primitives.js";

export const ZUserRole = z.enum(USER_ROLES);

export const ZUser = z.object({
  id: ZUuid,
  email: z.string(),
  name: z.string(),
  role: ZUserRole,
  disabled: z.boolean(),
  createdAt: ZIsoDateTime,
});
export type TUser = z.infer<typeof ZUser>;

export const ZListUsersQuery = ZTextPageQuery;
export const ZListUsersResponse = z.object({
  users: z.array(ZUser),
  /** Everyone on the team, on every page. */
  total: z.number().int().min(0),
  /** Pass as `after` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});

export const ZUserIdParams = z.strictObject({ userId: ZUuid });

export const ZUpdateUserRequest = z
  .strictObject({
    role: ZUserRole.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, {
    message: "give a role or disabled",
  });
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZCreateInviteRequest = z.strictObject({
  email: ZEmail,
  name: ZPersonName,
  role: ZUserRole,
});
export type TCreateInviteRequest = z.infer<typeof ZCreateInviteRequest>;

export const ZInvite = z.object({
  id: ZUuid,
  email: z.string(),
  name: z.string(),
  role: ZUserRole,
  createdAt: ZIsoDateTime,
  expiresAt: ZIsoDateTime,
  status: z.enum(["pending", "accepted", "expired", "revoked"]),
});
export type TInvite = z.infer<typeof ZInvite>;

export const ZCreateInviteResponse = z.object({
  invite: ZInvite,
  /** Shown once: e-mail delivery comes later, so the admin passes the link on. */
  inviteUrl: z.string(),
});

export const ZListInvitesQuery = ZTimePageQuery.extend({
  /** Only the invites that can still be accepted. */
  status: z.enum(["pending"]).optional(),
});
export const ZListInvitesResponse = z.object({
  invites: z.array(ZInvite),
  total: z.number().int().min(0),
  nextCursor: z.string().nullable(),
});
export const ZInviteIdParams = z.strictObject({ inviteId: ZUuid });
