import type { TInterviewKitItem, TQuestionAnswer } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import type { TFieldIssue } from "../../errors.js";
import type { TQuestionVersionRow } from "../questions/questions.repo.js";
import type { TScorecardContent } from "./scorecards.schema.js";
import { KEY_TAKEAWAYS_MIN_LENGTH, scorecardGaps } from "../../shared/scorecard-completeness.js";

/** Answers must be about this interview's kit, at the pinned versions, ticking that version's signals. */
export function checkAnswersAgainstKit(
  content: TScorecardContent,
  kit: readonly TInterviewKitItem[],
  versions: readonly TQuestionVersionRow[],
): TQuestionAnswer[] {
  const pinned = new Map(kit.map((k) => [k.questionId, k.questionVersionId]));
  const signalsOf = new Map(versions.map((v) => [v.id, new Set(v.signals)]));
  const fields: TFieldIssue[] = [];
  content.answers.forEach((answer, i) => {
    const versionId = pinned.get(answer.questionId);
    if (!versionId) {
      fields.push({
        field: `answers.${i}.questionId`,
        message: `is not a question in this interview's kit (${answer.questionId})`,
      });
      return;
    }
    if (versionId !== answer.questionVersionId) {
      fields.push({
        field: `answers.${i}.questionVersionId`,
        message: `is not the version in this interview's kit (expected ${versionId})`,
      });
      return;
    }
    const known = signalsOf.get(versionId) ?? new Set<string>();
    answer.signals.forEach((signal, j) => {
      if (!known.has(signal))
        fields.push({
          field: `answers.${i}.signals.${j}`,
          message: "is not one of this question's signals",
        });
    });
  });
  if (fields.length)
    throw new AppError(
      "VALIDATION_FAILED",
      `Please check the scorecard: ${fields[0]?.field ?? ""} ${fields[0]?.message ?? ""}.`,
      { fields },
    );
  return content.answers.map((a) => ({ ...a }));
}

/** What a submitted scorecard must have; a draft may be anything partial. */
export function assertComplete(
  content: Pick<
    TScorecardContent,
    "answers" | "competencyRatings" | "keyTakeaways" | "recommendation"
  >,
  kit: readonly TInterviewKitItem[],
  stageCompetencies: readonly string[],
) {
  const gaps = scorecardGaps({
    questionIds: kit.map((item) => item.questionId),
    competencies: stageCompetencies,
    ratingOf: (questionId) => content.answers.find((a) => a.questionId === questionId)?.rating,
    competencyRatings: content.competencyRatings,
    keyTakeaways: content.keyTakeaways,
    recommendation: content.recommendation,
  });
  const fields: TFieldIssue[] = gaps.map((gap) => {
    switch (gap.kind) {
      case "question":
        return {
          field: `answers.${gap.questionId}`,
          message: "needs a rating from 1 to 4, or not_asked",
        };
      case "competency":
        return {
          field: `competencyRatings.${gap.competency}`,
          message: "needs a rating from 1 to 4",
        };
      case "keyTakeaways":
        return {
          field: "keyTakeaways",
          message: `needs at least a sentence (${KEY_TAKEAWAYS_MIN_LENGTH} characters)`,
        };
      case "recommendation":
        return {
          field: "recommendation",
          message: "is required: strong_no, no, yes or strong_yes",
        };
    }
  });
  if (fields.length)
    throw new AppError(
      "VALIDATION_FAILED",
      `The scorecard is not complete: ${fields[0]?.field ?? ""} ${fields[0]?.message ?? ""}.`,
      { fields },
    );
}
