import { adminOnly } from "./access-matrix.js";
import type { TRow } from "./access-matrix.js";
import { expectStatus } from "./hiring-world.js";
import type { THiringWorld } from "./hiring-world.js";

// A literal public address: registration resolves no DNS for it, and the matrix app runs no
// worker, so nothing is ever sent there.
const PUBLIC_URL = "https://93.184.216.34/hooks";

/** The webhook routes' rows of the access matrix: endpoints and deliveries are for admins only. */
export function webhookAccessRows(world: () => THiringWorld): TRow[] {
  let made = 0;
  const endpointId = async () =>
    expectStatus(
      await world().admin.post("/api/webhooks", {
        url: PUBLIC_URL,
        description: `matrix ${++made}`,
        events: ["candidate.created"],
      }),
      201,
    ).json<{ endpoint: { id: string } }>().endpoint.id;
  return [
    {
      route: "GET /api/webhooks",
      operationId: "listWebhookEndpoints",
      expect: adminOnly(200),
      request: () => ({ url: "/api/webhooks" }),
    },
    {
      route: "POST /api/webhooks",
      operationId: "createWebhookEndpoint",
      expect: adminOnly(201),
      request: () => ({
        url: "/api/webhooks",
        body: { url: PUBLIC_URL, events: ["scorecard.submitted"] },
      }),
    },
    {
      route: "PATCH /api/webhooks/:endpointId",
      operationId: "updateWebhookEndpoint",
      expect: adminOnly(200),
      request: async () => ({
        url: `/api/webhooks/${await endpointId()}`,
        body: { description: "renamed" },
      }),
    },
    {
      route: "DELETE /api/webhooks/:endpointId",
      operationId: "deleteWebhookEndpoint",
      expect: adminOnly(200),
      request: async () => ({ url: `/api/webhooks/${await endpointId()}` }),
    },
    {
      route: "POST /api/webhooks/:endpointId/rotate-secret",
      operationId: "rotateWebhookSecret",
      expect: adminOnly(200),
      request: async () => ({ url: `/api/webhooks/${await endpointId()}/rotate-secret`, body: {} }),
    },
    {
      route: "GET /api/webhooks/:endpointId/deliveries",
      operationId: "listWebhookDeliveries",
      expect: adminOnly(200),
      request: async () => ({ url: `/api/webhooks/${await endpointId()}/deliveries` }),
    },
    {
      route: "POST /api/webhook-deliveries/:deliveryId/redeliver",
      operationId: "redeliverWebhook",
      // Nothing is sent without a worker, so the delivery is still queued: an admin gets past
      // authorization to the 409 "still being sent"; everyone else is refused before it.
      expect: adminOnly(409),
      request: async () => {
        const id = await endpointId();
        expectStatus(
          await world().recruiterOn.agent.post("/api/candidates", {
            name: "Matrix Hook",
            email: `matrix.hook${made}@example.org`,
          }),
          201,
        );
        const deliveries = (await world().admin.get(`/api/webhooks/${id}/deliveries`)).json<{
          deliveries: { id: string }[];
        }>().deliveries;
        return { url: `/api/webhook-deliveries/${deliveries[0]?.id ?? ""}/redeliver`, body: {} };
      },
    },
  ];
}
