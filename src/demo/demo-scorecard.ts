import type { TInterviewKit } from "../modules/interviews/interviews.schema.js";

type TRating = 1 | 2 | 3 | 4;
type TRecommendation = "strong_no" | "no" | "yes" | "strong_yes";

function noteFor(question: TInterviewKit["questions"][number], rating: TRating): string {
  const [first = "", second = "", third = ""] = question.signals;
  const title = question.title.toLowerCase();
  switch (rating) {
    case 4:
      return `Went beyond the question on ${title}. ${first}. ${second}. Backed it with a production story and the trade-offs.`;
    case 3:
      return `Solid on ${title}: ${first.toLowerCase()}; ${second.toLowerCase()}. Needed one nudge towards: ${third.toLowerCase()}.`;
    case 2:
      return `Partial on ${title}. Knew that ${first.toLowerCase()}, but could not get to "${second.toLowerCase()}" even with a hint.`;
    case 1:
      return `Could not explain ${title}. Red flag: ${(question.redFlags[0] ?? "no working model").toLowerCase()}.`;
  }
}

const SIGNALS_TICKED: Record<TRating, number> = { 1: 0, 2: 1, 3: 3, 4: 5 };

const TAKEAWAYS: Record<TRating, string> = {
  4: "Exceptional depth for the level; explains trade-offs clearly and draws on real incidents. Would raise the bar of the team.",
  3: "Meets the bar: correct, structured answers with sensible trade-offs; a couple of gaps that prompting closed quickly.",
  2: "Below the bar today: knows the vocabulary but the reasoning was shallow and needed a lot of prompting.",
  1: "Well below the bar: basic misconceptions on core topics and no recovery with hints.",
};

/**
 * A scorecard whose numbers and notes agree: `ratings[i]` rates the i-th kit question (cycling),
 * signals ticked grow with the rating, competencies take the mean of the questions touching them,
 * and the recommendation follows the overall mean.
 */
export function demoScorecard(kit: TInterviewKit, ratings: readonly TRating[]) {
  const answers = kit.questions.map((question, i) => {
    const rating = ratings[i % ratings.length] ?? 3;
    return {
      questionId: question.questionId,
      questionVersionId: question.questionVersionId,
      rating,
      // More signals heard the better the answer: none for a 1, most of them for a 4.
      signals: question.signals.slice(0, SIGNALS_TICKED[rating]),
      notes: noteFor(question, rating),
    };
  });
  const mean = answers.reduce((sum, a) => sum + a.rating, 0) / Math.max(1, answers.length);
  const competencyRatings: Record<string, number> = {};
  for (const competency of kit.stage.competencies) {
    const touching = answers.filter((_, i) => kit.questions[i]?.competencies.includes(competency));
    const source = touching.length ? touching : answers;
    const avg = source.reduce((sum, a) => sum + a.rating, 0) / Math.max(1, source.length);
    competencyRatings[competency] = Math.min(4, Math.max(1, Math.round(avg)));
  }
  const rounded = Math.min(4, Math.max(1, Math.round(mean))) as TRating;
  const recommendation: TRecommendation =
    mean >= 3.5 ? "strong_yes" : mean >= 2.75 ? "yes" : mean >= 1.75 ? "no" : "strong_no";
  return {
    answers,
    competencyRatings,
    keyTakeaways: TAKEAWAYS[rounded],
    recommendation,
  };
}
