import { and, eq, gt, isNull } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { sessions, users } from "../../db/schema/index.js";

export function createSessionsRepo(db: TDatabase) {
  return {
    async insertSession(
      values: {
        idHash: string;
        userId: string;
        expiresAt: Date;
        userAgent: string | null;
        ip: string | null;
      },
      executor: TExecutor = db,
    ): Promise<void> {
      await executor.insert(sessions).values(values);
    },
    /** The session and its user, only while the session is unexpired and the user enabled. */
    async findActiveSession(idHash: string, now: Date, executor: TExecutor = db) {
      const [row] = await executor
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), isNull(users.disabledAt)),
        );
      return row;
    },
    async touchSession(idHash: string, now: Date, executor: TExecutor = db): Promise<void> {
      await executor.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
    },
    async deleteSession(idHash: string, executor: TExecutor = db): Promise<void> {
      await executor.delete(sessions).where(eq(sessions.idHash, idHash));
    },
    async deleteSessionsOfUser(userId: string, executor: TExecutor = db): Promise<number> {
      const rows = await executor.delete(sessions).where(eq(sessions.userId, userId)).returning();
      return rows.length;
    },
  };
}
export type TSessionsRepo = ReturnType<typeof createSessionsRepo>;
