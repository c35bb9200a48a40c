import { z } from "zod";
import { ZCompetencyId, ZCultureFacetId } from "../../roles/templates/competencies.js";
import { ZLevel } from "../../roles/templates/levels.js";

export const questionAreas = [
  "python-fundamentals",
  "django-core",
  "orm-data-modelling",
  "drf",
  "database-performance",
  "security",
  "scalability-production",
  "testing",
  "communication",
  "culture-fit",
] as const;

export const ZQuestionArea = z.enum(questionAreas);
export type TQuestionArea = z.infer<typeof ZQuestionArea>;

export const ZQuestionId = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case slug");

const ZAnchorText = z.string().min(20).max(400);

/*
 * One shared 4-point scale so scorecards can be compared across interviewers:
 * 1 = no evidence or wrong, 2 = partial / needs prompting, 3 = meets the bar for the level,
 * 4 = exceeds it. There is deliberately no middle point to sit on.
 */
export const ZRubricAnchors = z.strictObject({
  1: ZAnchorText,
  2: ZAnchorText,
  3: ZAnchorText,
  4: ZAnchorText,
});
export type TRubricAnchors = z.infer<typeof ZRubricAnchors>;

// A per-level entry replaces `default` for that level only; levels without one use `default`.
export const ZQuestionRubric = z.strictObject({
  default: ZRubricAnchors,
  junior: ZRubricAnchors.optional(),
  mid: ZRubricAnchors.optional(),
  senior: ZRubricAnchors.optional(),
});
export type TQuestionRubric = z.infer<typeof ZQuestionRubric>;

const ZChecklistItem = z.string().min(5).max(200);

function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}

export const ZQuestionSeed = z
  .strictObject({
    id: ZQuestionId,
    area: ZQuestionArea,
    title: z.string().min(3).max(80),
    prompt: z.string().min(40).max(1200),
    competencies: z.array(ZCompetencyId).min(1).max(4),
    levels: z.array(ZLevel).min(1).max(3),
    // Culture-fit questions say which facet(s) of the culture round they probe.
    cultureFacets: z.array(ZCultureFacetId).min(1).max(2).optional(),
    suggestedMinutes: z.int().min(3).max(20),
    signals: z.array(ZChecklistItem).min(4).max(7),
    redFlags: z.array(ZChecklistItem).min(2).max(4),
    followUps: z.array(ZChecklistItem).min(2).max(4),
    rubric: ZQuestionRubric,
  })
  .superRefine((question, context) => {
    const lists = ["competencies", "levels", "signals", "redFlags", "followUps"] as const;
    for (const key of lists) {
      if (hasDuplicates(question[key])) {
        context.addIssue({ code: "custom", path: [key], message: `${key} has duplicates` });
      }
    }
    for (const level of ["junior", "mid", "senior"] as const) {
      if (question.rubric[level] !== undefined && !question.levels.includes(level)) {
        context.addIssue({
          code: "custom",
          path: ["rubric", level],
          message: `rubric has ${level} anchors but the question is not asked at that level`,
        });
      }
    }
    const isCulture = question.area === "culture-fit";
    if (isCulture && question.cultureFacets === undefined) {
      context.addIssue({
        code: "custom",
        path: ["cultureFacets"],
        message: "culture-fit questions must name at least one culture facet",
      });
    }
    if (!isCulture && question.cultureFacets !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["cultureFacets"],
        message: "only culture-fit questions carry culture facets",
      });
    }
  });
export type TQuestionSeed = z.infer<typeof ZQuestionSeed>;
