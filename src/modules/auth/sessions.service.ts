import { AppError } from "../../errors.js";
import { encodeTimeCursor, keysetPage } from "../../shared/keyset-cursor.js";
import type { TTimeKey } from "../../shared/keyset-cursor.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TSessionsRepo } from "./sessions.repo.js";
import type { TActiveSession } from "./auth.schema.js";

/** A user's own signed-in browsers: listed, and ended one by one or all but the current one. */
export function createSessionsService(deps: {
  sessionsRepo: Pick<
    TSessionsRepo,
    | "listActiveSessionsOfUser"
    | "countActiveSessionsOfUser"
    | "deleteSessionOfUser"
    | "deleteOtherSessionsOfUser"
  >;
  auditService: Pick<TAuditService, "recordEvent">;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  return {
    async listSessions(input: {
      userId: string;
      currentHash: string | null;
      limit: number;
      after?: TTimeKey | undefined;
    }): Promise<{ sessions: TActiveSession[]; total: number; nextCursor: string | null }> {
      const at = now();
      const [rows, total] = await Promise.all([
        deps.sessionsRepo.listActiveSessionsOfUser(input.userId, at, input),
        deps.sessionsRepo.countActiveSessionsOfUser(input.userId, at),
      ]);
      const { page, nextCursor } = keysetPage(rows, input.limit, (row) =>
        encodeTimeCursor({ at: row.createdAt, id: row.publicId }),
      );
      const sessions = page.map((row) => ({
        id: row.publicId,
        createdAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        userAgent: row.userAgent,
        ip: row.ip,
        current: row.idHash === input.currentHash,
      }));
      return { sessions, total, nextCursor };
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
