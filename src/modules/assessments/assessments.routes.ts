import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZApplicationIdParams,
  ZAssessmentIdParams,
  ZAssessmentPartParams,
  ZAssessmentResponse,
  ZChooseCountingVersionRequest,
  ZGradingIdParams,
  ZGradingResponse,
  ZListAssessmentsResponse,
  ZListPacksResponse,
  ZSendAssessmentRequest,
  ZSendAssessmentResponse,
  ZSubmissionFileQuery,
  ZSubmissionFileResponse,
  ZSubmissionFilesResponse,
  ZSubmissionIdParams,
} from "./assessments.schema.js";
import type { TAssessmentsService } from "./assessments.service.js";

// Account roles that can run a pipeline; which roles' pipelines is decided by team membership.
const PIPELINE = ["admin", "recruiter", "hiring_manager"] as const;
// Who may lead a role; which roles is decided by team membership (hiring manager on its team).
const LEADS = ["admin", "hiring_manager"] as const;
const tags = ["assessments"];

/** The hiring team's side of practical assessments: send, follow, read the report, re-grade. */
export function registerAssessmentsRoutes(
  app: TApp,
  deps: { assessmentsService: TAssessmentsService },
) {
  const service = deps.assessmentsService;

  app.get(
    "/api/applications/:applicationId/assessment-packs",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "listAssessmentPacks",
        tags,
        params: ZApplicationIdParams,
        response: { 200: ZListPacksResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.listPacksForApplication(request.params.applicationId, principalOf(request).user),
  );

  app.post(
    "/api/applications/:applicationId/assessments",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "sendAssessment",
        tags,
        description:
          "Creates the candidate's link. `candidateUrl` is returned only here; Shortlist keeps only its hash.",
        params: ZApplicationIdParams,
        body: ZSendAssessmentRequest,
        response: { 201: ZSendAssessmentResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.sendAssessment(
            request.params.applicationId,
            request.body,
            principalOf(request).user,
            actorOf(request),
          ),
        ),
  );

  app.get(
    "/api/applications/:applicationId/assessments",
    {
      config: { access: "user" },
      schema: {
        operationId: "listApplicationAssessments",
        tags,
        params: ZApplicationIdParams,
        response: { 200: ZListAssessmentsResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.listForApplication(request.params.applicationId, principalOf(request).user),
  );

  app.get(
    "/api/assessments/:assessmentId",
    {
      config: { access: "user" },
      schema: {
        operationId: "getAssessment",
        tags,
        description: "Poll this (every 1–2 s) while a grading is queued or running.",
        params: ZAssessmentIdParams,
        response: { 200: ZAssessmentResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.getAssessment(request.params.assessmentId, principalOf(request).user),
  );

  app.post(
    "/api/assessments/:assessmentId/revoke",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "revokeAssessment",
        tags,
        params: ZAssessmentIdParams,
        response: { 200: ZAssessmentResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.revokeAssessment(
        request.params.assessmentId,
        principalOf(request).user,
        actorOf(request),
      ),
  );

  app.post(
    "/api/assessments/:assessmentId/parts/:part/counting-version",
    {
      config: { access: LEADS },
      schema: {
        operationId: "chooseCountingVersion",
        tags,
        description:
          "Makes another uploaded version of one part the one whose result counts for that part (by default the part's newest). The reason is kept with the choice and audited.",
        params: ZAssessmentPartParams,
        body: ZChooseCountingVersionRequest,
        response: { 200: ZAssessmentResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.chooseCountingVersion({
        assessmentId: request.params.assessmentId,
        part: request.params.part,
        choice: request.body,
        viewer: principalOf(request).user,
        actor: actorOf(request),
      }),
  );

  app.get(
    "/api/gradings/:gradingId",
    {
      config: { access: "user" },
      schema: {
        operationId: "getGrading",
        tags,
        params: ZGradingIdParams,
        response: { 200: ZGradingResponse, ...errorResponses },
      },
    },
    async (request) => service.getGrading(request.params.gradingId, principalOf(request).user),
  );

  app.post(
    "/api/submissions/:submissionId/regrade",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "regradeSubmission",
        tags,
        description: "Queues a new grading of the same upload; earlier reports are kept.",
        params: ZSubmissionIdParams,
        response: { 201: ZGradingResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.regradeSubmission(
            request.params.submissionId,
            principalOf(request).user,
            actorOf(request),
          ),
        ),
  );

  app.get(
    "/api/submissions/:submissionId/files",
    {
      config: { access: "user" },
      schema: {
        operationId: "listSubmissionFiles",
        tags,
        params: ZSubmissionIdParams,
        response: { 200: ZSubmissionFilesResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.listSubmissionFiles(request.params.submissionId, principalOf(request).user),
  );

  app.get(
    "/api/submissions/:submissionId/file",
    {
      config: { access: "user" },
      schema: {
        operationId: "getSubmissionFile",
        tags,
        params: ZSubmissionIdParams,
        querystring: ZSubmissionFileQuery,
        response: { 200: ZSubmissionFileResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.readSubmissionFile(
        request.params.submissionId,
        request.query.path,
        principalOf(request).user,
      ),
  );
}
