import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZExportAuditQuery, ZListAuditQuery, ZListAuditResponse } from "./audit.schema.js";
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

  app.get(
    "/api/audit/export.csv",
    {
      config: { access: ["admin"] },
      schema: {
        operationId: "exportAuditEvents",
        tags: ["audit"],
        description: "The filtered audit trail as CSV, newest first (at most 10,000 events).",
        querystring: ZExportAuditQuery,
        produces: ["text/csv"],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const { csv, capped } = await deps.auditService.exportCsv(request.query);
      const day = new Date().toISOString().slice(0, 10);
      return (
        reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="shortlist-audit-${day}.csv"`)
          .header("x-export-capped", capped ? "true" : "false")
          // The response schema lists only errors; the body here is the CSV text.
          .send(csv as never)
      );
    },
  );
}
