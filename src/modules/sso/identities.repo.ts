import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { invites, userIdentities } from "../../db/schema/index.js";

/** The SSO identities linked to accounts, and the pending invite a first sign-in may accept. */
export function createIdentitiesRepo(db: TDatabase) {
  return {
    async findUserId(issuer: string, subject: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({ userId: userIdentities.userId })
        .from(userIdentities)
        .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
      return row?.userId;
    },

    async hasIdentity(userId: string, executor: TExecutor = db): Promise<boolean> {
      const [row] = await executor
        .select({ id: userIdentities.id })
        .from(userIdentities)
        .where(eq(userIdentities.userId, userId))
        .limit(1);
      return row !== undefined;
    },

    async link(issuer: string, subject: string, userId: string, executor: TExecutor = db) {
      await executor
        .insert(userIdentities)
        .values({ issuer, subject, userId, lastLoginAt: new Date() })
        .onConflictDoNothing();
    },

    async touch(issuer: string, subject: string, at: Date, executor: TExecutor = db) {
      await executor
        .update(userIdentities)
        .set({ lastLoginAt: at })
        .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
    },

    /** The newest invite for this address that is still open. */
    async findPendingInvite(email: string, at: Date, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(invites)
        .where(
          and(
            eq(invites.email, email),
            isNull(invites.acceptedAt),
            isNull(invites.revokedAt),
            gt(invites.expiresAt, at),
          ),
        )
        .orderBy(desc(invites.createdAt))
        .limit(1);
      return row;
    },
  };
}
export type TIdentitiesRepo = ReturnType<typeof createIdentitiesRepo>;
