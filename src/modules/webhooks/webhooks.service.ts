import type { TDatabase, TExecutor } from "../../db/client.js";
import type { TWebhookEvent } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import type { TJobQueue } from "../../jobs/boss-queue.js";
import { encodeTimeCursor } from "../../shared/keyset-cursor.js";
import type { TTimeKey } from "../../shared/keyset-cursor.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import { deliverWebhookJob } from "./deliver-webhook.job.js";
import { resolveWebhookTarget, WebhookAddressError } from "./webhook-address.js";
import { generateWebhookSecret, rotateSecrets, signingSecrets } from "./webhook-secrets.js";
import { sendWebhook } from "./webhook-sender.js";
import type { TWebhookSendSettings } from "./webhook-sender.js";
import type { TWebhookDeliveryRow, TWebhookEndpointRow, TWebhooksRepo } from "./webhooks.repo.js";

export const DEFAULT_WEBHOOK_SETTINGS: TWebhookSendSettings = {
  allowPrivateAddresses: false,
  timeoutMs: 10_000,
};

export type TEndpointInput = { url: string; description: string; events: TWebhookEvent[] };

function presentEndpoint(
  row: TWebhookEndpointRow,
  counts: { delivered: number; failed: number } = { delivered: 0, failed: 0 },
) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as TWebhookEvent[],
    // Only whether a previous secret still signs, and until when; never a secret itself.
    previousSecretExpiresAt:
      row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date()
        ? row.previousSecretExpiresAt.toISOString()
        : null,
    delivered: counts.delivered,
    failed: counts.failed,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function presentDelivery(row: TWebhookDeliveryRow) {
  return {
    id: row.id,
    endpointId: row.endpointId,
    event: row.event,
    payload: row.payload as Record<string, unknown>,
    status: row.status,
    attempts: row.attempts,
    lastHttpStatus: row.lastHttpStatus,
    lastError: row.lastError,
    lastDurationMs: row.lastDurationMs,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

/** What a receiver gets: the Standard Webhooks shape, `type`, `timestamp` and `data`. */
export function webhookBody(
  delivery: Pick<TWebhookDeliveryRow, "event" | "payload" | "createdAt">,
) {
  return JSON.stringify({
    type: delivery.event,
    timestamp: delivery.createdAt.toISOString(),
    data: delivery.payload,
  });
}

/**
 * Admins' webhook endpoints and their deliveries. An event is written as one delivery row per
 * subscribed endpoint in the transaction of its cause, with its `webhook.deliver` job, so an
 * event is sent exactly when its cause commits; the request that caused it never waits on a
 * receiver.
 */
export function createWebhooksService(deps: {
  db: TDatabase;
  webhooksRepo: TWebhooksRepo;
  jobQueue: Pick<TJobQueue, "enqueue" | "wake">;
  auditService: Pick<TAuditService, "recordEvent">;
  settings: TWebhookSendSettings;
  now?: () => Date;
}) {
  const repo = deps.webhooksRepo;
  const now = deps.now ?? (() => new Date());

  /** The same guard as each delivery, at registration, so a refused URL is said at once. */
  async function checkUrl(url: string) {
    try {
      await resolveWebhookTarget(url, {
        allowPrivateAddresses: deps.settings.allowPrivateAddresses,
        requireHttps: !deps.settings.allowPrivateAddresses,
      });
    } catch (error) {
      if (!(error instanceof WebhookAddressError)) throw error;
      throw new AppError("VALIDATION_FAILED", error.message, {
        fields: [{ field: "url", message: error.message }],
      });
    }
  }

  async function loadEndpoint(id: string, executor?: TExecutor) {
    const row = await repo.findEndpoint(id, executor);
    if (!row) throw notFound("That webhook endpoint");
    return row;
  }

  return {
    /**
     * Records `event` for every endpoint subscribed to it, in the caller's transaction. Call
     * `wake()` after the commit (or leave it to the queue's polling, a few seconds).
     */
    async emit(event: TWebhookEvent, data: Record<string, unknown>, executor: TExecutor) {
      const deliveries = await repo.insertDeliveriesFor(event, data, executor);
      for (const d of deliveries)
        await deps.jobQueue.enqueue(deliverWebhookJob, { deliveryId: d.id }, executor);
      return deliveries.length;
    },

    wake: () => deps.jobQueue.wake(deliverWebhookJob),

    /** The job's work: one attempt; throws so the queue retries, until the last one fails it. */
    async deliver(deliveryId: string, attempt: { isLast: boolean }) {
      const found = await repo.findDeliveryToSend(deliveryId);
      // The endpoint was deleted (its deliveries with it), or it was delivered already.
      if (!found || found.delivery.status === "delivered") return { skipped: true };
      const { delivery, endpoint } = found;
      await repo.updateDelivery(delivery.id, {
        status: "delivering",
        attempts: delivery.attempts + 1,
      });
      const result = await sendWebhook(
        {
          messageId: `msg_${delivery.id}`,
          url: endpoint.url,
          secrets: signingSecrets(endpoint, now()),
          body: webhookBody(delivery),
        },
        deps.settings,
      );
      if (result.ok) {
        await repo.updateDelivery(delivery.id, {
          status: "delivered",
          lastHttpStatus: result.httpStatus,
          lastError: null,
          lastDurationMs: result.durationMs,
          deliveredAt: now(),
        });
        return { delivered: true, httpStatus: result.httpStatus };
      }
      await repo.updateDelivery(delivery.id, {
        status: attempt.isLast ? "failed" : "queued",
        lastHttpStatus: result.httpStatus,
        lastError: result.error,
        lastDurationMs: result.durationMs,
      });
      throw new Error(result.error);
    },

    async listEndpoints() {
      const rows = await repo.listEndpoints();
      return rows.map((r) => presentEndpoint(r.endpoint, r));
    },

    /** The secret is in this answer and the rotation's, and nowhere else. */
    async createEndpoint(input: TEndpointInput, actor: TActor) {
      await checkUrl(input.url);
      const row = await deps.db.transaction(async (tx) => {
        const inserted = await repo.insertEndpoint(
          { ...input, secret: generateWebhookSecret(), createdBy: actor.userId },
          tx,
        );
        await deps.auditService.recordEvent(
          actor,
          {
            action: "webhook.created",
            entityType: "webhook_endpoint",
            entityId: inserted.id,
            after: { url: inserted.url, events: inserted.events },
          },
          tx,
        );
        return inserted;
      });
      return { endpoint: presentEndpoint(row), secret: row.secret };
    },

    async updateEndpoint(id: string, patch: Partial<TEndpointInput>, actor: TActor) {
      if (patch.url !== undefined) await checkUrl(patch.url);
      const row = await deps.db.transaction(async (tx) => {
        const before = await loadEndpoint(id, tx);
        const after = await repo.updateEndpoint(id, patch, tx);
        if (!after) throw notFound("That webhook endpoint");
        await deps.auditService.recordEvent(
          actor,
          {
            action: "webhook.updated",
            entityType: "webhook_endpoint",
            entityId: id,
            before: { url: before.url, events: before.events },
            after: { url: after.url, events: after.events },
          },
          tx,
        );
        return after;
      });
      return presentEndpoint(row, await repo.deliveryCounts(id));
    },

    async deleteEndpoint(id: string, actor: TActor) {
      await deps.db.transaction(async (tx) => {
        const before = await loadEndpoint(id, tx);
        await repo.deleteEndpoint(id, tx);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "webhook.deleted",
            entityType: "webhook_endpoint",
            entityId: id,
            before: { url: before.url, events: before.events },
          },
          tx,
        );
      });
    },

    /** A new secret now; the old one keeps signing beside it for the grace period. */
    async rotateSecret(id: string, actor: TActor) {
      const row = await deps.db.transaction(async (tx) => {
        const before = await loadEndpoint(id, tx);
        const after = await repo.updateEndpoint(id, rotateSecrets(before, now()), tx);
        if (!after) throw notFound("That webhook endpoint");
        await deps.auditService.recordEvent(
          actor,
          { action: "webhook.secret_rotated", entityType: "webhook_endpoint", entityId: id },
          tx,
        );
        return after;
      });
      return {
        endpoint: presentEndpoint(row, await repo.deliveryCounts(id)),
        secret: row.secret,
      };
    },

    async listDeliveries(endpointId: string, query: { limit: number; cursor?: TTimeKey }) {
      await loadEndpoint(endpointId);
      const rows = await repo.listDeliveries(endpointId, {
        limit: query.limit + 1,
        cursor: query.cursor,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        deliveries: page.map(presentDelivery),
        total: await repo.countDeliveries(endpointId),
        nextCursor:
          rows.length > query.limit && last
            ? encodeTimeCursor({ at: last.createdAt, id: last.id })
            : null,
      };
    },

    /** Sends a delivery again with the same message id, so a receiver can tell it is a repeat. */
    async redeliver(deliveryId: string, actor: TActor) {
      const row = await deps.db.transaction(async (tx) => {
        const before = await repo.findDelivery(deliveryId, tx);
        if (!before) throw notFound("That delivery");
        if (before.status === "queued" || before.status === "delivering")
          throw new AppError(
            "CONFLICT",
            "That delivery is still being sent; wait for it to finish before sending it again.",
          );
        const after = await repo.updateDelivery(deliveryId, { status: "queued" }, tx);
        await deps.jobQueue.enqueue(deliverWebhookJob, { deliveryId }, tx);
        await deps.auditService.recordEvent(
          actor,
          { action: "webhook.redelivered", entityType: "webhook_delivery", entityId: deliveryId },
          tx,
        );
        return after ?? before;
      });
      await deps.jobQueue.wake(deliverWebhookJob);
      return presentDelivery(row);
    },
  };
}
export type TWebhooksService = ReturnType<typeof createWebhooksService>;
/** What the services whose changes are events need: `emit` in their transaction, `wake` after it. */
export type TWebhookEmitter = Pick<TWebhooksService, "emit" | "wake">;
