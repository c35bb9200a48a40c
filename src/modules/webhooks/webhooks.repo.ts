import { and, arrayContains, desc, eq, lt, or, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema/index.js";
import type { TWebhookEvent } from "../../db/schema/index.js";
import type { TTimeKey } from "../../shared/keyset-cursor.js";

export type TWebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type TWebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

export function createWebhooksRepo(db: TDatabase) {
  return {
    async insertEndpoint(
      values: Pick<TWebhookEndpointRow, "url" | "description" | "events" | "secret" | "createdBy">,
      executor: TExecutor = db,
    ): Promise<TWebhookEndpointRow> {
      const [row] = await executor.insert(webhookEndpoints).values(values).returning();
      if (!row) throw new Error("insert into webhook_endpoints returned no row");
      return row;
    },

    async findEndpoint(id: string, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.id, id));
      return row;
    },

    /**
     * Every endpoint with its delivery counts, in one statement (the page lists them all). The
     * outer table is named in raw SQL: a select list renders its columns unqualified, and inside
     * the subquery a bare "id" would be the delivery's own.
     */
    async listEndpoints(executor: TExecutor = db) {
      return executor
        .select({
          endpoint: webhookEndpoints,
          delivered: sql<number>`(select count(*)::int from ${webhookDeliveries} d
            where d.endpoint_id = webhook_endpoints.id and d.status = 'delivered')`,
          failed: sql<number>`(select count(*)::int from ${webhookDeliveries} d
            where d.endpoint_id = webhook_endpoints.id and d.status = 'failed')`,
        })
        .from(webhookEndpoints)
        .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
    },

    /** One endpoint's delivered and failed counts, for an answer that shows the endpoint. */
    async deliveryCounts(endpointId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({
          delivered: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'delivered')::int`,
          failed: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'failed')::int`,
        })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, endpointId));
      return { delivered: row?.delivered ?? 0, failed: row?.failed ?? 0 };
    },

    async updateEndpoint(
      id: string,
      patch: Partial<
        Pick<
          TWebhookEndpointRow,
          "url" | "description" | "events" | "secret" | "previousSecret" | "previousSecretExpiresAt"
        >
      >,
      executor: TExecutor = db,
    ) {
      const [row] = await executor
        .update(webhookEndpoints)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(webhookEndpoints.id, id))
        .returning();
      return row;
    },

    async deleteEndpoint(id: string, executor: TExecutor = db) {
      const [row] = await executor
        .delete(webhookEndpoints)
        .where(eq(webhookEndpoints.id, id))
        .returning({ id: webhookEndpoints.id });
      return row !== undefined;
    },

    /** One queued delivery per endpoint subscribed to `event`, in the caller's transaction. */
    async insertDeliveriesFor(event: TWebhookEvent, payload: unknown, executor: TExecutor = db) {
      const subscribed = await executor
        .select({ id: webhookEndpoints.id })
        .from(webhookEndpoints)
        .where(arrayContains(webhookEndpoints.events, [event]));
      if (subscribed.length === 0) return [];
      return executor
        .insert(webhookDeliveries)
        .values(subscribed.map((e) => ({ endpointId: e.id, event, payload })))
        .returning({ id: webhookDeliveries.id });
    },

    async findDelivery(id: string, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.id, id));
      return row;
    },

    /** A delivery with what sending it needs from its endpoint. */
    async findDeliveryToSend(id: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(eq(webhookDeliveries.id, id));
      return row;
    },

    async updateDelivery(
      id: string,
      patch: Partial<
        Pick<
          TWebhookDeliveryRow,
          "status" | "attempts" | "lastHttpStatus" | "lastError" | "lastDurationMs" | "deliveredAt"
        >
      >,
      executor: TExecutor = db,
    ) {
      const [row] = await executor
        .update(webhookDeliveries)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(webhookDeliveries.id, id))
        .returning();
      return row;
    },

    /** One endpoint's deliveries, newest first, after `cursor` (keyset: stable while new ones arrive). */
    async listDeliveries(
      endpointId: string,
      options: { limit: number; cursor?: TTimeKey | undefined },
      executor: TExecutor = db,
    ) {
      const { cursor } = options;
      return executor
        .select()
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.endpointId, endpointId),
            cursor
              ? or(
                  lt(webhookDeliveries.createdAt, cursor.at),
                  and(
                    eq(webhookDeliveries.createdAt, cursor.at),
                    lt(webhookDeliveries.id, cursor.id),
                  ),
                )
              : undefined,
          ),
        )
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(options.limit);
    },

    async countDeliveries(endpointId: string, executor: TExecutor = db): Promise<number> {
      const [row] = await executor
        .select({ total: sql<number>`count(*)::int` })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, endpointId));
      return row?.total ?? 0;
    },
  };
}
export type TWebhooksRepo = ReturnType<typeof createWebhooksRepo>;
