import { and, desc, eq, isNull } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { invites } from "../../db/schema/index.js";
import type { TUserRole } from "../../db/schema/index.js";

export type TInviteRow = typeof invites.$inferSelect;

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
    async listInvites(executor: TExecutor = db): Promise<TInviteRow[]> {
      return executor.select().from(invites).orderBy(desc(invites.createdAt)).limit(200);
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
