import { z } from "zod";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from "../../db/schema/index.js";
import { ZTimeCursor } from "../../shared/keyset-cursor.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

const ZEvent = z.enum(WEBHOOK_EVENTS, {
  error: `must be one of ${WEBHOOK_EVENTS.join(", ")}`,
});

const ZUrl = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(2000, "must be at most 2,000 characters");

export const ZWebhookEndpointRequest = z.object({
  url: ZUrl,
  description: z.string().trim().max(200, "must be at most 200 characters").default(""),
  events: z
    .array(ZEvent)
    .min(1, "choose at least one event")
    .transform((events) => [...new Set(events)]),
});
export const ZWebhookEndpointPatch = z
  .object({
    url: ZUrl,
    description: z.string().trim().max(200, "must be at most 200 characters"),
    events: z
      .array(ZEvent)
      .min(1, "choose at least one event")
      .transform((events) => [...new Set(events)]),
  })
  .partial();

const ZWebhookEndpoint = z.object({
  id: ZUuid,
  url: z.string(),
  description: z.string(),
  events: z.array(ZEvent),
  /** While the previous secret still signs beside the new one; never a secret itself. */
  previousSecretExpiresAt: ZIsoDateTime.nullable(),
  delivered: z.number().int(),
  failed: z.number().int(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
});

export const ZWebhookEndpointParams = z.object({ endpointId: ZUuid });
export const ZWebhookDeliveryParams = z.object({ deliveryId: ZUuid });
export const ZWebhookEndpointsResponse = z.object({
  endpoints: z.array(ZWebhookEndpoint),
  events: z.array(ZEvent),
});
export const ZWebhookEndpointResponse = z.object({ endpoint: ZWebhookEndpoint });
/** Creation and rotation: the only answers that carry the signing secret. */
export const ZWebhookSecretResponse = z.object({
  endpoint: ZWebhookEndpoint,
  secret: z.string(),
});

export const ZWebhookDeliveriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: ZTimeCursor.optional(),
});
const ZWebhookDelivery = z.object({
  id: ZUuid,
  endpointId: ZUuid,
  event: ZEvent,
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastHttpStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastDurationMs: z.number().int().nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  deliveredAt: ZIsoDateTime.nullable(),
});
export const ZWebhookDeliveriesResponse = z.object({
  deliveries: z.array(ZWebhookDelivery),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export const ZWebhookDeliveryResponse = z.object({ delivery: ZWebhookDelivery });
