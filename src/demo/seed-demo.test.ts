import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testDatabaseKinds } from "../test-support/test-app.js";
import type { TTestContext } from "../test-support/test-app.js";
import { LENIENCY_LAMBDA } from "../modules/analytics/statistics/leniency.js";
import { HISTORY_ROLE_TITLE, LENIENT_INTERVIEWER } from "./demo-history.js";
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
    const allRoles = (await ctx.services.rolesService.listRoles(admin, { limit: 100 })).roles;
    expect(allRoles).toHaveLength(3);
    const counts = allRoles.map((r) => r.counts);
    expect(counts.reduce((sum, c) => sum + c.active + c.rejected + c.withdrawn + c.hired, 0)).toBe(
      24 + 16,
    );
    // The shortlist demo is on the two current roles; the third holds analytics history.
    const roles = allRoles.filter((r) => r.title !== HISTORY_ROLE_TITLE);
    expect(counts.reduce((sum, c) => sum + c.hired, 0)).toBe(1);

    const managerDash = await ctx.services.dashboardService.getDashboard(manager);
    expect(managerDash.decisionsToMake.map((a) => a.candidate.name)).toEqual(
      expect.arrayContaining(["Mei Lin", "Omar Haddad", "Ravi Patel", "Ben Carter"]),
    );
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

    // The shortlist has something real to show on each role: 8+ candidates with 2–3 raters,
    // raters who disagree, missing evidence, and practical assessments handed in for grading.
    for (const role of roles) {
      const shortlist = await ctx.services.shortlistService.getShortlist({
        roleId: role.id,
        query: { sort: "composite", status: "active", limit: 100, offset: 0, adjust: "none" },
        viewer: manager,
      });
      const paneled = shortlist.rows.filter((r) =>
        r.stages.some((st) => st.recommendations.length >= 2 && st.recommendations.length <= 3),
      );
      expect(paneled.length).toBeGreaterThanOrEqual(8);
      const kinds = shortlist.rows.flatMap((r) => r.flags.map((f) => f.kind));
      expect(kinds).toContain("rater-disagreement");
      expect(kinds).toContain("missing-evidence");
      expect(shortlist.rows.filter((r) => r.composite !== null).length).toBeGreaterThanOrEqual(8);
      const practical = role.stages.find((st) => st.kind === "practical-assessment");
      const inPractical = shortlist.rows.filter((r) => r.stageId === practical?.id);
      expect(inPractical.length).toBeGreaterThanOrEqual(2);
      for (const row of inPractical) {
        const { assessments } = await ctx.services.assessmentsService.listForApplication(
          row.applicationId,
          manager,
        );
        expect(assessments[0]?.parts[0]?.submissions.length).toBe(1);
      }
    }
  }, 300_000); // Seeds the whole demo (40 candidates, their scorecards and zips) twice.

  it("gives the fairness report groups to show and groups to suppress", async () => {
    const admin = await ctx.services.usersRepo.findByEmail("admin@demo.shortlist.dev");
    if (!admin) throw new Error("demo admin missing");
    const report = await ctx.services.fairnessService.getReport({ query: {}, viewer: admin });
    const sex = report.overall.find((c) => c.category === "sex");
    expect(sex?.groups.map((g) => g.group).sort()).toEqual(["female", "male"]);
    expect(sex?.suppressedGroups).toBeGreaterThan(0);
    const race = report.overall.find((c) => c.category === "raceEthnicity");
    expect(race?.groups.length).toBeGreaterThan(0);
    expect(race?.suppressedGroups).toBeGreaterThan(0);
  }, 300_000); // Seeds the whole demo (40 candidates, their scorecards and zips) twice.

  it("gives analytics months of history: the lenient interviewer and a weak question are flagged", async () => {
    const admin = await ctx.services.usersRepo.findByEmail("admin@demo.shortlist.dev");
    if (!admin) throw new Error("demo admin missing");
    const input = { query: {}, viewer: admin };
    const calibration = await ctx.services.analyticsService.getCalibration(input);
    const flagged = calibration.interviewers.filter((i) => i.leniency.flagged);
    expect(flagged.map((i) => [i.name, i.leniency.direction])).toContainEqual([
      LENIENT_INTERVIEWER,
      "lenient",
    ]);
    const process = await ctx.services.analyticsService.getProcess(input);
    const screen = process.stages.find((s) => s.kind === "technical-screen");
    expect(screen?.reached).toBeGreaterThanOrEqual(16);
    expect(screen?.medianHours ?? 0).toBeGreaterThan(24);
    const reliability = await ctx.services.analyticsService.getReliability(input);
    expect(reliability.competencies.filter((c) => c.alpha !== null).length).toBeGreaterThan(3);
    const questions = await ctx.services.analyticsService.getQuestionQuality(input);
    expect(questions.questions.filter((q) => q.flagged).map((q) => q.questionId)).toContain(
      "communication-explaining-trade-offs",
    );
  });
  // The numbers e2e/analytics.spec.ts reads on the page for the history role: the history is
  // spread relative to "now" with fixed gaps, and the ratings are fixed, so these are exact.
  it("pins the history role's analytics figures that the analytics page shows", async () => {
    const admin = await ctx.services.usersRepo.findByEmail("admin@demo.shortlist.dev");
    if (!admin) throw new Error("demo admin missing");
    const role = (await ctx.services.rolesService.listRoles(admin, { limit: 100 })).roles.find(
      (r) => r.title === HISTORY_ROLE_TITLE,
    );
    if (!role) throw new Error("history role missing");
    const input = { query: { roleId: role.id }, viewer: admin };
    const process = await ctx.services.analyticsService.getProcess(input);
    const screen = process.stages.find((s) => s.kind === "technical-screen");
    expect(screen).toMatchObject({ name: "Technical screen (call)", reached: 16, passed: 6 });
    // Five days and an hour (shown "5.0 days"), p75 six days and an hour ("6.0 days").
    expect(screen?.medianHours).toBeCloseTo(121, 6);
    expect(screen?.p75Hours).toBeCloseTo(145, 6);
    expect(process.totals.applications).toBe(16);

    const calibration = await ctx.services.analyticsService.getCalibration(input);
    const leo = calibration.interviewers.find((i) => i.name === LENIENT_INTERVIEWER);
    expect(leo?.scorecards).toBe(16);
    // 56 rating points above the rest of the panel over 64 comparisons.
    expect(leo?.leniency).toMatchObject({ n: 64, candidates: 16, mean: 0.875, flagged: true });
    expect(leo?.leniency.shrunk).toBeCloseTo((0.875 * 64) / (64 + LENIENCY_LAMBDA), 10);
    expect(leo?.leniency.low).toBeCloseTo(0.7975, 4);
    expect(leo?.leniency.high).toBeCloseTo(0.9525, 4);

    const reliability = await ctx.services.analyticsService.getReliability(input);
    const communication = reliability.competencies.find(
      (c) => c.label === "Communication and collaboration",
    );
    expect(communication?.alpha).toBeCloseTo(0.7041, 4);
    expect(communication).toMatchObject({ pairable: 48, band: "tentative" });

    const questions = await ctx.services.analyticsService.getQuestionQuality(input);
    const flagged = questions.questions.filter((q) => q.flagged);
    expect(flagged.map((q) => [q.title, q.asked])).toEqual([
      ["Explaining a trade-off to non-engineers", 16],
    ]);
    expect(flagged[0]?.discrimination).toBeCloseTo(-0.8189, 4);
  });
});
