import type { TLevel } from "./levels.js";
import { juniorTemplate } from "./junior-template.js";
import type { TLevelTemplate } from "./level-template.schema.js";
import { midTemplate } from "./mid-template.js";
import { seniorTemplate } from "./senior-template.js";

export { ZCompetencyWeights, ZInterviewStage, ZLevelTemplate } from "./level-template.schema.js";
export type {
  TCompetencyWeights,
  TInterviewStage,
  TLevelTemplate,
} from "./level-template.schema.js";
export { ZStageId, stageIds, stageDefinitions } from "./interview-stages.js";
export type { TStageId } from "./interview-stages.js";

export const levelTemplates: readonly TLevelTemplate[] = [
  juniorTemplate,
  midTemplate,
  seniorTemplate,
];

export const levelTemplateByLevel: Readonly<Record<TLevel, TLevelTemplate>> = {
  junior: juniorTemplate,
  mid: midTemplate,
  senior: seniorTemplate,
};

/** The packs a level's interview plan proposes for the practical assessment, in priority order. */
export function proposedPackIds(level: TLevel): readonly string[] {
  return (
    levelTemplateByLevel[level].stages.find((stage) => stage.id === "practical-assessment")
      ?.packIds ?? []
  );
}
