import { and, desc, eq, gte, lt } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { auditEvents } from "../../db/schema/index.js";

export type TAuditRow = typeof auditEvents.$inferSelect;
export type TNewAuditEvent = typeof auditEvents.$inferInsert;

export function createAuditRepo(db: TDatabase) {
  return {
    async insertEvent(event: TNewAuditEvent, executor: TExecutor = db): Promise<void> {
      await executor.insert(auditEvents).values(event);
    },
    async listEvents(
      filter: {
        beforeId?: number;
        action?: string;
        entityType?: string;
        entityId?: string;
        actorUserId?: string;
        /** createdAt ≥ from and < to. */
        from?: Date;
        to?: Date;
        limit: number;
      },
      executor: TExecutor = db,
    ): Promise<TAuditRow[]> {
      const conditions = [
        filter.beforeId === undefined ? undefined : lt(auditEvents.id, filter.beforeId),
        filter.action === undefined ? undefined : eq(auditEvents.action, filter.action),
        filter.entityType === undefined ? undefined : eq(auditEvents.entityType, filter.entityType),
        filter.entityId === undefined ? undefined : eq(auditEvents.entityId, filter.entityId),
        filter.actorUserId === undefined
          ? undefined
          : eq(auditEvents.actorUserId, filter.actorUserId),
        filter.from === undefined ? undefined : gte(auditEvents.createdAt, filter.from),
        filter.to === undefined ? undefined : lt(auditEvents.createdAt, filter.to),
      ];
      return executor
        .select()
        .from(auditEvents)
        .where(and(...conditions))
        .orderBy(desc(auditEvents.id))
        .limit(filter.limit);
    },
  };
}
export type TAuditRepo = ReturnType<typeof createAuditRepo>;
