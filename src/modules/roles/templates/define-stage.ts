import type { TCompetencyId } from "./competencies.js";
import { stageDefinitions, type TStageId } from "./interview-stages.js";
import type { TInterviewStage } from "./level-template.schema.js";

type TStagePlan = {
  durationMinutes: number;
  reservedMinutes: number;
  competencies: TCompetencyId[];
  questionIds?: string[];
  checklist?: string[];
  packIds?: string[];
};

/** Combines the shared name, purpose and reserved-time note of a stage with one level's plan. */
export function defineStage(id: TStageId, plan: TStagePlan): TInterviewStage {
  const { name, purpose, reservedFor } = stageDefinitions[id];
  return {
    id,
    name,
    purpose,
    reservedFor,
    durationMinutes: plan.durationMinutes,
    reservedMinutes: plan.reservedMinutes,
    competencies: plan.competencies,
    questionIds: plan.questionIds ?? [],
    checklist: plan.checklist ?? [],
    packIds: plan.packIds ?? [],
  };
}
