import type { TShortlistService } from "../shortlist/shortlist.service.js";
import type { TFeedbackEvidence } from "./feedback-draft.js";
import type { TFeedbackEvidenceSource } from "./feedback.service.js";

/**
 * The draft's evidence is the shortlist's, so feedback and shortlist never disagree on what a
 * competency's sources said: raters' ratings and assessment scores, combined once, by the shortlist.
 */
export function shortlistFeedbackEvidence(
  shortlistService: Pick<TShortlistService, "breakdown">,
): TFeedbackEvidenceSource {
  return async ({ applicationId, roleId, scope, executor }) => {
    const { competencies } = await shortlistService.breakdown(
      applicationId,
      roleId,
      scope,
      executor,
    );
    return competencies.flatMap((c): TFeedbackEvidence[] =>
      c.mean === null || c.n === 0
        ? []
        : [{ competencyId: c.competencyId, mean: c.mean, sources: c.n }],
    );
  };
}
