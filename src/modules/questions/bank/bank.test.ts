import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  competencyIds,
  cultureFacetIds,
  type TCompetencyId,
} from "../../roles/templates/competencies.js";
import { ZLevelTemplate, levelTemplates, stageIds } from "../../roles/templates/level-templates.js";
import { levelIds } from "../../roles/templates/levels.js";
import { summarizeBankCoverage } from "./coverage.js";
import { guideSections, guideTopicCoverage } from "./guide-topic-coverage.js";
import { findQuestionById, questionBank } from "./question-bank.js";
import { ZQuestionSeed, type TQuestionSeed } from "./question-seed.schema.js";

const guidePath = fileURLToPath(
  new URL("../../../../../shared/seed/000_f335eb6fedba2b8c.txt", import.meta.url),
);

function requireQuestion(id: string): TQuestionSeed {
  const question = findQuestionById(id);
  if (question === undefined) throw new Error(`unknown question id ${id}`);
  return question;
}

function allTextOf(question: TQuestionSeed): string[] {
  const anchors = Object.values(question.rubric).flatMap((rubric) =>
    rubric === undefined ? [] : Object.values(rubric),
  );
  return [
    question.title,
    question.prompt,
    ...question.signals,
    ...question.redFlags,
    ...question.followUps,
    ...anchors,
  ];
}

// Lower-case words only, so punctuation, curly quotes and line breaks cannot hide a copied sentence.
function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^a-z0-9_@']+/g, " ")
    .trim()
    .split(" ")
    .filter((word) => word.length > 0);
}

describe("question bank", () => {
  it("parses every question with ZQuestionSeed", () => {
    for (const question of questionBank) {
      const result = ZQuestionSeed.safeParse(question);
      expect(result.error?.issues, question.id).toBeUndefined();
    }
  });

  it("has at least 40 questions (the guide's 15 plus at least 25 of our own)", () => {
    expect(questionBank.length).toBeGreaterThanOrEqual(40);
  });

  it("uses unique ids, titles and prompts", () => {
    const ids = questionBank.map((question) => question.id);
    const titles = questionBank.map((question) => question.title.toLowerCase());
    const prompts = questionBank.map((question) => normaliseWords(question.prompt).join(" "));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(prompts).size).toBe(prompts.length);
  });

  it("only references competencies from the catalogue", () => {
    const known = new Set<string>(competencyIds);
    for (const question of questionBank) {
      for (const competency of question.competencies) {
        expect(known.has(competency), `${question.id}: ${competency}`).toBe(true);
      }
    }
  });

  it("has at least 3 questions for every competency at every level", () => {
    const coverage = summarizeBankCoverage();
    for (const competency of competencyIds) {
      for (const level of levelIds) {
        expect(
          coverage.competencies[competency][level],
          `${competency}/${level}`,
        ).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("has at least 3 questions for every culture facet at every level", () => {
    const coverage = summarizeBankCoverage();
    for (const facet of cultureFacetIds) {
      for (const level of levelIds) {
        expect(coverage.cultureFacets[facet][level], `${facet}/${level}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("counts coverage consistently with the bank", () => {
    const coverage = summarizeBankCoverage();
    expect(coverage.totalQuestions).toBe(questionBank.length);
    const juniorCount = questionBank.filter((question) =>
      question.levels.includes("junior"),
    ).length;
    expect(coverage.questionsPerLevel.junior).toBe(juniorCount);
  });
});

describe("guide topic coverage", () => {
  const topics = Object.entries(guideTopicCoverage);

  it("maps all fifteen guide topics across the five guide sections", () => {
    expect(topics).toHaveLength(15);
    const sections = new Set(topics.map(([, topic]) => topic.section));
    expect([...sections].sort()).toEqual([...guideSections].sort());
  });

  it("points every topic at an existing question", () => {
    for (const [topicId, topic] of topics) {
      expect(findQuestionById(topic.questionId), topicId).toBeDefined();
    }
  });

  it("uses a different question for every topic", () => {
    const questionIds = topics.map(([, topic]) => topic.questionId);
    expect(new Set(questionIds).size).toBe(questionIds.length);
  });
});

describe("level templates", () => {
  it("parses every template with ZLevelTemplate, one per level", () => {
    for (const template of levelTemplates) {
      const result = ZLevelTemplate.safeParse(template);
      expect(result.error?.issues, template.level).toBeUndefined();
    }
    expect(levelTemplates.map((template) => template.level)).toEqual([...levelIds]);
  });

  it("has competency weights that sum to 100", () => {
    for (const template of levelTemplates) {
      const total = competencyIds.reduce((sum, id) => sum + template.competencyWeights[id], 0);
      expect(total, template.level).toBe(100);
    }
  });

  it("lists the stages in the agreed order", () => {
    for (const template of levelTemplates) {
      expect(template.stages.map((stage) => stage.id)).toEqual([...stageIds]);
    }
  });

  it("only uses existing questions that are offered at the template's level", () => {
    for (const template of levelTemplates) {
      for (const stage of template.stages) {
        for (const id of stage.questionIds) {
          const question = findQuestionById(id);
          expect(question, `${template.level}/${stage.id}: ${id}`).toBeDefined();
          expect(question?.levels, `${template.level}/${stage.id}: ${id}`).toContain(
            template.level,
          );
        }
      }
    }
  });

  it("fits every kit into its stage's duration", () => {
    for (const template of levelTemplates) {
      for (const stage of template.stages) {
        const kitMinutes = stage.questionIds.reduce(
          (sum, id) => sum + requireQuestion(id).suggestedMinutes,
          0,
        );
        expect(
          kitMinutes + stage.reservedMinutes,
          `${template.level}/${stage.id}`,
        ).toBeLessThanOrEqual(stage.durationMinutes);
      }
    }
  });

  it("never asks the same question twice in one level's plan", () => {
    for (const template of levelTemplates) {
      const ids = template.stages.flatMap((stage) => stage.questionIds);
      expect(new Set(ids).size, template.level).toBe(ids.length);
    }
  });

  it("backs each stage's listed competencies with its kit, and each kit question with a listed competency", () => {
    for (const template of levelTemplates) {
      for (const stage of template.stages) {
        if (stage.questionIds.length === 0) continue;
        const kit = stage.questionIds.map(requireQuestion);
        for (const competency of stage.competencies) {
          const covered = kit.some((question) => question.competencies.includes(competency));
          expect(covered, `${template.level}/${stage.id}: ${competency}`).toBe(true);
        }
        for (const question of kit) {
          const relevant = question.competencies.some((c) => stage.competencies.includes(c));
          expect(relevant, `${template.level}/${stage.id}: ${question.id}`).toBe(true);
        }
      }
    }
  });

  it("asks at least one kit question for every competency with weight above zero", () => {
    for (const template of levelTemplates) {
      const assessed = new Set<TCompetencyId>(
        template.stages.flatMap((stage) =>
          stage.questionIds.flatMap((id) => requireQuestion(id).competencies),
        ),
      );
      for (const competency of competencyIds) {
        if (template.competencyWeights[competency] > 0) {
          expect(assessed.has(competency), `${template.level}: ${competency}`).toBe(true);
        }
      }
    }
  });

  it("covers all four culture facets in every culture-fit kit", () => {
    for (const template of levelTemplates) {
      const stage = template.stages.find((candidate) => candidate.id === "culture-fit");
      const facets = new Set(
        (stage?.questionIds ?? []).flatMap((id) => requireQuestion(id).cultureFacets ?? []),
      );
      expect([...facets].sort(), template.level).toEqual([...cultureFacetIds].sort());
    }
  });
});

describe.skipIf(!existsSync(guidePath))("originality against the seed guide", () => {
  const guide = existsSync(guidePath) ? readFileSync(guidePath, "utf8") : "";
  const bankTexts = questionBank.flatMap(allTextOf).map((text) => normaliseWords(text).join(" "));
  const paddedBank = ` ${bankTexts.join(" | ")} `;

  it("contains no guide sentence of eight or more words verbatim", () => {
    const sentences = guide
      .split(/(?<=[.!?])\s+|\n+/)
      .map((sentence) => normaliseWords(sentence))
      .filter((words) => words.length >= 8);
    expect(sentences.length).toBeGreaterThan(50);
    const copied = sentences
      .map((words) => words.join(" "))
      .filter((sentence) => paddedBank.includes(` ${sentence} `));
    expect(copied).toEqual([]);
  });

  it("shares no run of eight consecutive words with the guide", () => {
    const windowOf = (words: string[], size: number): string[] =>
      words
        .slice(0, Math.max(0, words.length - size + 1))
        .map((_, index) => words.slice(index, index + size).join(" "));
    const guideWindows = new Set(windowOf(normaliseWords(guide), 8));
    const shared = bankTexts.flatMap((text) =>
      windowOf(text.split(" "), 8).filter((window) => guideWindows.has(window)),
    );
    expect(shared).toEqual([]);
  });
});
