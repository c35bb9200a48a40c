import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import type { TCandidateImportService } from "./candidate-import.service.js";
import type { TIntakeService } from "./intake.service.js";
import { readIntakeUploads, readSingleResume } from "./multipart-upload.js";
import type { TResumeScreensService } from "./resume-screens.service.js";
import type { TResumesService } from "./resumes.service.js";
import {
  ZApplicationIdParams,
  ZBatchIdParams,
  ZCandidateIdParams,
  ZImportCandidatesRequest,
  ZImportCandidatesResponse,
  ZIntakeBatchResponse,
  ZRecordScreenRequest,
  ZResumeResponse,
  ZRoleIdParams,
  ZScreeningSettingsResponse,
  ZScreeningViewResponse,
  ZUpdateScreeningSettingsRequest,
} from "./screening-api.schema.js";
import type { TScreeningSettingsService } from "./screening-settings.service.js";

// Screening is pipeline work: admins, and recruiters and hiring managers on the role's team.
const PIPELINE = ["admin", "recruiter", "hiring_manager"] as const;

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so "Zoë.pdf" downloads as itself. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerScreeningRoutes(
  app: TApp,
  deps: {
    screeningSettingsService: TScreeningSettingsService;
    resumesService: TResumesService;
    resumeScreensService: TResumeScreensService;
    intakeService: TIntakeService;
    candidateImportService: TCandidateImportService;
  },
) {
  app.get(
    "/api/roles/:roleId/screening-settings",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "getScreeningSettings",
        tags: ["screening"],
        description: "Until saved, the checklist is proposed from the role's level and stack.",
        params: ZRoleIdParams,
        response: { 200: ZScreeningSettingsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      settings: await deps.screeningSettingsService.getSettings(
        request.params.roleId,
        principalOf(request).user,
      ),
    }),
  );

  app.put(
    "/api/roles/:roleId/screening-settings",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "updateScreeningSettings",
        tags: ["screening"],
        params: ZRoleIdParams,
        body: ZUpdateScreeningSettingsRequest,
        response: { 200: ZScreeningSettingsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      settings: await deps.screeningSettingsService.updateSettings(
        request.params.roleId,
        request.body,
        principalOf(request).user,
        actorOf(request),
      ),
    }),
  );

  app.post(
    "/api/candidates/:candidateId/resume",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "uploadResume",
        tags: ["screening"],
        description:
          "multipart/form-data with one `file` (PDF, DOCX or text, at most 10 MB). 413 too large, 415 not a résumé format, 422 unreadable (damaged, encrypted, empty, scanned); details.resumeErrorCode says which. The candidate is kept either way.",
        params: ZCandidateIdParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZResumeResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = principalOf(request).user;
      const file = await readSingleResume(request);
      return reply.status(201).send({
        resume: await deps.resumesService.uploadResume(
          request.params.candidateId,
          file,
          viewer,
          actorOf(request),
        ),
      });
    },
  );

  app.get(
    "/api/candidates/:candidateId/resume",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "getResume",
        tags: ["screening"],
        description: "403 while a blind screen of this candidate is pending.",
        params: ZCandidateIdParams,
        response: { 200: ZResumeResponse, ...errorResponses },
      },
    },
    async (request) => ({
      resume: await deps.resumesService.getResume(
        request.params.candidateId,
        principalOf(request).user,
      ),
    }),
  );

  app.get(
    "/api/candidates/:candidateId/resume/file",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "downloadResume",
        tags: ["screening"],
        description:
          "The original file as uploaded (attachment). 403 while a blind screen is pending.",
        params: ZCandidateIdParams,
        produces: ["application/octet-stream"],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await deps.resumesService.downloadResume(
        request.params.candidateId,
        principalOf(request).user,
      );
      return (
        reply
          .header("content-type", file.mediaType)
          .header("content-disposition", contentDisposition(file.filename))
          .header("cache-control", "private, no-store")
          // The response schema lists only errors; the body here is the file's bytes.
          .send(file.content as never)
      );
    },
  );

  app.get(
    "/api/applications/:applicationId/screening",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "getScreening",
        tags: ["screening"],
        description:
          "The proposal per checklist item with evidence, and the recorded screens. In blind review the candidate, contact details and file name are withheld and the text is masked until a screen is recorded.",
        params: ZApplicationIdParams,
        response: { 200: ZScreeningViewResponse, ...errorResponses },
      },
    },
    async (request) => ({
      screening: await deps.resumeScreensService.getScreening(
        request.params.applicationId,
        principalOf(request).user,
      ),
    }),
  );

  app.post(
    "/api/applications/:applicationId/screening",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "recordScreen",
        tags: ["screening"],
        description:
          "Records the screener's verdict per item and the outcome. pass (with advance, the default) moves the application to the next stage; reject closes it; hold leaves it in the screen.",
        params: ZApplicationIdParams,
        body: ZRecordScreenRequest,
        response: { 201: ZScreeningViewResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        screening: await deps.resumeScreensService.recordScreen(
          request.params.applicationId,
          request.body,
          principalOf(request).user,
          actorOf(request),
        ),
      }),
  );

  app.post(
    "/api/roles/:roleId/intake-batches",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "createIntakeBatch",
        tags: ["screening"],
        description:
          "multipart/form-data with up to 200 `files` (résumés, or one zip of them). Each becomes a candidate and an application in the résumé screen stage, in the background; poll the batch for progress.",
        params: ZRoleIdParams,
        consumes: ["multipart/form-data"],
        response: { 202: ZIntakeBatchResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = principalOf(request).user;
      const entries = await readIntakeUploads(request);
      return reply.status(202).send({
        batch: await deps.intakeService.createBatch(
          request.params.roleId,
          entries,
          viewer,
          actorOf(request),
        ),
      });
    },
  );

  app.get(
    "/api/intake-batches/:batchId",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "getIntakeBatch",
        tags: ["screening"],
        params: ZBatchIdParams,
        response: { 200: ZIntakeBatchResponse, ...errorResponses },
      },
    },
    async (request) => ({
      batch: await deps.intakeService.getBatch(request.params.batchId, principalOf(request).user),
    }),
  );

  app.post(
    "/api/candidates/import",
    {
      config: { access: PIPELINE },
      // A 1 MB CSV plus JSON escaping.
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        operationId: "importCandidates",
        tags: ["screening"],
        description:
          "CSV text with a header row (name, email; optional phone, github, portfolio, linkedin). Each row is imported on its own; bad rows are reported by line and field; a duplicate e-mail is merged into a candidate the caller may see, or kept apart as a possible duplicate when the caller may not see it.",
        body: ZImportCandidatesRequest,
        response: { 200: ZImportCandidatesResponse, ...errorResponses },
      },
    },
    async (request) =>
      deps.candidateImportService.importCandidates(
        request.body,
        principalOf(request).user,
        actorOf(request),
      ),
  );
}
