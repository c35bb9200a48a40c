import { and, count, desc, eq, lt, or } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { mailTemplates, outboxMessages } from "../../db/schema/index.js";
import type { TMailKind, TOutboxStatus } from "../../db/schema/index.js";

export type TOutboxRow = typeof outboxMessages.$inferSelect;
export type TMailTemplateRow = typeof mailTemplates.$inferSelect;
export type TOutboxCursor = { createdAt: Date; id: string };

export function createMailRepo(db: TDatabase) {
  return {
    async insertMessage(
      values: Pick<TOutboxRow, "kind" | "toAddress" | "subject" | "text" | "html"> &
        Partial<Pick<TOutboxRow, "calendarMethod" | "calendarIcs">>,
      executor: TExecutor = db,
    ): Promise<TOutboxRow> {
      const [row] = await executor.insert(outboxMessages).values(values).returning();
      if (!row) throw new Error("insert into outbox_messages returned no row");
      return row;
    },
    async findMessage(id: string, executor: TExecutor = db): Promise<TOutboxRow | undefined> {
      const [row] = await executor.select().from(outboxMessages).where(eq(outboxMessages.id, id));
      return row;
    },
    /** Newest first, after `cursor` (keyset: stable while new mail arrives). */
    async listMessages(
      options: { limit: number; cursor?: TOutboxCursor | undefined; status?: TOutboxStatus },
      executor: TExecutor = db,
    ): Promise<TOutboxRow[]> {
      const { cursor } = options;
      return executor
        .select()
        .from(outboxMessages)
        .where(
          and(
            options.status ? eq(outboxMessages.status, options.status) : undefined,
            cursor
              ? or(
                  lt(outboxMessages.createdAt, cursor.createdAt),
                  and(
                    eq(outboxMessages.createdAt, cursor.createdAt),
                    lt(outboxMessages.id, cursor.id),
                  ),
                )
              : undefined,
          ),
        )
        .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
        .limit(options.limit);
    },
    async countMessages(status?: TOutboxStatus, executor: TExecutor = db): Promise<number> {
      const [row] = await executor
        .select({ total: count() })
        .from(outboxMessages)
        .where(status ? eq(outboxMessages.status, status) : undefined);
      return row?.total ?? 0;
    },
    async updateMessage(
      id: string,
      patch: Partial<Pick<TOutboxRow, "status" | "attempts" | "lastError" | "sentAt">>,
      executor: TExecutor = db,
    ): Promise<TOutboxRow | undefined> {
      const [row] = await executor
        .update(outboxMessages)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(outboxMessages.id, id))
        .returning();
      return row;
    },
    async listTemplates(executor: TExecutor = db): Promise<TMailTemplateRow[]> {
      return executor.select().from(mailTemplates);
    },
    async findTemplate(
      kind: TMailKind,
      executor: TExecutor = db,
    ): Promise<TMailTemplateRow | undefined> {
      const [row] = await executor.select().from(mailTemplates).where(eq(mailTemplates.kind, kind));
      return row;
    },
    async upsertTemplate(
      values: Pick<TMailTemplateRow, "kind" | "subject" | "body" | "updatedBy">,
      executor: TExecutor = db,
    ): Promise<TMailTemplateRow> {
      const [row] = await executor
        .insert(mailTemplates)
        .values(values)
        .onConflictDoUpdate({
          target: mailTemplates.kind,
          set: {
            subject: values.subject,
            body: values.body,
            updatedBy: values.updatedBy,
            updatedAt: new Date(),
          },
        })
        .returning();
      if (!row) throw new Error("upsert into mail_templates returned no row");
      return row;
    },
    async deleteTemplate(kind: TMailKind, executor: TExecutor = db): Promise<void> {
      await executor.delete(mailTemplates).where(eq(mailTemplates.kind, kind));
    },
  };
}
export type TMailRepo = ReturnType<typeof createMailRepo>;
