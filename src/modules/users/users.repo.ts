import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { afterText, alphabetical } from "../../db/keyset.js";
import type { TTextKey } from "../../shared/keyset-cursor.js";
import { users } from "../../db/schema/index.js";
import type { TUserRole } from "../../db/schema/index.js";

export type TUserRow = typeof users.$inferSelect;

const FIRST_RUN_SETUP_LOCK = 7351002;

export function createUsersRepo(db: TDatabase) {
  return {
    /** Serialises concurrent first-run setups until the transaction ends (two tabs, two admins). */
    async lockFirstRunSetup(executor: TExecutor): Promise<void> {
      await executor.execute(sql`select pg_advisory_xact_lock(${FIRST_RUN_SETUP_LOCK})`);
    },
    async countUsers(executor: TExecutor = db): Promise<number> {
      const [row] = await executor.select({ n: count() }).from(users);
      return row?.n ?? 0;
    },
    async countEnabledAdmins(executor: TExecutor = db): Promise<number> {
      const [row] = await executor
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
      return row?.n ?? 0;
    },
    async findById(id: string, executor: TExecutor = db): Promise<TUserRow | undefined> {
      const [row] = await executor.select().from(users).where(eq(users.id, id));
      return row;
    },
    async findByEmail(email: string, executor: TExecutor = db): Promise<TUserRow | undefined> {
      const [row] = await executor.select().from(users).where(eq(users.email, email));
      return row;
    },
    /** A page of the team in alphabetical order, with one row more than asked for. */
    async listUsers(
      page: { limit: number; after?: TTextKey | undefined },
      executor: TExecutor = db,
    ): Promise<TUserRow[]> {
      return executor
        .select()
        .from(users)
        .where(afterText(users.name, users.id, page.after))
        .orderBy(...alphabetical(users.name, users.id))
        .limit(page.limit + 1);
    },
    async insertUser(
      values: { email: string; name: string; role: TUserRole; passwordHash: string },
      executor: TExecutor = db,
    ): Promise<TUserRow> {
      const [row] = await executor.insert(users).values(values).returning();
      if (!row) throw new Error("insert into users returned no row");
      return row;
    },
    async updateUser(
      id: string,
      patch: Partial<Pick<TUserRow, "role" | "disabledAt" | "passwordHash" | "name">>,
      executor: TExecutor = db,
    ): Promise<TUserRow | undefined> {
      const [row] = await executor
        .update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning();
      return row;
    },
  };
}
export type TUsersRepo = ReturnType<typeof createUsersRepo>;
