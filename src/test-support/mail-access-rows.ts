import { adminOnly } from "./access-matrix.js";
import type { TRow } from "./access-matrix.js";
import type { THiringWorld } from "./hiring-world.js";

const WORDING = { subject: "Welcome {{inviteeName}}", body: "Sign in: {{link}}" };

/** The mail routes' rows of the access matrix: the outbox and the templates are for admins only. */
export function mailAccessRows(world: () => THiringWorld): TRow[] {
  // The world's invites put messages in the outbox; any one of them will do.
  const messageId = async () =>
    (await world().admin.get("/api/mail/outbox?limit=1")).json<{ messages: { id: string }[] }>()
      .messages[0]?.id ?? "";
  return [
    {
      route: "GET /api/mail/outbox",
      operationId: "listOutbox",
      expect: adminOnly(200),
      request: () => ({ url: "/api/mail/outbox" }),
    },
    {
      route: "GET /api/mail/outbox/:messageId",
      operationId: "getOutboxMessage",
      expect: adminOnly(200),
      request: async () => ({ url: `/api/mail/outbox/${await messageId()}` }),
    },
    {
      route: "POST /api/mail/outbox/:messageId/retry",
      operationId: "retryOutboxMessage",
      expect: adminOnly(200),
      request: async () => ({ url: `/api/mail/outbox/${await messageId()}/retry`, body: {} }),
    },
    {
      route: "GET /api/mail/templates",
      operationId: "listMailTemplates",
      expect: adminOnly(200),
      request: () => ({ url: "/api/mail/templates" }),
    },
    {
      route: "PUT /api/mail/templates/:kind",
      operationId: "saveMailTemplate",
      expect: adminOnly(200),
      request: () => ({ url: "/api/mail/templates/team_invite", body: WORDING }),
    },
    {
      route: "DELETE /api/mail/templates/:kind",
      operationId: "resetMailTemplate",
      expect: adminOnly(200),
      request: () => ({ url: "/api/mail/templates/team_invite" }),
    },
    {
      route: "POST /api/mail/templates/:kind/preview",
      operationId: "previewMailTemplate",
      expect: adminOnly(200),
      request: () => ({ url: "/api/mail/templates/team_invite/preview", body: WORDING }),
    },
  ];
}
