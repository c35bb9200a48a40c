import { z } from "zod";
import { ZCompetencyId, competencyIds } from "./competencies.js";
import { ZStageId, stageIds } from "./interview-stages.js";
import { ZLevel } from "./levels.js";

const ZKebabTag = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case tag");

// Every competency gets an explicit weight (zero allowed) so a missing key is a mistake, not a 0.
export const ZCompetencyWeights = z
  .record(ZCompetencyId, z.int().min(0).max(100))
  .refine(
    (weights) => competencyIds.reduce((sum, id) => sum + weights[id], 0) === 100,
    "competency weights must sum to 100",
  );
export type TCompetencyWeights = z.infer<typeof ZCompetencyWeights>;

export const ZInterviewStage = z
  .strictObject({
    id: ZStageId,
    name: z.string().min(3).max(80),
    purpose: z.string().min(20).max(400),
    durationMinutes: z.int().min(5).max(240),
    // Time in the stage not spent on kit questions; kit minutes must fit in the remainder.
    reservedMinutes: z.int().min(0).max(240),
    reservedFor: z.string().min(5).max(200),
    competencies: z.array(ZCompetencyId).max(competencyIds.length),
    questionIds: z.array(z.string().min(3).max(80)).max(12),
    checklist: z.array(z.string().min(5).max(200)).max(12),
    /** Work-sample packs (assessments/<id>) the plan proposes for this stage, in priority order. */
    packIds: z.array(ZKebabTag).max(10),
  })
  .refine((stage) => stage.packIds.length === 0 || stage.id === "practical-assessment", {
    message: "only the practical assessment stage proposes packs",
    path: ["packIds"],
  })
  .refine((stage) => stage.reservedMinutes <= stage.durationMinutes, {
    message: "reservedMinutes cannot exceed durationMinutes",
    path: ["reservedMinutes"],
  });
export type TInterviewStage = z.infer<typeof ZInterviewStage>;

export const ZLevelTemplate = z
  .strictObject({
    level: ZLevel,
    title: z.string().min(3).max(80),
    scope: z.string().min(40).max(600),
    defaultStackTags: z.array(ZKebabTag).min(1).max(20),
    competencyWeights: ZCompetencyWeights,
    stages: z.array(ZInterviewStage).length(stageIds.length),
  })
  .refine((template) => template.stages.every((stage, index) => stage.id === stageIds[index]), {
    message: `stages must appear in this order: ${stageIds.join(", ")}`,
    path: ["stages"],
  });
export type TLevelTemplate = z.infer<typeof ZLevelTemplate>;
