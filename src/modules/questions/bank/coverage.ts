import {
  competencyIds,
  cultureFacetIds,
  type TCompetencyId,
  type TCultureFacetId,
} from "../../roles/templates/competencies.js";
import { levelIds, type TLevel } from "../../roles/templates/levels.js";
import { questionBank } from "./question-bank.js";
import type { TQuestionSeed } from "./question-seed.schema.js";

export type TCountsByLevel = Record<TLevel, number>;

export type TBankCoverage = {
  totalQuestions: number;
  questionsPerLevel: TCountsByLevel;
  competencies: Record<TCompetencyId, TCountsByLevel>;
  cultureFacets: Record<TCultureFacetId, TCountsByLevel>;
};

function emptyCounts(): TCountsByLevel {
  return { junior: 0, mid: 0, senior: 0 };
}

function countsFor<K extends string>(keys: readonly K[]): Record<K, TCountsByLevel> {
  return Object.fromEntries(keys.map((key) => [key, emptyCounts()])) as Record<K, TCountsByLevel>;
}

/** How many questions can be asked per competency and culture facet at each level. */
export function summarizeBankCoverage(
  bank: readonly TQuestionSeed[] = questionBank,
): TBankCoverage {
  const coverage: TBankCoverage = {
    totalQuestions: bank.length,
    questionsPerLevel: emptyCounts(),
    competencies: countsFor(competencyIds),
    cultureFacets: countsFor(cultureFacetIds),
  };
  for (const question of bank) {
    for (const level of question.levels) {
      coverage.questionsPerLevel[level] += 1;
      for (const competency of question.competencies) coverage.competencies[competency][level] += 1;
      for (const facet of question.cultureFacets ?? []) coverage.cultureFacets[facet][level] += 1;
    }
  }
  return coverage;
}

/** Markdown table of the coverage, as pasted into release notes. */
export function formatBankCoverageTable(coverage: TBankCoverage = summarizeBankCoverage()): string {
  const rows: string[] = [
    `| Competency / facet | ${levelIds.join(" | ")} |`,
    `|---|${levelIds.map(() => "---:").join("|")}|`,
  ];
  const addRow = (label: string, counts: TCountsByLevel): void => {
    rows.push(`| ${label} | ${levelIds.map((level) => counts[level]).join(" | ")} |`);
  };
  for (const id of competencyIds) addRow(id, coverage.competencies[id]);
  for (const id of cultureFacetIds) addRow(`culture: ${id}`, coverage.cultureFacets[id]);
  addRow("all questions", coverage.questionsPerLevel);
  return rows.join("\n");
}
