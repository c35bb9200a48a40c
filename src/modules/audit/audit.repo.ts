import { and, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { auditEvents } from "../../db/schema/index.js";
import { TOTAL_CAP } from "../../shared/keyset-cursor.js";

export type TAuditRow = typeof auditEvents.$inferSelect;
export type TNewAuditEvent = typeof auditEvents.$inferInsert;

export type TAuditRepoFilter = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  /** createdAt ≥ from and < to. */
  from?: Date;
  to?: Date;
};

function filterConditions(filter: TAuditRepoFilter) {
  return [
    filter.action === undefined ? undefined : eq(auditEvents.action, filter.action),
    filter.entityType === undefined ? undefined : eq(auditEvents.entityType, filter.entityType),
    filter.entityId === undefined ? undefined : eq(auditEvents.entityId, filter.entityId),
    filter.actorUserId === undefined ? undefined : eq(auditEvents.actorUserId, filter.actorUserId),
    filter.from === undefined ? undefined : gte(auditEvents.createdAt, filter.from),
    filter.to === undefined ? undefined : lt(auditEvents.createdAt, filter.to),
  ];
}

export function createAuditRepo(db: TDatabase) {
  return {
    async insertEvent(event: TNewAuditEvent, executor: TExecutor = db): Promise<void> {
      await executor.insert(auditEvents).values(event);
    },
    async listEvents(
      filter: TAuditRepoFilter & { beforeId?: number; limit: number },
      executor: TExecutor = db,
    ): Promise<TAuditRow[]> {
      return executor
        .select()
        .from(auditEvents)
        .where(
          and(
            filter.beforeId === undefined ? undefined : lt(auditEvents.id, filter.beforeId),
            ...filterConditions(filter),
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(filter.limit);
    },

    /** Matching events, counted up to one past TOTAL_CAP (the filter's indexes bound the work). */
    async countEvents(filter: TAuditRepoFilter, executor: TExecutor = db): Promise<number> {
      const capped = executor
        .select({ one: sql`1` })
        .from(auditEvents)
        .where(and(...filterConditions(filter)))
        .limit(TOTAL_CAP + 1)
        .as("capped");
      const [row] = await executor.select({ n: count() }).from(capped);
      return row?.n ?? 0;
    },
  };
}
export type TAuditRepo = ReturnType<typeof createAuditRepo>;
