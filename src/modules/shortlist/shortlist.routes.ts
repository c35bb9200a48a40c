import { principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZApplicationIdParams } from "../pipeline/applications.schema.js";
import { ZRoleIdParams } from "../roles/roles.schema.js";
import {
  ZApplicationEvidenceResponse,
  ZShortlistQuery,
  ZShortlistResponse,
} from "./shortlist.schema.js";
import type { TShortlistService } from "./shortlist.service.js";

// Account roles that can run a pipeline; the service checks the role's team.
const PIPELINE = ["admin", "recruiter", "hiring_manager"] as const;
const tags = ["shortlist"];

export function registerShortlistRoutes(app: TApp, deps: { shortlistService: TShortlistService }) {
  const service = deps.shortlistService;

  app.get(
    "/api/roles/:roleId/shortlist",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "getShortlist",
        tags,
        description:
          "One row per application (active by default): screen verdict, each rater's recommendation per stage, evidence per competency, the composite with its 80% band and P(above the bar), coverage and evidence flags. Only scorecards the caller may read are counted.",
        params: ZRoleIdParams,
        querystring: ZShortlistQuery,
        response: { 200: ZShortlistResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.getShortlist({
        roleId: request.params.roleId,
        query: request.query,
        viewer: principalOf(request).user,
      }),
  );

  app.get(
    "/api/applications/:applicationId/evidence",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "getApplicationEvidence",
        tags,
        description:
          "Why an application scores as it does: each competency's sources (who, rating, key takeaways), its share of the composite, and the summary the decision panel shows.",
        params: ZApplicationIdParams,
        response: { 200: ZApplicationEvidenceResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.getApplicationEvidence({
        applicationId: request.params.applicationId,
        viewer: principalOf(request).user,
      }),
  );
}
