import { competencies } from "../roles/templates/competencies.js";

/** One competency's evidence as the draft needs it: never who said it or what they wrote. */
export type TFeedbackEvidence = {
  competencyId: string;
  /** Mean of the sources on the 1–4 scale (scorecard ratings, assessment scores mapped). */
  mean: number;
  sources: number;
};

const nameOf = (id: string) => competencies.find((c) => c.id === id)?.name ?? id;
const describe = (id: string) => competencies.find((c) => c.id === id)?.description ?? "";

// Our own sentences, chosen by the level of the evidence; the words of interviewers never reach
// the candidate, only where each competency landed.
function strengthLine(e: TFeedbackEvidence) {
  return e.mean >= 3.5
    ? `- **${nameOf(e.competencyId)}**: a consistent strength; everyone who assessed it saw work above what the role asks for.`
    : `- **${nameOf(e.competencyId)}**: at the level the role asks for.`;
}

function growthLine(e: TFeedbackEvidence, level: string) {
  const where =
    e.mean < 2
      ? `well short of what a ${level} engineer in this role needs today`
      : `close to what a ${level} engineer in this role needs, but not yet consistently there`;
  const focus = describe(e.competencyId);
  return `- **${nameOf(e.competencyId)}**: ${where}.${focus ? ` What we look for here: ${focus}` : ""}`;
}

/**
 * A first draft of the feedback for a rejected candidate, in Markdown, built only from competency
 * means: strengths at 3 and above, areas to develop below. The team edits it before approving.
 */
export function draftFeedback(input: {
  candidateName: string;
  roleTitle: string;
  level: string;
  evidence: readonly TFeedbackEvidence[];
}): string {
  const assessed = [...input.evidence]
    .filter((e) => e.sources > 0)
    .sort((a, b) => b.mean - a.mean || a.competencyId.localeCompare(b.competencyId));
  const strengths = assessed.filter((e) => e.mean >= 3);
  const growth = assessed.filter((e) => e.mean < 3).reverse();
  const lines = [
    `# Feedback for ${input.candidateName}`,
    "",
    `Thank you for the time you gave to our process for the ${input.roleTitle} role. We have decided not to continue with your application. So that the time was useful to you, here is where our assessment landed, area by area.`,
    "",
  ];
  if (assessed.length === 0) {
    lines.push(
      "We did not get far enough in the process to assess specific areas, so we cannot give feedback on individual skills.",
      "",
    );
  }
  if (strengths.length > 0) lines.push("## What went well", "", ...strengths.map(strengthLine), "");
  if (growth.length > 0)
    lines.push("## Where to grow", "", ...growth.map((e) => growthLine(e, input.level)), "");
  lines.push(
    "These are the areas this role weighs; they are not a judgement of you beyond it. We wish you well in your search.",
  );
  return lines.join("\n") + "\n";
}
