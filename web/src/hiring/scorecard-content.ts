import type { TKit, TRecommendation, TScorecard } from "../api/hiring-types";

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

/** What is still missing before a submit, in words; empty when complete. */
export function missingForSubmit(kit: TKit, draft: TScorecardDraft): string[] {
  const missing: string[] = [];
  const unrated = kit.questions.filter(
    (q) => (draft.answers[q.questionId]?.rating ?? null) === null,
  );
  if (unrated.length) missing.push(`${unrated.length} question(s) without a rating or "not asked"`);
  const competencies = kit.stage.competencies.filter((c) => !draft.competencyRatings[c]);
  if (competencies.length) missing.push(`${competencies.length} competency rating(s)`);
  if (!draft.recommendation) missing.push("an overall recommendation");
  return missing;
}
