import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { newestFirst, olderThan } from "../../db/keyset.js";
import type { TTimeKey } from "../../shared/keyset-cursor.js";
import { invites } from "../../db/schema/index.js";
import type { TUserRole } from "../../db/schema/index.js";

export type TInviteRow = typeof invites.$inferSelect;

/** Invites still usable at `at`: neither accepted, withdrawn nor expired (as inviteStatus says). */
const pendingAt = (at: Date | undefined) =>
  at
    ? and(isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, at))
    : undefined;

export function createInvitesRepo(db: TDatabase) {
  return {
    async insertInvite(
      values: {
        email: string;
        name: string;
        role: TUserRole;
        tokenHash: string;
        invitedBy: string | null;
        expiresAt: Date;
      },
      executor: TExecutor = db,
    ): Promise<TInviteRow> {
      const [row] = await executor.insert(invites).values(values).returning();
      if (!row) throw new Error("insert into invites returned no row");
      return row;
    },
    async findByTokenHash(
      tokenHash: string,
      executor: TExecutor = db,
    ): Promise<TInviteRow | undefined> {
      const [row] = await executor.select().from(invites).where(eq(invites.tokenHash, tokenHash));
      return row;
    },
    async findById(id: string, executor: TExecutor = db): Promise<TInviteRow | undefined> {
      const [row] = await executor.select().from(invites).where(eq(invites.id, id));
      return row;
    },
    /** A page of invites, newest first, with one row more than asked for. */
    async listInvites(
      page: { limit: number; after?: TTimeKey | undefined; pendingAt?: Date | undefined },
      executor: TExecutor = db,
    ): Promise<TInviteRow[]> {
      return executor
        .select()
        .from(invites)
        .where(and(pendingAt(page.pendingAt), olderThan(invites.createdAt, invites.id, page.after)))
        .orderBy(...newestFirst(invites.createdAt, invites.id))
        .limit(page.limit + 1);
    },
    async countInvites(pending?: Date, executor: TExecutor = db): Promise<number> {
      const [row] = await executor.select({ n: count() }).from(invites).where(pendingAt(pending));
      return row?.n ?? 0;
    },
    async revokePendingForEmail(email: string, at: Date, executor: TExecutor = db): Promise<void> {
      await executor
        .update(invites)
        .set({ revokedAt: at })
        .where(
          and(eq(invites.email, email), isNull(invites.acceptedAt), isNull(invites.revokedAt)),
        );
    },
    async updateInvite(
      id: string,
      patch: Partial<Pick<TInviteRow, "acceptedAt" | "revokedAt" | "userId">>,
      executor: TExecutor = db,
    ): Promise<TInviteRow | undefined> {
      const [row] = await executor.update(invites).set(patch).where(eq(invites.id, id)).returning();
      return row;
    },
  };
}
export type TInvitesRepo = ReturnType<typeof createInvitesRepo>;
