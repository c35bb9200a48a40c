import type { TDatabase, TExecutor } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { hashSecret } from "../../shared/secure-token.js";
import type { TAuditService } from "../audit/audit.service.js";
import type { TClientMeta } from "../auth/auth.service.js";
import { hashPassword } from "../auth/passwords.js";
import { inviteStatus, presentInvite } from "./invite-presenter.js";
import type { TInviteRow, TInvitesRepo } from "./invites.repo.js";
import { presentUser } from "./user-presenter.js";
import type { TUserRow, TUsersRepo } from "./users.repo.js";

/** What the invitee sees before accepting: enough to recognise the invite, nothing more. */
export function createInviteAcceptanceService(deps: {
  db: TDatabase;
  usersRepo: Pick<TUsersRepo, "findByEmail" | "insertUser">;
  invitesRepo: Pick<TInvitesRepo, "findByTokenHash" | "updateInvite">;
  auditService: Pick<TAuditService, "recordEvent">;
  startSession: (user: TUserRow, meta: TClientMeta) => Promise<string>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  // Inside a transaction every query must use `tx`: PGlite has one connection, so a query on `db`
  // would wait for the transaction that waits for it.
  async function findUsableInvite(token: string, executor?: TExecutor): Promise<TInviteRow> {
    const row = await deps.invitesRepo.findByTokenHash(hashSecret(token), executor);
    if (!row)
      throw new AppError(
        "NOT_FOUND",
        "This invite link is not valid. Ask your admin for a new one.",
      );
    const status = inviteStatus(row, now());
    if (status === "accepted") {
      throw new AppError("GONE", "This invite link has already been used. Sign in instead.", {
        details: { status },
      });
    }
    if (status === "revoked") {
      throw new AppError(
        "GONE",
        "This invite link was replaced or withdrawn. Ask your admin for a new one.",
        {
          details: { status },
        },
      );
    }
    if (status === "expired") {
      throw new AppError("GONE", "This invite link has expired. Ask your admin for a new one.", {
        details: { status },
      });
    }
    return row;
  }

  return {
    async describeInvite(token: string) {
      const row = await findUsableInvite(token);
      const invite = presentInvite(row, now());
      return {
        email: invite.email,
        name: invite.name,
        role: invite.role,
        expiresAt: invite.expiresAt,
      };
    },

    async acceptInvite(
      token: string,
      input: { password: string; name?: string | undefined },
      meta: TClientMeta,
      requestId?: string,
    ) {
      const passwordHash = await hashPassword(input.password);
      const user = await deps.db.transaction(async (tx) => {
        const invite = await findUsableInvite(token, tx);
        if (await deps.usersRepo.findByEmail(invite.email, tx)) {
          throw new AppError(
            "CONFLICT",
            `${invite.email} already has an account. Sign in instead.`,
          );
        }
        const created = await deps.usersRepo.insertUser(
          { email: invite.email, name: input.name ?? invite.name, role: invite.role, passwordHash },
          tx,
        );
        await deps.invitesRepo.updateInvite(
          invite.id,
          { acceptedAt: now(), userId: created.id },
          tx,
        );
        await deps.auditService.recordEvent(
          { userId: created.id, label: created.email, requestId },
          {
            action: "invite.accepted",
            entityType: "user",
            entityId: created.id,
            after: presentUser(created),
          },
          tx,
        );
        return created;
      });
      return { user: presentUser(user), sessionToken: await deps.startSession(user, meta) };
    },
  };
}
export type TInviteAcceptanceService = ReturnType<typeof createInviteAcceptanceService>;
