import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testDatabaseKinds } from "../test-support/test-app.js";
import type { TTestContext } from "../test-support/test-app.js";
import { seedDemo } from "./seed-demo.js";

describe.each(testDatabaseKinds())("demo organisation on %s", (kind) => {
  let ctx: TTestContext;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
  });
  afterAll(async () => ctx.close());

  it("fills two roles with candidates across stages, decisions and scorecards, once", async () => {
    const first = await seedDemo(ctx.services);
    expect(first).toContain("Senior Django Engineer — Payments");
    expect(await seedDemo(ctx.services)).toContain("nothing changed");

    const admin = await ctx.services.usersRepo.findByEmail("admin@demo.shortlist.dev");
    const manager = await ctx.services.usersRepo.findByEmail("manager@demo.shortlist.dev");
    const interviewer2 = await ctx.services.usersRepo.findByEmail(
      "interviewer2@demo.shortlist.dev",
    );
    if (!admin || !manager || !interviewer2) throw new Error("demo users missing");
    const roles = await ctx.services.rolesService.listRoles(admin);
    expect(roles).toHaveLength(2);
    const counts = roles.map((r) => r.counts);
    expect(counts.reduce((sum, c) => sum + c.active + c.rejected + c.withdrawn + c.hired, 0)).toBe(
      12,
    );
    expect(counts.reduce((sum, c) => sum + c.hired, 0)).toBe(1);

    const managerDash = await ctx.services.dashboardService.getDashboard(manager);
    expect(managerDash.decisionsToMake.map((a) => a.candidate.name).sort()).toEqual([
      "Mei Lin",
      "Omar Haddad",
    ]);
    expect(managerDash.applicationsToScreen.map((a) => a.candidate.name).sort()).toEqual([
      "Kwame Asante",
      "Priya Raman",
      "Tomás Herrera",
    ]);
    const interviewerDash = await ctx.services.dashboardService.getDashboard(interviewer2);
    expect(interviewerDash.scorecardsToSubmit.map((i) => i.application.candidate.name)).toEqual([
      "Jonas Berg",
    ]);

    const sofia = (
      await ctx.services.applicationsService.listApplications(
        { limit: 50, offset: 0, status: "hired" },
        admin,
      )
    ).applications[0];
    if (!sofia) throw new Error("no hired application");
    const summary = await ctx.services.decisionsService.getDecisionSummary(sofia.id, manager);
    expect(summary.scorecards.length).toBe(5);
    expect(summary.tally.recommendations.strong_yes).toBeGreaterThan(0);
    expect(summary.tally.recommendations.no + summary.tally.recommendations.strong_no).toBe(0);
    expect(summary.decisions.map((d) => d.decision)).toEqual(["advance", "advance", "offer"]);
  });
});
