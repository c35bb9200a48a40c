import { RECOMMENDATIONS } from "../../db/schema/index.js";
import { competencyIds } from "../roles/templates/competencies.js";
import type { TScorecard } from "../scorecards/scorecards.schema.js";

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Counts per recommendation and per-competency averages, weighted by the role's weights. */
export function tallyScorecards(cards: readonly TScorecard[], weights: Record<string, number>) {
  const recommendations = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as Record<
    (typeof RECOMMENDATIONS)[number],
    number
  >;
  for (const card of cards) if (card.recommendation) recommendations[card.recommendation]++;
  const competencies = competencyIds.map((competencyId) => {
    const ratings = cards.flatMap((c) => {
      const rating = c.competencyRatings[competencyId];
      return rating === undefined ? [] : [rating];
    });
    return {
      competencyId,
      average: ratings.length ? round2(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null,
      ratings: ratings.length,
      weight: weights[competencyId] ?? 0,
    };
  });
  const rated = competencies.filter((c) => c.average !== null && c.weight > 0);
  const weightSum = rated.reduce((sum, c) => sum + c.weight, 0);
  const weightedAverage = weightSum
    ? round2(rated.reduce((sum, c) => sum + (c.average ?? 0) * c.weight, 0) / weightSum)
    : null;
  return { recommendations, competencies, weightedAverage };
}
