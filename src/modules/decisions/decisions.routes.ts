import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZApplicationIdParams } from "../pipeline/applications.schema.js";
import { ZDecisionSummaryResponse, ZRecordDecisionRequest } from "./decisions.schema.js";
import type { TDecisionsService } from "./decisions.service.js";

// Team hiring managers and admins; the service checks the team.
const DECIDERS = ["admin", "hiring_manager"] as const;

export function registerDecisionsRoutes(app: TApp, deps: { decisionsService: TDecisionsService }) {
  app.get(
    "/api/applications/:applicationId/decision",
    {
      config: { access: DECIDERS },
      schema: {
        operationId: "getDecisionSummary",
        tags: ["decisions"],
        params: ZApplicationIdParams,
        response: { 200: ZDecisionSummaryResponse, ...errorResponses },
      },
    },
    async (request) =>
      deps.decisionsService.getDecisionSummary(
        request.params.applicationId,
        principalOf(request).user,
      ),
  );

  app.post(
    "/api/applications/:applicationId/decisions",
    {
      config: { access: DECIDERS },
      schema: {
        operationId: "recordDecision",
        tags: ["decisions"],
        description:
          "advance moves to the next plan stage; reject closes with the rationale; offer marks the application hired.",
        params: ZApplicationIdParams,
        body: ZRecordDecisionRequest,
        response: { 201: ZDecisionSummaryResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await deps.decisionsService.recordDecision(
            request.params.applicationId,
            request.body,
            principalOf(request).user,
            actorOf(request),
          ),
        ),
  );
}
