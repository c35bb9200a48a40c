import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZPortalPartParams, ZPortalSubmitResponse } from "./assessments.schema.js";
import {
  ZAssessmentPartParams,
  ZDesignReviewPageResponse,
  ZDesignReviewResponse,
  ZPortalDocumentTextRequest,
  ZSaveDesignReviewDraftRequest,
  ZSubmitDesignReviewRequest,
} from "./design-reviews.schema.js";
import type { TDesignReviewsService } from "./design-reviews.service.js";
import type { TPortalService } from "./portal.service.js";

const tags = ["design reviews"];

/** The reviewers' side of an assessment's design-document part, and the portal's pasted-text upload. */
export function registerDesignReviewsRoutes(
  app: TApp,
  deps: { designReviewsService: TDesignReviewsService; portalService: TPortalService },
) {
  const service = deps.designReviewsService;

  app.get(
    "/api/assessments/:assessmentId/parts/:part/design-review",
    {
      config: { access: "user" },
      schema: {
        operationId: "getDesignReview",
        tags,
        description:
          "One design-document part of an assessment: the document (sanitized HTML), its completeness (not scored), the rubric, the caller's review, and the other reviews the caller may read: none until the caller has submitted their own, all submitted ones for the role's hiring managers and admins.",
        params: ZAssessmentPartParams,
        response: { 200: ZDesignReviewPageResponse, ...errorResponses },
      },
    },
    async (request) => ({
      designReview: await service.getDesignReview({
        assessmentId: request.params.assessmentId,
        part: request.params.part,
        viewer: principalOf(request).user,
      }),
    }),
  );

  app.put(
    "/api/assessments/:assessmentId/parts/:part/design-review/draft",
    {
      config: { access: "user" },
      schema: {
        operationId: "saveDesignReviewDraft",
        tags,
        description:
          "Autosave of the caller's review. Send the revision you edited (0 for a new draft); 409 with details.review when a newer revision was saved.",
        params: ZAssessmentPartParams,
        body: ZSaveDesignReviewDraftRequest,
        response: { 200: ZDesignReviewResponse, ...errorResponses },
      },
    },
    async (request) => ({
      review: await service.saveDesignReviewDraft({
        assessmentId: request.params.assessmentId,
        part: request.params.part,
        draft: request.body,
        viewer: principalOf(request).user,
        actor: actorOf(request),
      }),
    }),
  );

  app.post(
    "/api/assessments/:assessmentId/parts/:part/design-review/submit",
    {
      config: { access: "user" },
      schema: {
        operationId: "submitDesignReview",
        tags,
        description:
          "Locks the review. 400 with fields naming each dimension without a rating or with a quote that is not in the document (compared with whitespace collapsed).",
        params: ZAssessmentPartParams,
        body: ZSubmitDesignReviewRequest,
        response: { 200: ZDesignReviewResponse, ...errorResponses },
      },
    },
    async (request) => ({
      review: await service.submitDesignReview({
        assessmentId: request.params.assessmentId,
        part: request.params.part,
        revision: request.body.revision,
        viewer: principalOf(request).user,
        actor: actorOf(request),
      }),
    }),
  );

  app.post(
    "/api/portal/:token/parts/:part/document-text",
    {
      config: { access: "public" },
      // The text may be up to 1 MB, plus its JSON escaping.
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        operationId: "submitPortalDocumentText",
        tags: ["candidate portal"],
        security: [],
        description:
          "A design-document part's text, pasted (taken as Markdown, at most 1 MB). Kept like an upload of that part: the newest counts. 409 for a part that takes a project zip.",
        params: ZPortalPartParams,
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
            request.params.part,
            { text: request.body.text },
            request.id,
          ),
        ),
  );
}
