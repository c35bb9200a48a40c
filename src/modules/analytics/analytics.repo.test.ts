import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHiringWorld } from "../../test-support/hiring-world.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { createAnalyticsRepo } from "./analytics.repo.js";

describe.each(testDatabaseKinds())("analytics repository SQL on %s", (kind) => {
  let ctx: TTestContext;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  it("runs every aggregate on a real database and counts the world's applications", async () => {
    const repo = createAnalyticsRepo(ctx.handle.db);
    const filter = { roleIds: "all" as const, from: new Date(0), to: new Date(Date.now() + 864e5) };
    const funnel = await repo.stageFunnel(filter);
    expect(funnel.some((s) => s.reached > 0)).toBe(true);
    await repo.timeInStage(filter);
    expect((await repo.totals(filter)).applications).toBeGreaterThan(0);
    await repo.oldestWaiting(filter, 3);
    await repo.scorecardTimeliness(filter, new Date());
    await repo.interviewerCalibration(filter);
    const levels = await repo.reliabilityPatterns(filter);
    expect(Object.keys(levels).sort()).toEqual(["competency", "question", "stage"]);
    await repo.questionQuality(filter);
    expect(await repo.stageFunnel({ ...filter, roleIds: [] })).toEqual([]);
  });
});
