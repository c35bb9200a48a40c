import type { TQuestionArea, TQuestionRubric } from "./bank/index.js";
import type { TCompetencyId, TCultureFacetId } from "../roles/templates/competencies.js";
import type { TLevel } from "../roles/templates/levels.js";
import type { TQuestionVersionRow } from "./questions.repo.js";
import type { TQuestionVersion } from "./questions.schema.js";

// Rows are written only from validated content (seed or ZQuestionContent), so the casts hold.
export function presentQuestionVersion(row: TQuestionVersionRow): TQuestionVersion {
  return {
    id: row.id,
    questionId: row.questionId,
    version: row.version,
    area: row.area as TQuestionArea,
    title: row.title,
    prompt: row.prompt,
    competencies: row.competencies as TCompetencyId[],
    levels: row.levels as TLevel[],
    cultureFacets: (row.cultureFacets as TCultureFacetId[] | null) ?? null,
    suggestedMinutes: row.suggestedMinutes,
    signals: row.signals,
    redFlags: row.redFlags,
    followUps: row.followUps,
    rubric: row.rubric as unknown as TQuestionRubric,
    changeNote: row.changeNote,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentQuestion(row: TQuestionVersionRow) {
  return { id: row.questionId, latestVersion: row.version, current: presentQuestionVersion(row) };
}

/** Anchors for the role's level: the per-level set when the question has one, else the default. */
export function anchorsForLevel(row: TQuestionVersionRow, level: TLevel) {
  const rubric = row.rubric as unknown as TQuestionRubric;
  return rubric[level] ?? rubric.default;
}
