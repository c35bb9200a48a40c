import { and, count, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { newestFirst, olderThan } from "../../db/keyset.js";
import type { TTimeKey } from "../../shared/keyset-cursor.js";
import { sessions, users } from "../../db/schema/index.js";
import { scopeColumns } from "../access/viewer-scope.repo.js";
import { dataVersionExpression } from "../../db/data-version.js";

/**
 * The session and its user, only while the session is unexpired and the user enabled; with
 * `withScope`, the user's viewer scope lists and the data version too, in the same statement.
 */
function activeSessionQuery(on: TExecutor, withScope: boolean) {
  return on
    .select({
      session: sessions,
      user: users,
      scope: withScope ? scopeColumns(users.id) : sql<null>`null`,
      // A read also takes the data version here, so its read caches need no statement for it.
      dataVersion: withScope ? dataVersionExpression : sql<null>`null`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.idHash, sql.placeholder("idHash")),
        gt(sessions.expiresAt, sql`${sql.placeholder("now")}::timestamptz`),
        isNull(users.disabledAt),
      ),
    );
}

export function createSessionsRepo(db: TDatabase) {
  // Built once, not per request: building this select cost more CPU than anything else a cached
  // page does (a profile under 50 connections). Named, so node-postgres prepares it once per
  // connection.
  const preparedScoped = activeSessionQuery(db, true).prepare("active_session_with_scope");
  const preparedPlain = activeSessionQuery(db, false).prepare("active_session");
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
    /**
     * The session and its user, only while the session is unexpired and the user enabled; with
     * `withScope`, the user's viewer scope lists too, in the same statement.
     */
    async findActiveSession(
      idHash: string,
      now: Date,
      options: { withScope?: boolean } = {},
      executor: TExecutor = db,
    ) {
      const params = { idHash, now: now.toISOString() };
      // Every request runs this: outside a transaction, the statement built once (above).
      const query =
        executor === db
          ? options.withScope
            ? preparedScoped
            : preparedPlain
          : activeSessionQuery(executor, options.withScope === true);
      const [row] = await query.execute(params);
      return row;
    },
    async touchSession(idHash: string, now: Date, executor: TExecutor = db): Promise<void> {
      await executor.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
    },
    async deleteSession(idHash: string, executor: TExecutor = db): Promise<void> {
      await executor.delete(sessions).where(eq(sessions.idHash, idHash));
    },
    /**
     * A page of the user's signed-in browsers, newest sign-in first (a stable key: the last-seen
     * time moves on every request), with one row more than asked for; and how many there are.
     */
    async listActiveSessionsOfUser(
      userId: string,
      now: Date,
      page: { limit: number; after?: TTimeKey | undefined },
      executor: TExecutor = db,
    ) {
      return executor
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.userId, userId),
            gt(sessions.expiresAt, now),
            olderThan(sessions.createdAt, sessions.publicId, page.after),
          ),
        )
        .orderBy(...newestFirst(sessions.createdAt, sessions.publicId))
        .limit(page.limit + 1);
    },
    async countActiveSessionsOfUser(userId: string, now: Date, executor: TExecutor = db) {
      const [row] = await executor
        .select({ n: count() })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)));
      return row?.n ?? 0;
    },
    /** One of the user's own sessions by its public id; another user's id matches nothing. */
    async deleteSessionOfUser(
      userId: string,
      publicId: string,
      executor: TExecutor = db,
    ): Promise<boolean> {
      const rows = await executor
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), eq(sessions.publicId, publicId)))
        .returning({ publicId: sessions.publicId });
      return rows.length > 0;
    },
    async deleteOtherSessionsOfUser(
      userId: string,
      keepHash: string | null,
      executor: TExecutor = db,
    ): Promise<number> {
      const rows = await executor
        .delete(sessions)
        .where(
          and(eq(sessions.userId, userId), keepHash ? ne(sessions.idHash, keepHash) : undefined),
        )
        .returning({ publicId: sessions.publicId });
      return rows.length;
    },
    async deleteSessionsOfUser(userId: string, executor: TExecutor = db): Promise<number> {
      const rows = await executor.delete(sessions).where(eq(sessions.userId, userId)).returning();
      return rows.length;
    },
  };
}
export type TSessionsRepo = ReturnType<typeof createSessionsRepo>;
