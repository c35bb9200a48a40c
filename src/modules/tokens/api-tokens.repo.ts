import { and, count, eq, isNull } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { newestFirst, olderThan } from "../../db/keyset.js";
import type { TTimeKey } from "../../shared/keyset-cursor.js";
import { apiTokens, users } from "../../db/schema/index.js";

export type TApiTokenRow = typeof apiTokens.$inferSelect;

export function createApiTokensRepo(db: TDatabase) {
  return {
    async insertToken(
      values: { userId: string; name: string; tokenHash: string; prefix: string },
      executor: TExecutor = db,
    ): Promise<TApiTokenRow> {
      const [row] = await executor.insert(apiTokens).values(values).returning();
      if (!row) throw new Error("insert into api_tokens returned no row");
      return row;
    },
    /** The token and its user, only while the token is unrevoked and the user enabled. */
    async findActiveToken(tokenHash: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({ token: apiTokens, user: users })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(
          and(
            eq(apiTokens.tokenHash, tokenHash),
            isNull(apiTokens.revokedAt),
            isNull(users.disabledAt),
          ),
        );
      return row;
    },
    /** A page of the user's live tokens, newest first, with one row more than asked for. */
    async listTokensOfUser(
      userId: string,
      page: { limit: number; after?: TTimeKey | undefined },
      executor: TExecutor = db,
    ): Promise<TApiTokenRow[]> {
      return executor
        .select()
        .from(apiTokens)
        .where(
          and(
            eq(apiTokens.userId, userId),
            isNull(apiTokens.revokedAt),
            olderThan(apiTokens.createdAt, apiTokens.id, page.after),
          ),
        )
        .orderBy(...newestFirst(apiTokens.createdAt, apiTokens.id))
        .limit(page.limit + 1);
    },
    async countTokensOfUser(userId: string, executor: TExecutor = db): Promise<number> {
      const [row] = await executor
        .select({ n: count() })
        .from(apiTokens)
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
      return row?.n ?? 0;
    },
    async findTokenOfUser(
      id: string,
      userId: string,
      executor: TExecutor = db,
    ): Promise<TApiTokenRow | undefined> {
      const [row] = await executor
        .select()
        .from(apiTokens)
        .where(
          and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
        );
      return row;
    },
    async markUsed(id: string, at: Date, executor: TExecutor = db): Promise<void> {
      await executor.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
    },
    async revokeToken(id: string, at: Date, executor: TExecutor = db): Promise<void> {
      await executor.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id));
    },
    async revokeTokensOfUser(userId: string, at: Date, executor: TExecutor = db): Promise<number> {
      const rows = await executor
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .returning();
      return rows.length;
    },
  };
}
export type TApiTokensRepo = ReturnType<typeof createApiTokensRepo>;
