import { principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZDashboardResponse } from "./dashboard.schema.js";
import type { TDashboardService } from "./dashboard.service.js";

export function registerDashboardRoutes(app: TApp, deps: { dashboardService: TDashboardService }) {
  app.get(
    "/api/dashboard",
    {
      config: { access: "user" },
      schema: {
        operationId: "getDashboard",
        tags: ["dashboard"],
        response: { 200: ZDashboardResponse, ...errorResponses },
      },
    },
    async (request) => deps.dashboardService.getDashboard(principalOf(request).user),
  );
}
