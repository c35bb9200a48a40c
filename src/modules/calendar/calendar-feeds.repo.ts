import { and, eq, gt, isNull } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { calendarFeeds, interviews, users } from "../../db/schema/index.js";
import { selectInviteDetails } from "../interviews/interviews.repo.js";

export function createCalendarFeedsRepo(db: TDatabase) {
  return {
    async findForUser(userId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({ createdAt: calendarFeeds.createdAt })
        .from(calendarFeeds)
        .where(eq(calendarFeeds.userId, userId));
      return row;
    },

    /** One feed per person: a new token replaces the old one, which stops working at once. */
    async replaceToken(userId: string, tokenHash: string, executor: TExecutor = db) {
      const [row] = await executor
        .insert(calendarFeeds)
        .values({ userId, tokenHash })
        .onConflictDoUpdate({
          target: calendarFeeds.userId,
          set: { tokenHash, createdAt: new Date() },
        })
        .returning();
      return row;
    },

    async deleteForUser(userId: string, executor: TExecutor = db) {
      const rows = await executor
        .delete(calendarFeeds)
        .where(eq(calendarFeeds.userId, userId))
        .returning({ userId: calendarFeeds.userId });
      return rows.length > 0;
    },

    /** The active owner of a feed token, or undefined for an unknown token or a disabled person. */
    async findOwnerByTokenHash(tokenHash: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({ id: users.id, name: users.name })
        .from(calendarFeeds)
        .innerJoin(users, eq(users.id, calendarFeeds.userId))
        .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(users.disabledAt)));
      return row;
    },

    /** A person's interviews from `since` on, with what an event names, in one statement. */
    async listInterviewsOf(userId: string, since: Date, executor: TExecutor = db) {
      return selectInviteDetails(executor)
        .where(and(eq(interviews.interviewerId, userId), gt(interviews.scheduledAt, since)))
        .orderBy(interviews.scheduledAt)
        .limit(1000);
    },
  };
}
export type TCalendarFeedsRepo = ReturnType<typeof createCalendarFeedsRepo>;
