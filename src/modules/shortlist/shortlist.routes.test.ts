import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema/index.js";
import {
  referenceZip,
  sendRestApiAssessment,
  uploadTo,
} from "../../test-support/assessment-world.js";
import {
  referenceDesign,
  sendArchitectureAssessment,
  submitDesignReview,
  uploadDocumentTo,
} from "../../test-support/design-review-world.js";
import {
  completeScorecard,
  buildHiringWorld,
  expectStatus,
} from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import type { HttpAgent } from "../../test-support/http-agent.js";
import { errorOf } from "../../test-support/http-agent.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { parseCsv } from "../screening/csv-parse.js";
import { ZShortlistResponse } from "./shortlist.schema.js";
import type { TApplicationEvidenceResponse, TShortlistResponse } from "./shortlist.schema.js";
import { againstBar, assessmentToScale, shrinkEstimate } from "./shortlist-statistics.js";

type TKit = Parameters<typeof completeScorecard>[0];

describe.each(testDatabaseKinds())("shortlist over HTTP (%s)", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  let skipped: { applicationId: string };
  let assessmentId: string;

  async function submit(
    agent: HttpAgent,
    interviewId: string,
    rating: 1 | 2 | 3 | 4,
    rec: string,
    takeaways: string,
  ) {
    const kit = expectStatus(
      await agent.get(`/api/interviews/${interviewId}/kit`),
      200,
    ).json<TKit>();
    const saved = expectStatus(
      await agent.put(`/api/interviews/${interviewId}/scorecard/draft`, {
        revision: 0,
        ...completeScorecard(kit, rating, rec),
        keyTakeaways: takeaways,
      }),
      200,
    ).json<{ scorecard: { revision: number } }>().scorecard;
    expectStatus(
      await agent.post(`/api/interviews/${interviewId}/scorecard/submit`, {
        revision: saved.revision,
      }),
      200,
    );
    return kit;
  }

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
    // The main application: two raters 2 points apart, and a graded assessment flagged suspicious.
    await submit(
      w.interviewerA.agent,
      w.interviewA,
      4,
      "strong_yes",
      "Designs clean APIs and explains trade-offs.",
    );
    await submit(
      w.interviewerB.agent,
      w.interviewB,
      2,
      "no",
      "Struggled with query performance questions.",
    );
    const sent = await sendRestApiAssessment(w.recruiterOn.agent, w.main.applicationId);
    assessmentId = sent.assessmentId;
    expectStatus(await w.anonymous.post(`/api/portal/${sent.token}/start`), 200);
    expectStatus(
      await uploadTo(w.anonymous, sent.token, "solution.zip", await referenceZip()),
      201,
    );
    const read = expectStatus(
      await w.recruiterOn.agent.get(`/api/assessments/${sent.assessmentId}`),
      200,
    ).json<{
      assessment: { parts: { submissions: { latestGrading: { id: string } | null }[] }[] };
    }>();
    const gradingId = read.assessment.parts[0]?.submissions[0]?.latestGrading?.id ?? "";
    // What the grading job writes when the sandbox finishes (the matrix of tests runs no sandbox).
    await ctx.services.assessmentsRepo.finishGrading(gradingId, {
      status: "graded",
      score: 70,
      report: {
        packId: "rest-api",
        packVersion: 2,
        status: "graded",
        score: 70,
        groups: [
          {
            id: "auth",
            name: "Auth",
            passed: 4,
            blocked: 0,
            total: 4,
            weight: 15,
            competency: "security",
            checks: [],
          },
          {
            id: "isolation",
            name: "Isolation",
            passed: 1,
            blocked: 0,
            total: 4,
            weight: 20,
            competency: "security",
            checks: [],
          },
          {
            id: "crud",
            name: "CRUD",
            passed: 5,
            blocked: 0,
            total: 5,
            weight: 20,
            competency: "api-design-drf",
            checks: [],
          },
          {
            id: "validation",
            name: "Validation",
            passed: 0,
            blocked: 0,
            total: 5,
            weight: 15,
            competency: "api-design-drf",
            checks: [],
          },
        ],
        integrity: { verdict: "suspicious", findings: [] },
        timings: {},
      },
    });
    // Created straight into culture fit: every stage before it was skipped.
    skipped = await w.newApplication("culture-fit");
  }, 180_000);
  afterAll(async () => ctx.close());

  // The route is written by fast-json-stringify, which does not check ranges and lengths while it
  // answers (http/fast-serializer.ts): every answer read here is checked against the schema.
  const shortlistOf = async (agent: HttpAgent, query = "") =>
    ZShortlistResponse.parse(
      expectStatus(await agent.get(`/api/roles/${w.role.id}/shortlist${query}`), 200).json(),
    );

  it("combines the raters and the assessment per competency, with the default variances", async () => {
    const body = await shortlistOf(w.managerOn.agent);
    expect(body.rows.map((r) => r.applicationId).sort()).toEqual(
      [w.main.applicationId, skipped.applicationId].sort(),
    );
    expect(body.variances).toMatchObject({ source: "default", tau2: 0.3, sigma2: 0.5 });
    const main = body.rows.find((r) => r.applicationId === w.main.applicationId);
    if (!main) throw new Error("no main row");
    expect(main.stages).toEqual([
      {
        stageId: w.stage("technical-screen").id,
        recommendations: expect.arrayContaining([
          { raterId: w.interviewerA.userId, recommendation: "strong_yes" },
          { raterId: w.interviewerB.userId, recommendation: "no" },
        ]) as unknown,
      },
    ]);
    // security: auth 4/4 (weight 15) and isolation 1/4 (weight 20) → 57.1 → 1 + 3·0.571.
    const security = main.competencies.find((c) => c.competencyId === "security");
    expect(security?.assessmentRatings).toEqual([
      { assessmentId, packId: "rest-api", score: 57.1, rating: assessmentToScale(57.1) },
    ]);
    const rated = main.competencies.filter((c) => c.raterRatings.length > 0);
    expect(rated.length).toBeGreaterThan(0);
    for (const c of rated) {
      expect(c.raterRatings.map((r) => r.rating).sort()).toEqual([2, 4]);
      const ratings = [
        ...c.raterRatings.map((r) => r.rating),
        ...c.assessmentRatings.map((a) => a.rating),
      ];
      const x = ratings.reduce((s, r) => s + r, 0) / ratings.length;
      const expected = shrinkEstimate(x, ratings.length, body.variances);
      expect(c.n).toBe(ratings.length);
      expect(c.estimate).toBeCloseTo(expected.theta, 10);
      expect(c.sd).toBeCloseTo(expected.sd, 10);
    }
    // The composite: the role's weights over the competencies with evidence, renormalized.
    const withEvidence = main.competencies.filter((c) => c.estimate !== null && c.weight > 0);
    const weight = withEvidence.reduce((s, c) => s + c.weight, 0);
    const theta = withEvidence.reduce((s, c) => s + c.weight * (c.estimate ?? 0), 0) / weight;
    const sd =
      Math.sqrt(withEvidence.reduce((s, c) => s + (c.weight * (c.sd ?? 0)) ** 2, 0)) / weight;
    expect(main.composite?.estimate).toBeCloseTo(theta, 10);
    expect(main.composite?.sd).toBeCloseTo(sd, 10);
    expect(main.composite?.pAbove).toBeCloseTo(againstBar(theta, sd, 3).pAbove, 10);
    expect(main.coverage).toBeCloseTo(weight / 100, 10);
    expect(main.integrity).toBe("suspicious");
    const kinds = main.flags.map((f) => f.kind);
    expect(kinds).toContain("rater-disagreement");
    expect(kinds).toContain("integrity");
    expect(kinds).toContain("missing-evidence");
    // The world creates it straight into the technical screen: the résumé screen was skipped.
    expect(main.flags.filter((f) => f.kind === "stage-skipped").map((f) => f.stageId)).toEqual([
      w.stage("resume-screen").id,
    ]);
    expect(body.people).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: w.interviewerA.userId })]) as unknown,
    );
    expect(body.notes.join(" ")).toMatch(/independent/);
  });

  it("flags skipped stages and has no composite without evidence; sorts those last", async () => {
    for (const sort of ["composite", "lower", "pAbove"]) {
      const body = await shortlistOf(w.managerOn.agent, `?sort=${sort}`);
      expect(body.sort).toBe(sort);
      expect(body.rows.at(-1)?.applicationId).toBe(skipped.applicationId);
    }
    const body = await shortlistOf(w.managerOn.agent);
    const row = body.rows.find((r) => r.applicationId === skipped.applicationId);
    expect(row?.composite).toBeNull();
    expect(row?.coverage).toBe(0);
    const skippedStages = row?.flags
      .filter((f) => f.kind === "stage-skipped")
      .map((f) => f.stageId);
    const before = w.role.stages.slice(
      0,
      w.role.stages.findIndex((s) => s.kind === "culture-fit"),
    );
    expect(skippedStages?.sort()).toEqual(before.map((s) => s.id).sort());
  });

  it("filters by stage and status, and names a bad filter", async () => {
    const culture = w.stage("culture-fit").id;
    const filtered = await shortlistOf(w.managerOn.agent, `?stage=${culture}`);
    expect(filtered.rows.map((r) => r.applicationId)).toEqual([skipped.applicationId]);
    expect((await shortlistOf(w.managerOn.agent, "?status=hired")).rows).toEqual([]);
    const foreign = await w.managerOn.agent.get(
      `/api/roles/${w.role.id}/shortlist?stage=${w.otherTeam.role.stages[0]?.id ?? ""}`,
    );
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).fields).toEqual([
      { field: "stage", message: "is not a stage of this role" },
    ]);
    const sort = await w.managerOn.agent.get(`/api/roles/${w.role.id}/shortlist?sort=best`);
    expect(sort.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(sort))).toMatch(/sort/);
  });

  it("counts only scorecards the caller may read", async () => {
    const body = await shortlistOf(w.recruiterOn.agent);
    const main = body.rows.find((r) => r.applicationId === w.main.applicationId);
    expect(main?.withheldScorecards).toBe(2);
    expect(main?.stages).toEqual([]);
    expect(main?.competencies.flatMap((c) => c.raterRatings)).toEqual([]);
    expect(body.people).toEqual([]);
    expect(body.notes.join(" ")).toMatch(/not yours to read/);
    // The assessment still counts: it is the pipeline's own evidence.
    expect(main?.competencies.find((c) => c.competencyId === "security")?.n).toBe(1);
    const evidence = expectStatus(
      await w.recruiterOn.agent.get(`/api/applications/${w.main.applicationId}/evidence`),
      200,
    ).json<TApplicationEvidenceResponse>();
    expect(JSON.stringify(evidence)).not.toMatch(/Designs clean APIs/);
  });

  it("explains one application: sources with their key takeaways and contributions", async () => {
    const evidence = expectStatus(
      await w.managerOn.agent.get(`/api/applications/${w.main.applicationId}/evidence`),
      200,
    ).json<TApplicationEvidenceResponse>();
    const shortlist = await shortlistOf(w.managerOn.agent);
    const row = shortlist.rows.find((r) => r.applicationId === w.main.applicationId);
    expect(evidence.summary.composite).toEqual(row?.composite);
    expect(evidence.summary.flags).toEqual(row?.flags);
    const rated = evidence.competencies.find((c) => c.sources.some((s) => s.kind === "rater"));
    const fromA = rated?.sources.find((s) => s.rater?.id === w.interviewerA.userId);
    expect(fromA).toMatchObject({ kind: "rater", rating: 4, basis: "explicit" });
    // Each rater's takeaways once, beside the sources, however many competencies they rated.
    const texts = evidence.takeaways.map((t) => t.text);
    expect(texts.filter((t) => t === "Designs clean APIs and explains trade-offs.")).toHaveLength(
      1,
    );
    expect(evidence.takeaways).toContainEqual({
      raterId: w.interviewerA.userId,
      stageId: w.stage("technical-screen").id,
      text: "Designs clean APIs and explains trade-offs.",
    });
    expect(JSON.stringify(evidence.competencies)).not.toMatch(/Designs clean APIs/);
    const total = evidence.competencies.reduce((s, c) => s + c.contribution, 0);
    expect(total).toBeCloseTo(evidence.summary.composite?.estimate ?? NaN, 10);
    expect(evidence.competencies.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 10);
  });

  it("keeps a bar on the role, editable between 1 and 4, and measures against it", async () => {
    const before = await shortlistOf(w.managerOn.agent);
    expect(before.role.bar).toBe(3);
    const updated = expectStatus(
      await w.managerOn.agent.patch(`/api/roles/${w.role.id}`, { bar: 2 }),
      200,
    ).json<{
      role: { bar: number };
    }>();
    expect(updated.role.bar).toBe(2);
    const after = await shortlistOf(w.managerOn.agent);
    const p = (b: TShortlistResponse) =>
      b.rows.find((r) => r.applicationId === w.main.applicationId)?.composite?.pAbove ?? NaN;
    expect(p(after)).toBeGreaterThan(p(before));
    const bad = await w.managerOn.agent.patch(`/api/roles/${w.role.id}`, { bar: 4.5 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(bad))).toMatch(/bar/);
    expectStatus(await w.managerOn.agent.patch(`/api/roles/${w.role.id}`, { bar: 3 }), 200);
  });

  it("exports the shortlist as CSV in the same order, audited", async () => {
    const response = expectStatus(
      await w.managerOn.agent.get(`/api/roles/${w.role.id}/shortlist.csv?sort=lower`),
      200,
    );
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toMatch(
      /attachment; filename="shortlist-.*\.csv"/,
    );
    const [header, ...records] = parseCsv(response.body.replace(/^\uFEFF/, ""));
    const json = await shortlistOf(w.managerOn.agent, "?sort=lower");
    expect(records).toHaveLength(json.rows.length);
    const col = (name: string) => header?.cells.indexOf(name) ?? -1;
    expect(records.map((r) => r.cells[col("candidate")])).toEqual(
      json.rows.map((r) => r.candidate.name),
    );
    expect(Number(records[0]?.cells[col("composite")])).toBeCloseTo(
      json.rows[0]?.composite?.estimate ?? NaN,
      2,
    );
    const audited = await ctx.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "shortlist.exported"));
    expect(audited.length).toBeGreaterThan(0);
  });

  it("renders the candidate packet PDF with what the caller may read, under 3 s, audited", async () => {
    // The first packet of a process also loads and parses the fonts; the 3 s is for every packet
    // after it (bench/shortlist.bench.ts measures the p95), so one is rendered before timing.
    expectStatus(
      await w.managerOn.agent.get(`/api/applications/${w.main.applicationId}/packet.pdf`),
      200,
    );
    const started = performance.now();
    const response = expectStatus(
      await w.managerOn.agent.get(`/api/applications/${w.main.applicationId}/packet.pdf`),
      200,
    );
    expect(performance.now() - started).toBeLessThan(3000);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const text = async (bytes: Buffer) =>
      (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;
    const managerText = await text(response.rawPayload);
    expect(managerText).toMatch(/Candidate 1/);
    expect(managerText).toMatch(/Composite/);
    expect(managerText).toMatch(/80% band/);
    expect(managerText).toMatch(/Designs clean APIs/);
    expect(managerText).toMatch(/Integrity check: suspicious/);
    const recruiter = expectStatus(
      await w.recruiterOn.agent.get(`/api/applications/${w.main.applicationId}/packet.pdf`),
      200,
    );
    const recruiterText = await text(recruiter.rawPayload);
    expect(recruiterText).toMatch(/Candidate 1/);
    expect(recruiterText).not.toMatch(/Designs clean APIs/);
    const audited = await ctx.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "application.packet_exported"));
    expect(audited.map((a) => a.entityId)).toContain(w.main.applicationId);
  });

  it("prints names in Latin, Greek and Cyrillic scripts in the packet, not question marks", async () => {
    const { candidateId, applicationId } = await w.newApplication("technical-screen");
    for (const name of ["Zoë Ødegård", "Łukasz Wąsowski", "Дмитрий Шостакович", "Ελένη Παππά"]) {
      expectStatus(
        await w.recruiterOn.agent.patch(`/api/candidates/${candidateId}`, { name }),
        200,
      );
      const response = expectStatus(
        await w.managerOn.agent.get(`/api/applications/${applicationId}/packet.pdf`),
        200,
      );
      const pdf = await getDocumentProxy(new Uint8Array(response.rawPayload));
      const { text } = await extractText(pdf, { mergePages: true });
      expect(text).toContain(name);
      expect((await pdf.getMetadata()).info).toMatchObject({ Title: `Candidate packet: ${name}` });
    }
  });

  it("counts a submitted design review in the composite, the breakdown, the CSV and the PDF", async () => {
    const rowOf = (b: TShortlistResponse) =>
      b.rows.find((r) => r.applicationId === w.main.applicationId);
    const before = rowOf(await shortlistOf(w.managerOn.agent));
    const sent = await sendArchitectureAssessment(
      w.recruiterOn.agent,
      w.anonymous,
      w.main.applicationId,
    );
    expectStatus(
      await uploadDocumentTo(w.anonymous, sent, "DESIGN.md", Buffer.from(await referenceDesign())),
      201,
    );
    // A draft counts for nothing; only the submitted review does.
    expectStatus(
      await w.interviewerA.agent.put(`${sent.review}/draft`, {
        revision: 0,
        summary: "",
        scores: [],
      }),
      200,
    );
    expect(rowOf(await shortlistOf(w.managerOn.agent))?.composite).toEqual(before?.composite);
    await submitDesignReview(w.managerOn.agent, sent, 4);

    const body = await shortlistOf(w.managerOn.agent);
    const after = rowOf(body);
    for (const id of ["scalability-production", "databases-performance", "security"] as const) {
      const was = before?.competencies.find((c) => c.competencyId === id);
      const now = after?.competencies.find((c) => c.competencyId === id);
      // One source per competency, however many rubric dimensions map to it.
      expect(now?.n).toBe((was?.n ?? 0) + 1);
      expect(now?.reviewRatings).toEqual([
        {
          reviewerId: w.managerOn.userId,
          assessmentId: sent.assessmentId,
          packId: "architecture",
          rating: 4,
        },
      ]);
    }
    expect(after?.composite?.estimate).toBeGreaterThan(before?.composite?.estimate ?? Infinity);
    expect(body.people).toContainEqual({
      id: w.managerOn.userId,
      name: expect.any(String) as unknown,
    });

    const evidence = expectStatus(
      await w.managerOn.agent.get(`/api/applications/${w.main.applicationId}/evidence`),
      200,
    ).json<TApplicationEvidenceResponse>();
    expect(evidence.summary.composite).toEqual(after?.composite);
    const security = evidence.competencies.find((c) => c.competencyId === "security");
    expect(security?.sources.find((x) => x.kind === "design-review")).toMatchObject({
      rater: { id: w.managerOn.userId },
      assessment: { id: sent.assessmentId, packId: "architecture" },
      rating: 4,
      basis: "design-review",
    });

    const csv = expectStatus(
      await w.managerOn.agent.get(`/api/roles/${w.role.id}/shortlist.csv`),
      200,
    );
    const [header, ...records] = parseCsv(csv.body.replace(/^\uFEFF/, ""));
    const col = (name: string) => header?.cells.indexOf(name) ?? -1;
    const mainRecord = records.find((r) => r.cells[col("candidate")] === "Candidate 1");
    expect(mainRecord?.cells[col("design_reviewers")]).toBe("1");
    expect(Number(mainRecord?.cells[col("composite")])).toBeCloseTo(
      after?.composite?.estimate ?? NaN,
      2,
    );

    const pdf = expectStatus(
      await w.managerOn.agent.get(`/api/applications/${w.main.applicationId}/packet.pdf`),
      200,
    );
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    expect(text.replace(/\s+/g, " ")).toMatch(
      /Design review by .+ counts towards: .*Security 4\.00/,
    );

    // A recruiter reads no one's design review, so it is left out of their numbers.
    const recruiterRow = rowOf(await shortlistOf(w.recruiterOn.agent));
    expect(recruiterRow?.competencies.flatMap((c) => c.reviewRatings)).toEqual([]);
  });

  it("offers the view adjusted for leniency to hiring managers: the lenient rater's candidate drops", async () => {
    // Interviewer A rated the main candidate 4 where B rated 2: A is the lenient one. A alone
    // rates a second candidate 3.
    const solo = await w.newApplication("technical-screen");
    const [interview] = await w.schedule(solo.applicationId, "technical-screen", [
      w.interviewerA.userId,
    ]);
    await submit(
      w.interviewerA.agent,
      interview?.id ?? "",
      3,
      "yes",
      "Careful and thorough answers.",
    );

    const raw = await shortlistOf(w.managerOn.agent);
    const adjusted = await shortlistOf(w.managerOn.agent, "?adjust=leniency");
    expect(raw.view).toBe("none");
    expect(raw.leniency).toEqual([]);
    expect(adjusted.view).toBe("leniency");
    expect(adjusted.notes.join(" ")).toMatch(/Leniency view/);
    const offsetOf = (id: string) => adjusted.leniency.find((l) => l.raterId === id);
    const a = offsetOf(w.interviewerA.userId);
    const b = offsetOf(w.interviewerB.userId);
    // Every comparison of A is +2 and of B −2, so the shrunk estimates are ±2·n/(n + 10).
    expect(a?.offset).toBeCloseTo((2 * (a?.comparisons ?? 0)) / ((a?.comparisons ?? 0) + 10), 10);
    expect(b?.offset).toBeCloseTo((-2 * (b?.comparisons ?? 0)) / ((b?.comparisons ?? 0) + 10), 10);
    expect(b?.offset).toBeLessThan(0);
    const soloOf = (r: TShortlistResponse) =>
      r.rows.find((x) => x.applicationId === solo.applicationId);
    const rawRatings = soloOf(raw)?.competencies.flatMap((c) => c.raterRatings) ?? [];
    const adjustedRatings = soloOf(adjusted)?.competencies.flatMap((c) => c.raterRatings) ?? [];
    expect(rawRatings.length).toBeGreaterThan(0);
    adjustedRatings.forEach((r, i) =>
      expect(r.rating).toBeCloseTo(
        Math.max(1, (rawRatings[i]?.rating ?? NaN) - (a?.offset ?? NaN)),
        10,
      ),
    );
    expect(soloOf(adjusted)?.composite?.estimate).toBeLessThan(
      soloOf(raw)?.composite?.estimate ?? -Infinity,
    );

    // Only those who see the calibration get the view; an interviewer sees no shortlist at all.
    const recruiter = await w.recruiterOn.agent.get(
      `/api/roles/${w.role.id}/shortlist?adjust=leniency`,
    );
    expect(recruiter.statusCode).toBe(403);
    expect(JSON.stringify(errorOf(recruiter))).toMatch(/hiring managers and admins/);
    expectStatus(await w.recruiterOn.agent.get(`/api/roles/${w.role.id}/shortlist`), 200);
    expect(
      (await w.interviewerA.agent.get(`/api/roles/${w.role.id}/shortlist?adjust=leniency`))
        .statusCode,
    ).toBe(403);
    expect(
      (await w.admin.get(`/api/roles/${w.role.id}/shortlist?adjust=leniency`)).statusCode,
    ).toBe(200);
    expect(
      (await w.managerOn.agent.get(`/api/roles/${w.role.id}/shortlist?adjust=lenient`)).statusCode,
    ).toBe(400);
  });
});
