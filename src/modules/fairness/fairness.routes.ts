import { principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZPortalTokenParams } from "../assessments/assessments.schema.js";
import {
  ZFairnessReportQuery,
  ZFairnessReportResponse,
  ZSelfIdentificationAnswers,
  ZSelfIdentificationResponse,
} from "./fairness.schema.js";
import type { TFairnessService } from "./fairness.service.js";

// The token in the path is the credential, as for the rest of the candidate portal.
const PUBLIC = "public" as const;
const portalSecurity: Record<string, string[]>[] = [];
// Hiring managers see the roles they lead; the service narrows the scope.
const LEADS = ["admin", "hiring_manager"] as const;

export function registerFairnessRoutes(app: TApp, deps: { fairnessService: TFairnessService }) {
  const service = deps.fairnessService;
  const portalTags = ["candidate portal"];

  app.get(
    "/api/portal/:token/self-identification",
    {
      config: { access: PUBLIC },
      schema: {
        operationId: "getPortalSelfIdentification",
        tags: portalTags,
        security: portalSecurity,
        description: "The candidate's own voluntary answers, or null when they gave none.",
        params: ZPortalTokenParams,
        response: { 200: ZSelfIdentificationResponse, ...errorResponses },
      },
    },
    async (request) => service.getOwnAnswers(request.params.token),
  );

  app.put(
    "/api/portal/:token/self-identification",
    {
      config: { access: PUBLIC },
      schema: {
        operationId: "savePortalSelfIdentification",
        tags: portalTags,
        security: portalSecurity,
        description:
          "Voluntary: saves or replaces the candidate's answers. null leaves a question unanswered; prefer_not_to_say is offered in each. Never shown to the hiring team.",
        params: ZPortalTokenParams,
        body: ZSelfIdentificationAnswers,
        response: { 200: ZSelfIdentificationResponse, ...errorResponses },
      },
    },
    async (request) => service.saveOwnAnswers(request.params.token, request.body),
  );

  app.delete(
    "/api/portal/:token/self-identification",
    {
      config: { access: PUBLIC },
      schema: {
        operationId: "withdrawPortalSelfIdentification",
        tags: portalTags,
        security: portalSecurity,
        description: "Deletes the candidate's answers entirely.",
        params: ZPortalTokenParams,
        response: { 200: ZSelfIdentificationResponse, ...errorResponses },
      },
    },
    async (request) => service.withdrawOwnAnswers(request.params.token),
  );

  app.get(
    "/api/analytics/fairness",
    {
      config: { access: LEADS },
      schema: {
        operationId: "getFairnessReport",
        tags: ["analytics"],
        description:
          "Adverse impact per stage and overall, from voluntary self-identification: per group its size, selection rate, impact ratio against the highest group's rate (four-fifths rule) and Fisher's exact p. Groups under 5 people are never sent; groups under 2% of the sample are shown but not rated.",
        querystring: ZFairnessReportQuery,
        response: { 200: ZFairnessReportResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.getReport({ query: request.query, viewer: principalOf(request).user }),
  );
}
