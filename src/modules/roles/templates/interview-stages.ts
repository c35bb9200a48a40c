import { z } from "zod";

// Order matters: a candidate moves through the stages in exactly this sequence.
export const stageIds = [
  "resume-screen",
  "technical-screen",
  "practical-assessment",
  "technical-deep-dive",
  "culture-fit",
  "decision",
] as const;

export const ZStageId = z.enum(stageIds);
export type TStageId = z.infer<typeof ZStageId>;

type TStageDefinition = { name: string; purpose: string; reservedFor: string };

export const stageDefinitions = {
  "resume-screen": {
    name: "Résumé screen",
    purpose:
      "Decide quickly, with the same checklist for every applicant, whether the written record shows enough Python, Django, API and database work at this level to justify a call.",
    reservedFor: "reading the CV and any linked repositories or portfolio against the checklist",
  },
  "technical-screen": {
    name: "Technical screen (call)",
    purpose:
      "A short call that checks core Python and Django understanding and how clearly the candidate explains their thinking, before anyone invests in a longer exercise.",
    reservedFor: "introductions and the candidate's own questions",
  },
  "practical-assessment": {
    name: "Practical assessment",
    purpose:
      "A time-boxed work sample in a small Django project, then a debrief in which the candidate walks through their choices; judged on correctness, structure, validation and tests rather than speed.",
    reservedFor: "the timed work sample itself, before the debrief questions",
  },
  "technical-deep-dive": {
    name: "Technical deep dive",
    purpose:
      "A conversation with experienced engineers about design decisions, query performance, security habits and running Django in production, pitched at the level being hired.",
    reservedFor: "introductions and the candidate's own questions",
  },
  "culture-fit": {
    name: "Culture and team fit",
    purpose:
      "Questions about real past situations that show how the candidate collaborates, works through problems, adapts to change and takes ownership.",
    reservedFor: "introductions, describing the team and the candidate's own questions",
  },
  decision: {
    name: "Hiring decision",
    purpose:
      "Interviewers compare independent scorecards against the level's weighted competencies and agree on hire or no hire, writing down the reasons and any open doubts.",
    reservedFor: "the debrief meeting; no candidate questions are asked in this stage",
  },
} as const satisfies Record<TStageId, TStageDefinition>;

export const decisionChecklist = [
  "Every interviewer submitted a scorecard before the debrief started",
  "Scores were discussed competency by competency against this level's weights",
  "Every red flag raised in any round was addressed explicitly",
  "The decision and its reasons are recorded, with open doubts named rather than averaged away",
] as const;
