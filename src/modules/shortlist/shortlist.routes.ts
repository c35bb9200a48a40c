import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import { fastSerializerCompiler } from "../../http/fast-serializer.js";
import { sendShared } from "../../http/shared-response.js";
import type { TApp } from "../../http/types.js";
import { ZApplicationIdParams } from "../pipeline/applications.schema.js";
import { ZRoleIdParams } from "../roles/roles.schema.js";
import {
  ZApplicationEvidenceResponse,
  ZShortlistQuery,
  ZShortlistResponse,
} from "./shortlist.schema.js";
import type { TShortlistExportsService } from "./shortlist-exports.service.js";
import type { TShortlistService } from "./shortlist.service.js";

// Account roles that can run a pipeline; the service checks the role's team.
const PIPELINE = ["admin", "recruiter", "hiring_manager"] as const;
const tags = ["shortlist"];

// Exported files are slugs of names (ASCII already), so a plain quoted filename is enough.
const attachment = (filename: string) => `attachment; filename="${filename}"`;

export function registerShortlistRoutes(
  app: TApp,
  deps: { shortlistService: TShortlistService; shortlistExportsService: TShortlistExportsService },
) {
  const service = deps.shortlistService;
  const exports = deps.shortlistExportsService;

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
      // The role's whole page in one answer: written by fast-json-stringify (see fast-serializer.ts).
      serializerCompiler: fastSerializerCompiler,
    },
    async (request, reply) =>
      sendShared(
        request,
        reply,
        await service.getShortlist({
          roleId: request.params.roleId,
          query: request.query,
          viewer: principalOf(request).user,
        }),
      ),
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

  app.get(
    "/api/roles/:roleId/shortlist.csv",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "exportShortlistCsv",
        tags,
        description:
          "The shortlist as CSV (UTF-8 with BOM), same rows, order and filters as the JSON. Audited.",
        params: ZRoleIdParams,
        querystring: ZShortlistQuery,
        produces: ["text/csv"],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await exports.exportShortlistCsv({
        roleId: request.params.roleId,
        query: request.query,
        viewer: principalOf(request).user,
        actor: actorOf(request),
      });
      return (
        reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", attachment(file.filename))
          .header("cache-control", "private, no-store")
          // The response schema lists only errors; the body here is the file.
          .send(file.content as never)
      );
    },
  );

  app.get(
    "/api/applications/:applicationId/packet.pdf",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "exportCandidatePacket",
        tags,
        description:
          "The candidate packet as PDF: profile, résumé screen with its evidence, the scorecards the caller may read, assessment results, and the composite with its band. Audited.",
        params: ZApplicationIdParams,
        produces: ["application/pdf"],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await exports.exportCandidatePacket({
        applicationId: request.params.applicationId,
        viewer: principalOf(request).user,
        actor: actorOf(request),
      });
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", attachment(file.filename))
        .header("cache-control", "private, no-store")
        .send(file.content as never);
    },
  );
}
