import { principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZSimilarityParams, ZSimilarityResponse } from "./similarity.schema.js";
import type { TSimilarityService } from "./similarity.service.js";

/** The similarity panel of a submission: reading follows the application, like its report. */
export function registerSimilarityRoutes(
  app: TApp,
  deps: { similarityService: TSimilarityService },
) {
  app.get(
    "/api/submissions/:submissionId/similarity",
    {
      config: { access: "user" },
      schema: {
        operationId: "getSubmissionSimilarity",
        tags: ["assessments"],
        description:
          "The closest other submissions of the same pack, with the shared regions. A signal for a reviewer; it never changes the score. The other candidate is named only to callers who may see that application.",
        params: ZSimilarityParams,
        response: { 200: ZSimilarityResponse, ...errorResponses },
      },
    },
    async (request) =>
      deps.similarityService.getSimilarity(request.params.submissionId, principalOf(request).user),
  );
}
