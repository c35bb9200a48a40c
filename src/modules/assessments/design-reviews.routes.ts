import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZAssessmentIdParams,
  ZPortalSubmitResponse,
  ZPortalTokenParams,
} from "./assessments.schema.js";
import {
  ZDesignReviewPageResponse,
  ZDesignReviewResponse,
  ZPortalDocumentTextRequest,
  ZSaveDesignReviewDraftRequest,
  ZSubmitDesignReviewRequest,
} from "./design-reviews.schema.js";
import type { TDesignReviewsService } from "./design-reviews.service.js";
import type { TPortalService } from "./portal.service.js";

const tags = ["design reviews"];

/** The reviewers' side of a design-document assessment, and the portal's pasted-text upload. */
export function registerDesignReviewsRoutes(
  app: TApp,
  deps: { designReviewsService: TDesignReviewsService; portalService: TPortalService },
) {
  const service = deps.designReviewsService;

  app.get(
    "/api/assessments/:assessmentId/design-review",
    {
      config: { access: "user" },
      schema: {
        operationId: "getDesignReview",
        tags,
        description:
          "The document (sanitized HTML), its completeness (not scored), the rubric, the caller's review, and the other reviews the caller may read: none until the caller has submitted their own, all submitted ones for the role's hiring managers and admins.",
        params: ZAssessmentIdParams,
        response: { 200: ZDesignReviewPageResponse, ...errorResponses },
      },
    },
    async (request) => ({
      designReview: await service.getDesignReview({
        assessmentId: request.params.assessmentId,
        viewer: principalOf(request).user,
      }),
    }),
  );

  app.put(
    "/api/assessments/:assessmentId/design-review/draft",
    {
      config: { access: "user" },
      schema: {
        operationId: "saveDesignReviewDraft",
        tags,
        description:
          "Autosave of the caller's review. Send the revision you edited (0 for a new draft); 409 with details.review when a newer revision was saved.",
        params: ZAssessmentIdParams,
        body: ZSaveDesignReviewDraftRequest,
        response: { 200: ZDesignReviewResponse, ...errorResponses },
      },
    },
    async (request) => ({
      review: await service.saveDesignReviewDraft({
        assessmentId: request.params.assessmentId,
        draft: request.body,
        viewer: principalOf(request).user,
        actor: actorOf(request),
      }),
    }),
  );

  app.post(
    "/api/assessments/:assessmentId/design-review/submit",
    {
      config: { access: "user" },
      schema: {
        operationId: "submitDesignReview",
        tags,
        description:
          "Locks the review. 400 with fields naming each dimension without a rating or with a quote that is not in the document (compared with whitespace collapsed).",
        params: ZAssessmentIdParams,
        body: ZSubmitDesignReviewRequest,
        response: { 200: ZDesignReviewResponse, ...errorResponses },
      },
    },
    async (request) => ({
      review: await service.submitDesignReview({
        assessmentId: request.params.assessmentId,
        revision: request.body.revision,
        viewer: principalOf(request).user,
        actor: actorOf(request),
      }),
    }),
  );

  app.post(
    "/api/portal/:token/document-text",
    {
      config: { access: "public" },
      // The text may be up to 1 MB, plus its JSON escaping.
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        operationId: "submitPortalDocumentText",
        tags: ["candidate portal"],
        security: [],
        description:
          "A design-document assessment's text, pasted (taken as Markdown, at most 1 MB). Kept like an upload: the newest counts.",
        params: ZPortalTokenParams,
        body: ZPortalDocumentTextRequest,
        response: { 201: ZPortalSubmitResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await deps.portalService.submit(
            request.params.token,
            { text: request.body.text },
            request.id,
          ),
        ),
  );
}
