import { describe, expect, it } from "vitest";
import type { TViewerScope } from "../access/viewer-scope.js";
import type { TFairnessFilter, TGroupCountRow, TStageGroupCountRow } from "./fairness.repo.js";
import { createFairnessService } from "./fairness.service.js";

const viewer = { id: "u-1", role: "hiring_manager" as const, name: "Hana" };

/** Fakes of the service's narrow dependencies, recording the filters the repository was given. */
function fakes(options: {
  scope?: Partial<TViewerScope>;
  stages?: TStageGroupCountRow[];
  overall?: TGroupCountRow[];
}) {
  const filters: (TFairnessFilter & { by?: string })[] = [];
  const scope: TViewerScope = {
    userId: viewer.id,
    isAdmin: false,
    teamRoleByRole: new Map(),
    assignedApplicationIds: new Set(),
    assignedRoleIds: new Set(),
    ...options.scope,
  };
  const service = createFairnessService({
    fairnessRepo: {
      findAnswers: () => Promise.resolve(undefined),
      saveAnswers: () => Promise.reject(new Error("not in this test")),
      deleteAnswers: () => Promise.resolve(0),
      stageCounts: (filter) => {
        filters.push(filter);
        return Promise.resolve(options.stages ?? []);
      },
      overallCounts: (filter) => {
        filters.push(filter);
        return Promise.resolve(options.overall ?? []);
      },
    },
    portal: { candidateOf: () => Promise.resolve({ candidateId: "c-1" }) },
    viewerScopeRepo: { loadScope: () => Promise.resolve(scope) },
  });
  return { service, filters };
}

const row = (
  key: string,
  position: number,
  value: string,
  size: number,
  selected: number,
): TStageGroupCountRow => ({ key, name: key, position, category: "sex", value, size, selected });
const now = new Date("2026-06-30T12:00:00Z");

describe("fairness report service", () => {
  it("counts a hiring manager's led roles only, pooled by stage kind in plan order", async () => {
    const { service, filters } = fakes({
      scope: {
        teamRoleByRole: new Map([
          ["r-led", "hiring_manager"],
          ["r-recruits", "recruiter"],
        ]),
      },
      stages: [row("technical-screen", 2, "female", 6, 3), row("resume-screen", 1, "female", 9, 6)],
    });
    const report = await service.getReport({ query: {}, viewer, now });
    expect(filters.map((f) => f.roleIds)).toEqual([["r-led"], ["r-led"]]);
    expect(filters[0]?.by).toBe("kind");
    expect(report.stages.map((s) => s.key)).toEqual(["resume-screen", "technical-screen"]);
    // The default range is the year before today; `to` includes its whole day.
    expect(report.from).toBe("2025-06-30");
    expect(filters[0]?.to.toISOString()).toBe("2026-07-01T00:00:00.000Z");
  });

  it("shows a group under 2% without a ratio and drops groups under 5, counting them", async () => {
    const { service } = fakes({
      scope: { isAdmin: true },
      overall: [
        { category: "sex", value: "female", size: 200, selected: 60 },
        { category: "sex", value: "male", size: 300, selected: 60 },
        { category: "sex", value: "another", size: 6, selected: 1 },
        { category: "disability", value: "yes", size: 4, selected: 4 },
      ],
    });
    const report = await service.getReport({ query: {}, viewer, now });
    const sex = report.overall.find((c) => c.category === "sex");
    expect(sex?.groups.map((g) => [g.group, g.rated, g.impactRatio])).toEqual([
      ["female", true, null],
      ["male", true, expect.closeTo(0.2 / 0.3, 10)],
      ["another", false, null],
    ]);
    expect(report.overall.find((c) => c.category === "disability")).toEqual({
      category: "disability",
      groups: [],
      suppressedGroups: 1,
    });
  });

  it("answers 404 for a role the manager cannot see and 403 for one they do not lead", async () => {
    const { service } = fakes({ scope: { teamRoleByRole: new Map([["r-1", "interviewer"]]) } });
    const unseen = "00000000-0000-4000-8000-000000000001";
    await expect(
      service.getReport({ query: { roleId: unseen }, viewer, now }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      service.getReport({ query: { roleId: "r-1" }, viewer, now }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
