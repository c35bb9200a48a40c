import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZCandidateIdParams } from "../candidates/candidates.schema.js";
import type { TCandidateErasureService } from "./candidate-erasure.service.js";
import type { TCandidateExportService } from "./candidate-export.service.js";
import {
  ZAccessTrailQuery,
  ZAccessTrailResponse,
  ZConsentsResponse,
  ZEraseCandidateRequest,
  ZEraseCandidateResponse,
  ZPrivacySettingsResponse,
  ZRetentionPreviewQuery,
  ZRetentionPreviewResponse,
  ZUpdatePrivacySettingsRequest,
} from "./privacy.schema.js";
import type { TPrivacyService } from "./privacy.service.js";

const ADMIN = ["admin"] as const;
const tags = ["privacy"];

export function registerPrivacyRoutes(
  app: TApp,
  deps: {
    privacyService: TPrivacyService;
    candidateExportService: TCandidateExportService;
    candidateErasureService: TCandidateErasureService;
  },
) {
  app.get(
    "/api/privacy/settings",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "getPrivacySettings",
        tags,
        response: { 200: ZPrivacySettingsResponse, ...errorResponses },
      },
    },
    async () => ({ settings: await deps.privacyService.getSettings() }),
  );

  app.put(
    "/api/privacy/settings",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "updatePrivacySettings",
        tags,
        description:
          "The privacy notice link (shown in the candidate portal, copied onto every consent record) and the retention period (null = off).",
        body: ZUpdatePrivacySettingsRequest,
        response: { 200: ZPrivacySettingsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      settings: await deps.privacyService.updateSettings(
        request.body,
        principalOf(request).user,
        actorOf(request),
      ),
    }),
  );

  app.get(
    "/api/privacy/retention/preview",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "previewRetention",
        tags,
        description:
          "Who the retention rule would anonymize now: every application rejected or withdrawn more than `months` (default: the saved setting) ago.",
        querystring: ZRetentionPreviewQuery,
        response: { 200: ZRetentionPreviewResponse, ...errorResponses },
      },
    },
    async (request) => deps.privacyService.previewRetention(request.query.months),
  );

  app.get(
    "/api/candidates/:candidateId/consents",
    {
      config: { access: "user" },
      schema: {
        operationId: "listCandidateConsents",
        tags,
        description: "The lawful basis we hold this candidate on: who recorded it, when, and how.",
        params: ZCandidateIdParams,
        response: { 200: ZConsentsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      consents: await deps.privacyService.listConsents(
        request.params.candidateId,
        principalOf(request).user,
      ),
    }),
  );

  app.get(
    "/api/candidates/:candidateId/access-trail",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "listCandidateAccessTrail",
        tags,
        description: "Who viewed this candidate's contact details or résumé, newest first.",
        params: ZCandidateIdParams,
        querystring: ZAccessTrailQuery,
        response: { 200: ZAccessTrailResponse, ...errorResponses },
      },
    },
    async (request) =>
      deps.privacyService.listAccessTrail(
        request.params.candidateId,
        request.query,
        principalOf(request).user,
      ),
  );

  app.get(
    "/api/candidates/:candidateId/export",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "exportCandidate",
        tags,
        description:
          "Everything held about the candidate as a zip: candidate.json and their files (résumés, submissions). Audited.",
        params: ZCandidateIdParams,
        produces: ["application/zip"],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, stream } = await deps.candidateExportService.exportCandidate({
        candidateId: request.params.candidateId,
        actor: actorOf(request),
      });
      return (
        reply
          .type("application/zip")
          .header("content-disposition", `attachment; filename="${filename}"`)
          .header("cache-control", "private, no-store")
          // A stream bypasses the serializer; the typed reply only knows the JSON error shape.
          .send(stream as never)
      );
    },
  );

  app.post(
    "/api/candidates/:candidateId/erase",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "eraseCandidate",
        tags,
        description:
          "Irreversible. Deletes the candidate's personal data, résumés and submitted files; an anonymous record keeps ratings, stage history and grading scores. `confirmName` must be the candidate's name.",
        params: ZCandidateIdParams,
        body: ZEraseCandidateRequest,
        response: { 200: ZEraseCandidateResponse, ...errorResponses },
      },
    },
    async (request) =>
      deps.candidateErasureService.eraseCandidate({
        ...request.body,
        candidateId: request.params.candidateId,
        actor: actorOf(request),
      }),
  );
}
