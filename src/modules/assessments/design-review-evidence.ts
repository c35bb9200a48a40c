/**
 * How a submitted design review becomes competency evidence: each rated rubric dimension counts
 * for the competency the pack's rubric maps it to. The one owner of that rule; the design-review
 * service and the shortlist both call it.
 */
export type TDesignReviewRating = { competency: string; dimensionId: string; rating: number };

export function ratingsOfDesignReview(
  scores: Readonly<Record<string, { rating: number | null }>>,
  rubric: ReadonlyMap<string, string>,
): TDesignReviewRating[] {
  const ratings: TDesignReviewRating[] = [];
  for (const [dimensionId, score] of Object.entries(scores)) {
    const competency = rubric.get(dimensionId);
    if (competency === undefined || score.rating === null || !Number.isFinite(score.rating))
      continue;
    ratings.push({ competency, dimensionId, rating: score.rating });
  }
  return ratings;
}

/** The rubric of a pack's manifest as dimension id → competency id (empty for a project pack). */
export function rubricOfManifest(
  manifest: { document?: { rubric: readonly { id: string; competency: string }[] } } | null,
): Map<string, string> {
  return new Map((manifest?.document?.rubric ?? []).map((d) => [d.id, d.competency]));
}
