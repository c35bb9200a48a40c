import type { TDatabase } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import { encodeTextCursor, encodeTimeCursor, keysetPage } from "../../shared/keyset-cursor.js";
import type { TTextKey, TTimeKey } from "../../shared/keyset-cursor.js";
import { generateSecret, hashSecret } from "../../shared/secure-token.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TSessionsRepo } from "../auth/sessions.repo.js";
import type { TMailService } from "../mail/mail.service.js";
import type { TApiTokensRepo } from "../tokens/api-tokens.repo.js";
import { presentInvite } from "./invite-presenter.js";
import type { TInvitesRepo } from "./invites.repo.js";
import { presentUser } from "./user-presenter.js";
import type { TUsersRepo } from "./users.repo.js";
import type { TCreateInviteRequest, TUpdateUserRequest } from "./users.schema.js";

const INVITE_TTL_DAYS = 7;

export function createUsersService(deps: {
  db: TDatabase;
  usersRepo: TUsersRepo;
  invitesRepo: TInvitesRepo;
  sessionsRepo: Pick<TSessionsRepo, "deleteSessionsOfUser">;
  apiTokensRepo: Pick<TApiTokensRepo, "revokeTokensOfUser">;
  auditService: Pick<TAuditService, "recordEvent">;
  mail: Pick<TMailService, "enqueueMail" | "wake">;
  /** Where links point: PUBLIC_URL, or the configured local address (never a request header). */
  publicUrl: string;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  return {
    async listUsers(query: { limit: number; after?: TTextKey | undefined }) {
      const [rows, total] = await Promise.all([
        deps.usersRepo.listUsers(query),
        deps.usersRepo.countUsers(),
      ]);
      const { page, nextCursor } = keysetPage(rows, query.limit, (row) =>
        encodeTextCursor({ text: row.name, id: row.id }),
      );
      return { users: page.map(presentUser), total, nextCursor };
    },

    async listInvites(query: {
      limit: number;
      after?: TTimeKey | undefined;
      status?: "pending" | undefined;
    }) {
      const at = now();
      const pendingAt = query.status === "pending" ? at : undefined;
      const [rows, total] = await Promise.all([
        deps.invitesRepo.listInvites({ ...query, pendingAt }),
        deps.invitesRepo.countInvites(pendingAt),
      ]);
      const { page, nextCursor } = keysetPage(rows, query.limit, (row) =>
        encodeTimeCursor({ at: row.createdAt, id: row.id }),
      );
      return { invites: page.map((row) => presentInvite(row, at)), total, nextCursor };
    },

    async inviteUser(input: TCreateInviteRequest, actor: TActor) {
      if (await deps.usersRepo.findByEmail(input.email)) {
        throw new AppError("CONFLICT", `${input.email} already has an account.`, {
          fields: [{ field: "email", message: "already has an account" }],
        });
      }
      const token = generateSecret("sli");
      const at = now();
      const inviteUrl = `${deps.publicUrl}/invite/${token}`;
      const inviter = actor.userId ? await deps.usersRepo.findById(actor.userId) : undefined;
      const invite = await deps.db.transaction(async (tx) => {
        // One live link per address: a re-invite replaces the earlier link.
        await deps.invitesRepo.revokePendingForEmail(input.email, at, tx);
        const row = await deps.invitesRepo.insertInvite(
          {
            email: input.email,
            name: input.name,
            role: input.role,
            tokenHash: hashSecret(token),
            invitedBy: actor.userId,
            expiresAt: new Date(at.getTime() + INVITE_TTL_DAYS * 86_400_000),
          },
          tx,
        );
        await deps.auditService.recordEvent(
          actor,
          {
            action: "invite.created",
            entityType: "invite",
            entityId: row.id,
            after: presentInvite(row, at),
          },
          tx,
        );
        // In the invite's transaction: no invite without its mail, no mail for a rolled-back invite.
        await deps.mail.enqueueMail(
          {
            kind: "team_invite",
            to: row.email,
            values: {
              inviteeName: row.name,
              inviterName: inviter?.name ?? "An admin",
              role: row.role.replace(/_/g, " "),
              link: inviteUrl,
              expiresAt: row.expiresAt.toUTCString(),
            },
          },
          tx,
        );
        return row;
      });
      await deps.mail.wake();
      return { invite: presentInvite(invite, at), inviteUrl };
    },

    async revokeInvite(inviteId: string, actor: TActor): Promise<void> {
      const row = await deps.invitesRepo.findById(inviteId);
      const at = now();
      if (!row) throw notFound("That invite");
      if (presentInvite(row, at).status !== "pending") {
        throw new AppError("CONFLICT", "Only a pending invite can be revoked.");
      }
      await deps.db.transaction(async (tx) => {
        const updated = await deps.invitesRepo.updateInvite(row.id, { revokedAt: at }, tx);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "invite.revoked",
            entityType: "invite",
            entityId: row.id,
            before: presentInvite(row, at),
            after: updated ? presentInvite(updated, at) : null,
          },
          tx,
        );
      });
    },

    async updateUser(userId: string, patch: TUpdateUserRequest, actor: TActor) {
      return deps.db.transaction(async (tx) => {
        const before = await deps.usersRepo.findById(userId, tx);
        if (!before) throw notFound("That user");
        const demotes =
          patch.role !== undefined && patch.role !== "admin" && before.role === "admin";
        const disables = patch.disabled === true && before.disabledAt === null;
        if (userId === actor.userId && (demotes || disables)) {
          throw new AppError(
            "CONFLICT",
            "You cannot remove your own admin access or disable yourself.",
          );
        }
        if ((demotes || disables) && before.role === "admin") {
          const enabledAdmins = await deps.usersRepo.countEnabledAdmins(tx);
          if (enabledAdmins <= 1) {
            throw new AppError("CONFLICT", "Shortlist needs at least one enabled admin.");
          }
        }
        const at = now();
        const after = await deps.usersRepo.updateUser(
          userId,
          {
            ...(patch.role === undefined ? {} : { role: patch.role }),
            ...(patch.disabled === undefined
              ? {}
              : { disabledAt: patch.disabled ? (before.disabledAt ?? at) : null }),
          },
          tx,
        );
        if (!after) throw notFound("That user");
        if (disables) {
          // Sign-in checks also refuse disabled users; dropping sessions and tokens makes it final.
          await deps.sessionsRepo.deleteSessionsOfUser(userId, tx);
          await deps.apiTokensRepo.revokeTokensOfUser(userId, at, tx);
        }
        const action = disables
          ? "user.disabled"
          : patch.disabled === false && before.disabledAt !== null
            ? "user.enabled"
            : "user.updated";
        await deps.auditService.recordEvent(
          actor,
          {
            action,
            entityType: "user",
            entityId: userId,
            before: presentUser(before),
            after: presentUser(after),
          },
          tx,
        );
        return presentUser(after);
      });
    },
  };
}
export type TUsersService = ReturnType<typeof createUsersService>;
