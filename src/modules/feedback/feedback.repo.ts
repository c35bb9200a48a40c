import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { applicationFeedback, users } from "../../db/schema/index.js";

export type TFeedbackRow = typeof applicationFeedback.$inferSelect;
const editors = alias(users, "editors");
const approvers = alias(users, "approvers");

export function createFeedbackRepo(db: TDatabase) {
  return {
    async findForApplication(applicationId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({
          feedback: applicationFeedback,
          editorName: editors.name,
          approverName: approvers.name,
        })
        .from(applicationFeedback)
        .leftJoin(editors, eq(editors.id, applicationFeedback.editedBy))
        .leftJoin(approvers, eq(approvers.id, applicationFeedback.approvedBy))
        .where(eq(applicationFeedback.applicationId, applicationId));
      return row;
    },

    async lockForApplication(applicationId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(applicationFeedback)
        .where(eq(applicationFeedback.applicationId, applicationId))
        .for("update");
      return row;
    },

    async insertFeedback(
      values: typeof applicationFeedback.$inferInsert,
      executor: TExecutor = db,
    ) {
      const [row] = await executor.insert(applicationFeedback).values(values).returning();
      if (!row) throw new Error("insert into application_feedback returned no row");
      return row;
    },

    async updateFeedback(
      id: string,
      values: Partial<typeof applicationFeedback.$inferInsert>,
      executor: TExecutor = db,
    ) {
      const [row] = await executor
        .update(applicationFeedback)
        .set(values)
        .where(eq(applicationFeedback.id, id))
        .returning();
      if (!row) throw new Error("application_feedback row vanished inside its own transaction");
      return row;
    },
  };
}
export type TFeedbackRepo = ReturnType<typeof createFeedbackRepo>;
