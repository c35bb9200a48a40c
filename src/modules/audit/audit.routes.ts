import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZListAuditQuery, ZListAuditResponse } from "./audit.schema.js";
import type { TAuditService } from "./audit.service.js";

export function registerAuditRoutes(app: TApp, deps: { auditService: TAuditService }) {
  app.get(
    "/api/audit",
    {
      config: { access: ["admin"] },
      schema: {
        operationId: "listAuditEvents",
        tags: ["audit"],
        querystring: ZListAuditQuery,
        response: { 200: ZListAuditResponse, ...errorResponses },
      },
    },
    async (request) => deps.auditService.listEvents(request.query),
  );
}
