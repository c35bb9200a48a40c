import { AppError } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TSessionsRepo } from "./sessions.repo.js";
import type { TActiveSession } from "./auth.schema.js";

/** A user's own signed-in browsers: listed, and ended one by one or all but the current one. */
export function createSessionsService(deps: {
  sessionsRepo: Pick<
    TSessionsRepo,
    "listActiveSessionsOfUser" | "deleteSessionOfUser" | "deleteOtherSessionsOfUser"
  >;
  auditService: Pick<TAuditService, "recordEvent">;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  return {
    async listSessions(input: {
      userId: string;
      currentHash: string | null;
    }): Promise<TActiveSession[]> {
      const rows = await deps.sessionsRepo.listActiveSessionsOfUser(input.userId, now());
      return rows.map((row) => ({
        id: row.publicId,
        createdAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        userAgent: row.userAgent,
        ip: row.ip,
        current: row.idHash === input.currentHash,
      }));
    },

    async revokeSession(input: { userId: string; sessionId: string; actor: TActor }) {
      if (!(await deps.sessionsRepo.deleteSessionOfUser(input.userId, input.sessionId)))
        throw new AppError("NOT_FOUND", "That session does not exist or has already ended.");
      await deps.auditService.recordEvent(input.actor, {
        action: "auth.session_revoked",
        entityType: "user",
        entityId: input.userId,
        after: { sessionId: input.sessionId },
      });
    },

    /** Every session of the user except the one making the request (which logout ends). */
    async revokeOtherSessions(input: {
      userId: string;
      currentHash: string | null;
      actor: TActor;
    }) {
      const revoked = await deps.sessionsRepo.deleteOtherSessionsOfUser(
        input.userId,
        input.currentHash,
      );
      await deps.auditService.recordEvent(input.actor, {
        action: "auth.sessions_revoked",
        entityType: "user",
        entityId: input.userId,
        after: { revoked },
      });
      return revoked;
    },
  };
}
export type TSessionsService = ReturnType<typeof createSessionsService>;
