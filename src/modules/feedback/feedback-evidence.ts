import type { TScorecardsRepo } from "../scorecards/scorecards.repo.js";
import type { TFeedbackEvidence } from "./feedback-draft.js";
import type { TFeedbackEvidenceSource } from "./feedback.service.js";

/**
 * Competency means from the current submitted scorecards' explicit competency ratings: the
 * fallback source of the draft where the shortlist's combined evidence is not wired in.
 */
export function scorecardFeedbackEvidence(
  scorecardsRepo: Pick<TScorecardsRepo, "listForApplication">,
): TFeedbackEvidenceSource {
  return async (applicationId, executor) => {
    const rows = await scorecardsRepo.listForApplication(applicationId, executor);
    const ratings = new Map<string, number[]>();
    for (const { scorecard } of rows) {
      if (scorecard.status !== "submitted" || scorecard.supersededAt !== null) continue;
      for (const [competencyId, rating] of Object.entries(scorecard.competencyRatings))
        ratings.set(competencyId, [...(ratings.get(competencyId) ?? []), rating]);
    }
    return [...ratings].map(([competencyId, list]): TFeedbackEvidence => ({
      competencyId,
      mean: list.reduce((a, b) => a + b, 0) / list.length,
      sources: list.length,
    }));
  };
}
