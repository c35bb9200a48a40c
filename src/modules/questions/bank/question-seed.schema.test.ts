import { describe, expect, it } from "vitest";
import { findQuestionById } from "./question-bank.js";
import { ZQuestionSeed, type TQuestionSeed } from "./question-seed.schema.js";

function sampleQuestion(id: string): TQuestionSeed {
  const question = findQuestionById(id);
  if (question === undefined) throw new Error(`missing sample question ${id}`);
  return question;
}

describe("ZQuestionSeed", () => {
  const technical = sampleQuestion("python-deep-vs-shallow-copy");
  const culture = sampleQuestion("culture-production-mistake");

  it("accepts a well-formed question", () => {
    expect(ZQuestionSeed.safeParse(technical).success).toBe(true);
  });

  it("rejects per-level anchors for a level the question is not asked at", () => {
    const rubric = { ...technical.rubric, senior: technical.rubric.default };
    expect(ZQuestionSeed.safeParse({ ...technical, rubric }).success).toBe(false);
  });

  it("requires culture facets on culture-fit questions and forbids them elsewhere", () => {
    const withoutFacets = { ...culture, cultureFacets: undefined };
    expect(ZQuestionSeed.safeParse(withoutFacets).success).toBe(false);
    expect(ZQuestionSeed.safeParse({ ...technical, cultureFacets: ["ownership"] }).success).toBe(
      false,
    );
  });

  it("rejects ids that are not kebab-case and too few signals", () => {
    expect(ZQuestionSeed.safeParse({ ...technical, id: "Deep_Copy" }).success).toBe(false);
    expect(
      ZQuestionSeed.safeParse({ ...technical, signals: technical.signals.slice(0, 3) }).success,
    ).toBe(false);
  });

  it("rejects duplicate levels", () => {
    expect(ZQuestionSeed.safeParse({ ...technical, levels: ["junior", "junior"] }).success).toBe(
      false,
    );
  });
});
