import { WEBHOOK_EVENTS } from "../../db/schema/index.js";
import { actorOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZOkResponse } from "../../shared/schema-primitives.js";
import {
  ZWebhookDeliveriesQuery,
  ZWebhookDeliveriesResponse,
  ZWebhookDeliveryParams,
  ZWebhookDeliveryResponse,
  ZWebhookEndpointParams,
  ZWebhookEndpointPatch,
  ZWebhookEndpointRequest,
  ZWebhookEndpointResponse,
  ZWebhookEndpointsResponse,
  ZWebhookSecretResponse,
} from "./webhooks.schema.js";
import type { TWebhooksService } from "./webhooks.service.js";

const ADMIN = ["admin"] as const;
const tags = ["webhooks"];

/** Admins only: endpoints, their secrets (at creation and rotation), and the delivery log. */
export function registerWebhookRoutes(app: TApp, deps: { webhooksService: TWebhooksService }) {
  const service = deps.webhooksService;

  app.get(
    "/api/webhooks",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "listWebhookEndpoints",
        tags,
        response: { 200: ZWebhookEndpointsResponse, ...errorResponses },
      },
    },
    async () => ({ endpoints: await service.listEndpoints(), events: [...WEBHOOK_EVENTS] }),
  );

  app.post(
    "/api/webhooks",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "createWebhookEndpoint",
        tags,
        body: ZWebhookEndpointRequest,
        response: { 201: ZWebhookSecretResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await service.createEndpoint(request.body, actorOf(request));
      return reply.code(201).send(created);
    },
  );

  app.patch(
    "/api/webhooks/:endpointId",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "updateWebhookEndpoint",
        tags,
        params: ZWebhookEndpointParams,
        body: ZWebhookEndpointPatch,
        response: { 200: ZWebhookEndpointResponse, ...errorResponses },
      },
    },
    async (request) => ({
      endpoint: await service.updateEndpoint(
        request.params.endpointId,
        request.body,
        actorOf(request),
      ),
    }),
  );

  app.delete(
    "/api/webhooks/:endpointId",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "deleteWebhookEndpoint",
        tags,
        params: ZWebhookEndpointParams,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.deleteEndpoint(request.params.endpointId, actorOf(request));
      return { ok: true as const };
    },
  );

  app.post(
    "/api/webhooks/:endpointId/rotate-secret",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "rotateWebhookSecret",
        tags,
        params: ZWebhookEndpointParams,
        response: { 200: ZWebhookSecretResponse, ...errorResponses },
      },
    },
    async (request) => service.rotateSecret(request.params.endpointId, actorOf(request)),
  );

  app.get(
    "/api/webhooks/:endpointId/deliveries",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "listWebhookDeliveries",
        tags,
        params: ZWebhookEndpointParams,
        querystring: ZWebhookDeliveriesQuery,
        response: { 200: ZWebhookDeliveriesResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.listDeliveries(request.params.endpointId, {
        limit: request.query.limit,
        ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
      }),
  );

  app.post(
    "/api/webhook-deliveries/:deliveryId/redeliver",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "redeliverWebhook",
        tags,
        params: ZWebhookDeliveryParams,
        response: { 200: ZWebhookDeliveryResponse, ...errorResponses },
      },
    },
    async (request) => ({
      delivery: await service.redeliver(request.params.deliveryId, actorOf(request)),
    }),
  );
}
