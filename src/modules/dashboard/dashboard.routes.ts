import { principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import { sendShared } from "../../http/shared-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZApplicationsToScreenPage,
  ZDashboardResponse,
  ZDecisionsToMakePage,
  ZScorecardsToSubmitPage,
  ZWaitingListQuery,
} from "./dashboard.schema.js";
import type { TDashboardService } from "./dashboard.service.js";

export function registerDashboardRoutes(app: TApp, deps: { dashboardService: TDashboardService }) {
  const service = deps.dashboardService;
  const tags = ["dashboard"];
  app.get(
    "/api/dashboard",
    {
      config: { access: "user" },
      schema: {
        operationId: "getDashboard",
        tags,
        response: { 200: ZDashboardResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendShared(request, reply, await service.getDashboard(principalOf(request).user)),
  );

  app.get(
    "/api/dashboard/scorecards-to-submit",
    {
      config: { access: "user" },
      schema: {
        operationId: "listScorecardsToSubmit",
        tags,
        description: "Every interview of yours still waiting for your scorecard, soonest first.",
        querystring: ZWaitingListQuery,
        response: { 200: ZScorecardsToSubmitPage, ...errorResponses },
      },
    },
    async (request) => service.listScorecardsToSubmit(principalOf(request).user, request.query),
  );

  app.get(
    "/api/dashboard/applications-to-screen",
    {
      config: { access: "user" },
      schema: {
        operationId: "listApplicationsToScreen",
        tags,
        description:
          "Every application waiting for a resume screen on roles whose pipeline you run.",
        querystring: ZWaitingListQuery,
        response: { 200: ZApplicationsToScreenPage, ...errorResponses },
      },
    },
    async (request) => service.listApplicationsToScreen(principalOf(request).user, request.query),
  );

  app.get(
    "/api/dashboard/decisions-to-make",
    {
      config: { access: "user" },
      schema: {
        operationId: "listDecisionsToMake",
        tags,
        description:
          "Every application on a role you lead whose current stage has all its scorecards.",
        querystring: ZWaitingListQuery,
        response: { 200: ZDecisionsToMakePage, ...errorResponses },
      },
    },
    async (request) => service.listDecisionsToMake(principalOf(request).user, request.query),
  );
}
