import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BASE_COMPETENCY,
  buildAnalyticsWorld,
  QUESTION_VECTOR,
} from "../../test-support/analytics-world.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import type {
  TCalibrationResponse,
  TProcessAnalyticsResponse,
  TQuestionQualityResponse,
  TReliabilityResponse,
} from "./analytics.schema.js";
import { itemRestCorrelations } from "./statistics/item-analysis.js";
import { krippendorffAlpha, unitsFromReliabilityData } from "./statistics/krippendorff-alpha.js";
import { leniencyFromSums, leniencySums } from "./statistics/leniency.js";

describe.each(testDatabaseKinds())("analytics API on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  let built: Awaited<ReturnType<typeof buildAnalyticsWorld>>;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
    built = await buildAnalyticsWorld(w, ctx.services.demoHistoryRepo);
  }, 300_000); // Builds two teams and twelve scorecards through the API; slow on a busy machine.
  afterAll(async () => ctx.close());

  const roleQuery = () => `roleId=${w.role.id}`;
  async function get<T>(path: string, agent = w.admin) {
    return expectStatus(await agent.get(path), 200).json<T>();
  }

  it("counts the funnel from the stage history: the rejected candidate still reached the screen", async () => {
    const body = await get<TProcessAnalyticsResponse>(`/api/analytics/process?${roleQuery()}`);
    const screen = body.stages.find((s) => s.kind === "technical-screen");
    const practical = body.stages.find((s) => s.kind === "practical-assessment");
    // Six built candidates and the hiring world's own; two moved on, one was rejected.
    expect(screen).toMatchObject({ reached: 7, passed: 2, stillIn: 4, finishedVisits: 3 });
    expect(screen?.passThrough).toBeCloseTo(2 / 7, 10);
    expect(practical).toMatchObject({ reached: 2, passed: 0, stillIn: 2 });
    expect(screen?.medianHours).not.toBeNull();
    expect(screen?.oldestWaiting.length).toBe(4);
    expect(body.stages.map((s) => s.kind).slice(0, 2)).toEqual([
      "resume-screen",
      "technical-screen",
    ]);
    expect(body.totals.applications).toBe(7);
    expect(body.scorecards.submitted).toBe(12);
    expect(body.scope.roles.map((r) => r.id)).toContain(w.otherTeam.role.id);
  });

  it("flags the interviewer who rates a point above the panel, with the clustered interval", async () => {
    const body = await get<TCalibrationResponse>(`/api/analytics/calibration?${roleQuery()}`);
    const k = built.competencies.length;
    const expected = (sign: 1 | -1) =>
      leniencyFromSums(
        leniencySums(
          built.competencyRows.a.flatMap((a, i) =>
            Array.from({ length: k }, () => ({
              candidate: String(i),
              d: sign * (a - (built.competencyRows.b[i] ?? 0)),
            })),
          ),
        ),
      );
    const a = body.interviewers.find((i) => i.interviewerId === w.interviewerA.userId);
    const b = body.interviewers.find((i) => i.interviewerId === w.interviewerB.userId);
    const lenient = expected(1);
    expect(a?.scorecards).toBe(6);
    expect(a?.leniency.n).toBe(6 * k);
    expect(a?.leniency.mean).toBeCloseTo(5 / 6, 10);
    expect(a?.leniency.low).toBeCloseTo(lenient.low ?? Number.NaN, 10);
    expect(a?.leniency.shrunk).toBeCloseTo(lenient.shrunk, 10);
    expect(a?.leniency).toMatchObject({ flagged: true, direction: "lenient" });
    expect(b?.leniency).toMatchObject({ flagged: true, direction: "severe" });
    expect(b?.leniency.mean).toBeCloseTo(-5 / 6, 10);
    expect(a?.recommendations.yes).toBe(BASE_COMPETENCY.filter((x) => x + 1 >= 3).length);
  });

  it("gives Krippendorff's alpha per competency and per stage as the unit-tested function does", async () => {
    const body = await get<TReliabilityResponse>(`/api/analytics/reliability?${roleQuery()}`);
    const rows = [built.competencyRows.a, built.competencyRows.b];
    const perCompetency = krippendorffAlpha(unitsFromReliabilityData(rows), "ordinal") ?? 0;
    expect(body.competencies.map((c) => c.key).sort()).toEqual([...built.competencies].sort());
    for (const row of body.competencies) {
      expect(row.alpha).toBeCloseTo(perCompetency, 10);
      expect(row.pairable).toBe(12);
      expect(row.units).toBe(6);
      expect(row.low ?? 2).toBeLessThanOrEqual(row.high ?? -1);
    }
    const k = built.competencies.length;
    const pooled = rows.map((r) => Array.from({ length: k }, () => r).flat());
    const stage = body.stages.find((s) => s.key === "technical-screen");
    expect(stage?.alpha).toBeCloseTo(
      krippendorffAlpha(unitsFromReliabilityData(pooled), "ordinal") ?? 0,
      10,
    );
    expect(stage?.pairable).toBe(12 * k);
    // Both raters give the same answers ratings: every question is perfectly reliable.
    expect(body.questions.every((q) => q.alpha === 1 && q.band === "reliable")).toBe(true);
  });

  it("reproduces the issue's item-rest correlations per question version", async () => {
    const body = await get<TQuestionQualityResponse>(`/api/analytics/questions?${roleQuery()}`);
    const kit = expectStatus(
      await w.interviewerA.agent.get(`/api/interviews/${w.interviewA}/kit`),
      200,
    ).json<{
      questions: { questionVersionId: string }[];
    }>();
    const expected = itemRestCorrelations(QUESTION_VECTOR.map((r) => [...r]));
    expect(expected.map((r) => Number(r?.toFixed(3)))).toEqual([0.946, 0.529, 0.693, -0.327]);
    for (const [j, question] of kit.questions.slice(0, 4).entries()) {
      const row = body.questions.find((q) => q.questionVersionId === question.questionVersionId);
      const column: number[] = QUESTION_VECTOR.map((r) => r[j] ?? 0);
      const mean = column.reduce((s, x) => s + x, 0) / 6;
      expect(row?.asked).toBe(6);
      expect(row?.mean).toBeCloseTo(mean, 10);
      expect(row?.difficulty).toBeCloseTo((mean - 1) / 3, 10);
      expect(row?.discrimination).toBeCloseTo(expected[j] ?? 0, 10);
      // Six candidates are too few to flag even the negative one.
      expect(row?.flagged).toBe(false);
    }
  });

  it("narrows a hiring manager to the roles they lead and refuses others' roles", async () => {
    const mine = await get<TProcessAnalyticsResponse>("/api/analytics/process", w.managerOn.agent);
    expect(mine.scope.roles.map((r) => r.id)).toEqual([w.role.id]);
    expect(mine.totals.applications).toBe(7);
    expectStatus(await w.otherTeam.manager.agent.get(`/api/analytics/process?${roleQuery()}`), 404);
    const theirs = await get<TProcessAnalyticsResponse>(
      "/api/analytics/process",
      w.otherTeam.manager.agent,
    );
    expect(theirs.totals.applications).toBe(1);
    for (const path of ["process", "calibration", "reliability", "questions"]) {
      expectStatus(await w.interviewerA.agent.get(`/api/analytics/${path}`), 403);
      expectStatus(await w.recruiterOn.agent.get(`/api/analytics/${path}`), 403);
    }
  });

  it("answers bad ranges with a 400 that names the field, and empty ranges with zeros", async () => {
    const reversed = expectStatus(
      await w.admin.get("/api/analytics/process?from=2026-05-01&to=2026-04-01"),
      400,
    ).json<{ error: { message: string } }>();
    expect(JSON.stringify(reversed)).toContain("from");
    expectStatus(await w.admin.get("/api/analytics/process?from=2020-01-01&to=2026-01-01"), 400);
    expectStatus(await w.admin.get("/api/analytics/process?from=yesterday"), 400);
    expectStatus(await w.admin.get("/api/analytics/calibration?roleId=not-a-role"), 400);
    const empty = await get<TProcessAnalyticsResponse>(
      "/api/analytics/process?from=2020-01-01&to=2020-12-31",
    );
    expect(empty.totals.applications).toBe(0);
    expect(empty.scorecards.submissionRate).toBeNull();
  });
});
