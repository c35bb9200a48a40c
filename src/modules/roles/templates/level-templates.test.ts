import { describe, expect, it } from "vitest";
import { competencies, competencyIds, cultureFacets, cultureFacetIds } from "./competencies.js";
import { loadPack } from "../../../grader/pack.js";
import {
  ZCompetencyWeights,
  ZLevelTemplate,
  levelTemplateByLevel,
  levelTemplates,
  proposedPackIds,
} from "./level-templates.js";

describe("competency catalogue", () => {
  it("describes every competency id exactly once, in catalogue order", () => {
    expect(competencies.map((competency) => competency.id)).toEqual([...competencyIds]);
    expect(cultureFacets.map((facet) => facet.id)).toEqual([...cultureFacetIds]);
  });
});

describe("level template schema", () => {
  const mid = levelTemplateByLevel.mid;

  it("rejects weights that do not add up to 100", () => {
    const weights = { ...mid.competencyWeights, testing: mid.competencyWeights.testing + 1 };
    expect(ZCompetencyWeights.safeParse(weights).success).toBe(false);
  });

  it("rejects weights with a competency missing", () => {
    const weights = Object.fromEntries(
      Object.entries(mid.competencyWeights).filter(([id]) => id !== "testing"),
    );
    expect(ZCompetencyWeights.safeParse(weights).success).toBe(false);
  });

  it("rejects stages out of order", () => {
    const stages = [...mid.stages].reverse();
    expect(ZLevelTemplate.safeParse({ ...mid, stages }).success).toBe(false);
  });

  it("rejects a stage whose reserved time exceeds its duration", () => {
    const stages = mid.stages.map((stage) =>
      stage.id === "technical-screen"
        ? { ...stage, reservedMinutes: stage.durationMinutes + 1 }
        : stage,
    );
    expect(ZLevelTemplate.safeParse({ ...mid, stages }).success).toBe(false);
  });
});

describe("packs proposed by the plan", () => {
  const mid = levelTemplateByLevel.mid;

  it("grows with the level: junior builds, fixes and tests; mid adds a slow query; senior a design", () => {
    expect([...proposedPackIds("junior")].sort()).toEqual(["debug", "rest-api", "unit-tests"]);
    expect([...proposedPackIds("mid")].sort()).toEqual([
      "debug",
      "rest-api",
      "slow-query",
      "unit-tests",
    ]);
    expect(proposedPackIds("senior")[0]).toBe("architecture");
    expect([...proposedPackIds("senior")].sort()).toEqual(
      [...proposedPackIds("mid"), "architecture"].sort(),
    );
  });

  it("names only packs that exist and suit the level", async () => {
    for (const template of levelTemplates)
      for (const id of proposedPackIds(template.level)) {
        const pack = await loadPack(id);
        expect([id, pack.manifest.levels.includes(template.level)]).toEqual([id, true]);
      }
  });

  it("refuses packs on any stage but the practical assessment", () => {
    const stages = mid.stages.map((stage) =>
      stage.id === "technical-screen" ? { ...stage, packIds: ["debug"] } : stage,
    );
    expect(ZLevelTemplate.safeParse({ ...mid, stages }).success).toBe(false);
  });
});
