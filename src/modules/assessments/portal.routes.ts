import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { assertUploadField } from "../../http/upload-field.js";
import { AppError } from "../../errors.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { MAX_UPLOAD_BYTES } from "./assessment-presenter.js";
import {
  ZPortalAssessmentResponse,
  ZPortalPartParams,
  ZPortalSubmitResponse,
  ZPortalTokenParams,
  ZStartPortalAssessmentRequest,
} from "./assessments.schema.js";
import type { TPortalService } from "./portal.service.js";

const tags = ["candidate portal"];
// The token in the path is the credential; the portal needs no account.
const PUBLIC = "public" as const;
const portalSecurity: Record<string, string[]>[] = [];
const UPLOAD_LIMITS = {
  fileSize: MAX_UPLOAD_BYTES,
  files: 1,
  fields: 0,
  parts: 1,
  headerPairs: 50,
};

/** What each kind of part takes, in the words of the upload's messages. */
const WANTED = {
  zip: {
    one: "your project's zip",
    limit: "The zip is larger than 5 MB. Leave out virtual environments, databases and caches.",
  },
  document: {
    one: "your design document (.md, .txt or .pdf)",
    limit: "The document is larger than 5 MB. Upload the text, or a PDF without large images.",
  },
} as const;

/** Reads the one file of a multipart upload, turning the plugin's errors into messages for a candidate. */
async function readUpload(
  request: FastifyRequest,
  kind: keyof typeof WANTED,
): Promise<{ filename: string; content: Buffer }> {
  const wanted = WANTED[kind];
  try {
    const part = await request.file({ limits: UPLOAD_LIMITS });
    if (!part)
      throw new AppError("VALIDATION_FAILED", `No file was uploaded. Choose ${wanted.one}.`, {
        fields: [{ field: "file", message: "is required" }],
      });
    assertUploadField(part, "file");
    const content = await part.toBuffer();
    const fallback = kind === "zip" ? "submission.zip" : "design-document";
    const filename = (part.filename || fallback).replace(/[^\w.() -]/g, "_").slice(0, 200);
    return { filename, content };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError("PAYLOAD_TOO_LARGE", wanted.limit);
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE")
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Upload ${wanted.one} as multipart/form-data.`);
    if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT")
      throw new AppError("VALIDATION_FAILED", `Upload exactly one file: ${wanted.one}.`);
    throw error;
  }
}

export function registerPortalRoutes(app: TApp, deps: { portalService: TPortalService }) {
  const service = deps.portalService;

  // Multipart only where it is used, unless the app registered it for everyone already; the
  // limits are per request either way.
  void app.register(async (scoped) => {
    const portal = scoped.withTypeProvider<ZodTypeProvider>();
    if (!portal.hasRequestDecorator("file")) await portal.register(multipart);

    portal.get(
      "/api/portal/:token",
      {
        config: { access: PUBLIC },
        schema: {
          operationId: "getPortalAssessment",
          tags,
          security: portalSecurity,
          description: "404 for an unknown link; 410 with details.reason revoked|expired.",
          params: ZPortalTokenParams,
          response: { 200: ZPortalAssessmentResponse, ...errorResponses },
        },
      },
      async (request) => ({ assessment: await service.describe(request.params.token) }),
    );

    portal.post(
      "/api/portal/:token/start",
      {
        config: { access: PUBLIC },
        schema: {
          operationId: "startPortalAssessment",
          tags,
          security: portalSecurity,
          description:
            "Starts the one server-side clock of every part (shared timing, or a single part); calling it again keeps the first start. 409 when each part has its own clock. When the organisation has a privacy notice, send `acknowledgedNotice: true`; the first start records the candidate's consent.",
          params: ZPortalTokenParams,
          body: ZStartPortalAssessmentRequest,
          response: { 200: ZPortalAssessmentResponse, ...errorResponses },
        },
      },
      async (request) => ({
        assessment: await service.start(request.params.token, request.id, request.body ?? {}),
      }),
    );

    portal.post(
      "/api/portal/:token/parts/:part/start",
      {
        config: { access: PUBLIC },
        schema: {
          operationId: "startPortalPart",
          tags,
          security: portalSecurity,
          description:
            "Starts one part's clock (per-part timing; with shared timing the one clock). Calling it again keeps the first start. The first start of the assessment needs `acknowledgedNotice: true` when the organisation has a privacy notice.",
          params: ZPortalPartParams,
          body: ZStartPortalAssessmentRequest,
          response: { 200: ZPortalAssessmentResponse, ...errorResponses },
        },
      },
      async (request) => ({
        assessment: await service.startPart(
          request.params.token,
          request.params.part,
          request.id,
          request.body ?? {},
        ),
      }),
    );

    portal.post(
      "/api/portal/:token/finish",
      {
        config: { access: PUBLIC },
        schema: {
          operationId: "finishPortalAssessment",
          tags,
          security: portalSecurity,
          description:
            "The candidate's \"I'm finished\": ends the attempt once at least one part has an upload (409 before). The clock stops and later uploads or starts answer 409 with details.reason finished; what was uploaded is graded as usual. Calling it again keeps the first finish. 404/410 like the other portal routes.",
          params: ZPortalTokenParams,
          response: { 200: ZPortalAssessmentResponse, ...errorResponses },
        },
      },
      async (request) => ({ assessment: await service.finish(request.params.token, request.id) }),
    );

    portal.get(
      "/api/portal/:token/parts/:part/starter.zip",
      {
        config: { access: PUBLIC },
        schema: {
          operationId: "downloadPortalStarter",
          tags,
          security: portalSecurity,
          description: "One part's starter project as a zip (application/zip), streamed.",
          params: ZPortalPartParams,
          response: { ...errorResponses },
        },
      },
      async (request, reply) => {
        const { filename, stream } = await service.starter(
          request.params.token,
          request.params.part,
        );
        return (
          reply
            .type("application/zip")
            .header("content-disposition", `attachment; filename="${filename}"`)
            .header("cache-control", "no-store")
            // A stream bypasses the serializer; the typed reply only knows the JSON error shape.
            .send(stream as never)
        );
      },
    );

    portal.post(
      "/api/portal/:token/parts/:part/submissions",
      {
        config: { access: PUBLIC },
        schema: {
          operationId: "submitPortalAssessment",
          tags,
          security: portalSecurity,
          consumes: ["multipart/form-data"],
          description:
            "One part's upload: multipart/form-data with one file field (a zip of at most 5 MB containing manage.py; for a design-document part one .md, .txt or .pdf document instead). Every upload is kept; per part the newest counts. After the time is up uploads are still accepted and marked late.",
          params: ZPortalPartParams,
          response: { 201: ZPortalSubmitResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const kind = await service.uploadKindOf(request.params.token, request.params.part);
        const upload = await readUpload(request, kind);
        return reply
          .status(201)
          .send(
            await service.submit(request.params.token, request.params.part, upload, request.id),
          );
      },
    );
  });
}
