/**
 * The one owner of "a scorecard is complete enough to submit". The server refuses a submit that
 * has gaps; the web app imports this same module to say what is still missing, so the two cannot
 * drift (they did once: the web had no 10-character minimum for key takeaways). No imports: the
 * web bundles this file as it is.
 */

export const KEY_TAKEAWAYS_MIN_LENGTH = 10;

export type TScorecardGap =
  | { kind: "question"; questionId: string }
  | { kind: "competency"; competency: string }
  | { kind: "keyTakeaways" }
  | { kind: "recommendation" };

export function scorecardGaps(input: {
  questionIds: readonly string[];
  competencies: readonly string[];
  ratingOf: (questionId: string) => unknown;
  competencyRatings: Readonly<Record<string, number | null | undefined>>;
  keyTakeaways: string;
  recommendation: string | null | undefined;
}): TScorecardGap[] {
  const gaps: TScorecardGap[] = [];
  for (const questionId of input.questionIds) {
    const rating = input.ratingOf(questionId);
    if (rating === null || rating === undefined) gaps.push({ kind: "question", questionId });
  }
  for (const competency of input.competencies) {
    const rating = input.competencyRatings[competency];
    if (rating === null || rating === undefined) gaps.push({ kind: "competency", competency });
  }
  if (input.keyTakeaways.trim().length < KEY_TAKEAWAYS_MIN_LENGTH)
    gaps.push({ kind: "keyTakeaways" });
  if (!input.recommendation) gaps.push({ kind: "recommendation" });
  return gaps;
}
