import { asc, eq } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { decisions, roleStages, users } from "../../db/schema/index.js";

export type TDecisionRow = typeof decisions.$inferSelect;

export function createDecisionsRepo(db: TDatabase) {
  return {
    async insertDecision(values: typeof decisions.$inferInsert, executor: TExecutor = db) {
      const [row] = await executor.insert(decisions).values(values).returning();
      if (!row) throw new Error("insert into decisions returned no row");
      return row;
    },

    async listForApplication(applicationId: string, executor: TExecutor = db) {
      return executor
        .select({ decision: decisions, stageName: roleStages.name, deciderName: users.name })
        .from(decisions)
        .innerJoin(roleStages, eq(roleStages.id, decisions.stageId))
        .leftJoin(users, eq(users.id, decisions.decidedBy))
        .where(eq(decisions.applicationId, applicationId))
        .orderBy(asc(decisions.createdAt));
    },
  };
}
export type TDecisionsRepo = ReturnType<typeof createDecisionsRepo>;
