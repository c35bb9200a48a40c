import type { TKit, TRecommendation, TScorecard } from "../api/hiring-types";
import {
  KEY_TAKEAWAYS_MIN_LENGTH,
  scorecardGaps,
} from "../../../src/shared/scorecard-completeness";
import type { TScorecardGap } from "../../../src/shared/scorecard-completeness";

export type TRating = 1 | 2 | 3 | 4 | "not_asked" | null;
export type TAnswerDraft = { rating: TRating; signals: string[]; notes: string };
export type TScorecardDraft = {
  answers: Record<string, TAnswerDraft>;
  competencyRatings: Record<string, number>;
  keyTakeaways: string;
  recommendation: TRecommendation | null;
};

export const EMPTY_ANSWER: TAnswerDraft = { rating: null, signals: [], notes: "" };

export function draftFromScorecard(scorecard: TScorecard | null | undefined): TScorecardDraft {
  return {
    answers: Object.fromEntries(
      (scorecard?.answers ?? []).map((a) => [
        a.questionId,
        { rating: a.rating as TRating, signals: a.signals, notes: a.notes },
      ]),
    ),
    competencyRatings: { ...scorecard?.competencyRatings },
    keyTakeaways: scorecard?.keyTakeaways ?? "",
    recommendation: scorecard?.recommendation ?? null,
  };
}

/** The API body: answers in kit order, each pinned to the question version the kit showed. */
export function scorecardBody(kit: TKit, draft: TScorecardDraft) {
  return {
    answers: kit.questions.map((q) => ({
      questionId: q.questionId,
      questionVersionId: q.questionVersionId,
      ...(draft.answers[q.questionId] ?? EMPTY_ANSWER),
    })),
    competencyRatings: draft.competencyRatings,
    keyTakeaways: draft.keyTakeaways,
    recommendation: draft.recommendation,
  };
}

/** What is still missing before a submit, in words; empty when complete (the server's rule). */
export function missingForSubmit(kit: TKit, draft: TScorecardDraft): string[] {
  const gaps = scorecardGaps({
    questionIds: kit.questions.map((q) => q.questionId),
    competencies: kit.stage.competencies,
    ratingOf: (questionId) => draft.answers[questionId]?.rating,
    competencyRatings: draft.competencyRatings,
    keyTakeaways: draft.keyTakeaways,
    recommendation: draft.recommendation,
  });
  const count = (kind: TScorecardGap["kind"]) => gaps.filter((g) => g.kind === kind).length;
  const missing: string[] = [];
  if (count("question"))
    missing.push(`${count("question")} question(s) without a rating or "not asked"`);
  if (count("competency")) missing.push(`${count("competency")} competency rating(s)`);
  if (count("keyTakeaways"))
    missing.push(`key takeaways of at least ${KEY_TAKEAWAYS_MIN_LENGTH} characters`);
  if (count("recommendation")) missing.push("an overall recommendation");
  return missing;
}
