import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendRestApiAssessment } from "../../test-support/assessment-world.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf } from "../../test-support/http-agent.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { unzip } from "../../test-support/zip-entries.js";
import { createFairnessRepo } from "./fairness.repo.js";
import type { TFairnessReportResponse, TSelfIdentificationAnswers } from "./fairness.schema.js";

const DISTINCT: TSelfIdentificationAnswers = {
  sex: "another",
  raceEthnicity: "native_hawaiian_or_pacific_islander",
  veteranStatus: "protected_veteran",
  disability: "yes",
};
// What would give the answers away in any response the hiring team reads.
const TELLTALE =
  /native_hawaiian|protected_veteran|selfIdentification|raceEthnicity|veteranStatus/i;

describe.each(testDatabaseKinds())("self-identification and adverse impact on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  let token = "";

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
    token = (await sendRestApiAssessment(w.recruiterOn.agent, w.main.applicationId)).token;
  });
  afterAll(async () => ctx.close());

  it("lets the candidate answer, change, and withdraw through their link; nothing is required", async () => {
    const url = `/api/portal/${token}/self-identification`;
    expect(expectStatus(await w.anonymous.get(url), 200).json()).toEqual({
      selfIdentification: null,
    });
    const partial = expectStatus(
      await w.anonymous.put(url, {
        sex: "prefer_not_to_say",
        raceEthnicity: null,
        veteranStatus: null,
        disability: null,
      }),
      200,
    ).json<{ selfIdentification: { sex: string; raceEthnicity: null } }>();
    expect(partial.selfIdentification).toMatchObject({
      sex: "prefer_not_to_say",
      raceEthnicity: null,
    });
    expectStatus(await w.anonymous.put(url, DISTINCT), 200);
    expect(expectStatus(await w.anonymous.get(url), 200).json()).toMatchObject({
      selfIdentification: DISTINCT,
    });
    expect(expectStatus(await w.anonymous.delete(url), 200).json()).toEqual({
      selfIdentification: null,
    });
    expect(await createFairnessRepo(ctx.handle.db).findAnswers(w.main.candidateId)).toBeUndefined();
  });

  it("refuses an answer outside the list, naming the question, and an unknown link", async () => {
    const bad = await w.anonymous.put(`/api/portal/${token}/self-identification`, {
      ...DISTINCT,
      sex: "robot",
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields?.map((f) => f.field)).toEqual(["sex"]);
    const unknown = await w.anonymous.get("/api/portal/not-a-real-token/self-identification");
    expect(unknown.statusCode).toBe(404);
  });

  it("never sends the answers on the candidate, application, shortlist, evidence, kit or portal", async () => {
    expectStatus(await w.anonymous.put(`/api/portal/${token}/self-identification`, DISTINCT), 200);
    const reads = [
      [w.admin, `/api/candidates/${w.main.candidateId}`],
      [w.admin, `/api/applications/${w.main.applicationId}`],
      [w.admin, `/api/applications?roleId=${w.role.id}`],
      [w.admin, `/api/roles/${w.role.id}/shortlist`],
      [w.admin, `/api/roles/${w.role.id}/shortlist.csv`],
      [w.admin, `/api/applications/${w.main.applicationId}/evidence`],
      [w.managerOn.agent, `/api/applications/${w.main.applicationId}`],
      [w.interviewerA.agent, `/api/interviews/${w.interviewA}/kit`],
      [w.interviewerA.agent, `/api/applications/${w.main.applicationId}`],
      [w.anonymous, `/api/portal/${token}`],
    ] as const;
    for (const [agent, url] of reads) {
      const response = await agent.get(url);
      expect(response.statusCode, url).toBeLessThan(300);
      expect(response.body, url).not.toMatch(TELLTALE);
    }
  });

  it("gives the candidate's own answers in their export and deletes them on erasure", async () => {
    const person = await w.newApplication();
    const sent = await sendRestApiAssessment(w.recruiterOn.agent, person.applicationId);
    expectStatus(
      await w.anonymous.put(`/api/portal/${sent.token}/self-identification`, DISTINCT),
      200,
    );
    const exported = expectStatus(
      await w.admin.get(`/api/candidates/${person.candidateId}/export`),
      200,
    );
    const document = JSON.parse(
      (await unzip(exported.rawPayload)).get("candidate.json")?.toString("utf8") ?? "{}",
    ) as { selfIdentification: TSelfIdentificationAnswers | null };
    expect(document.selfIdentification).toMatchObject(DISTINCT);

    const candidate = expectStatus(
      await w.admin.get(`/api/candidates/${person.candidateId}`),
      200,
    ).json<{ candidate: { name: string } }>().candidate;
    const erased = expectStatus(
      await w.admin.post(`/api/candidates/${person.candidateId}/erase`, {
        confirmName: candidate.name,
        reason: "The person asked us to delete their data.",
      }),
      200,
    ).json<{ removed: { selfIdentification: number } }>();
    expect(erased.removed.selfIdentification).toBe(1);
    expect(await createFairnessRepo(ctx.handle.db).findAnswers(person.candidateId)).toBeUndefined();
  });

  describe("the report", () => {
    const reportUrl = () => `/api/analytics/fairness?roleId=${w.role.id}`;

    beforeAll(async () => {
      // 10 women, 8 men and 3 of another sex enter the résumé screen; 6, 2 and 1 of them pass it;
      // 3 of the 6 women pass the technical screen. Everyone says "no" to disability and prefers
      // not to give race or ethnicity, so that category has no groups.
      const repo = createFairnessRepo(ctx.handle.db);
      const plan: { sex: "female" | "male" | "another"; passes: number }[] = [
        ...Array.from({ length: 10 }, (_, i) => ({
          sex: "female" as const,
          passes: i < 3 ? 2 : i < 6 ? 1 : 0,
        })),
        ...Array.from({ length: 8 }, (_, i) => ({ sex: "male" as const, passes: i < 2 ? 1 : 0 })),
        ...Array.from({ length: 3 }, (_, i) => ({
          sex: "another" as const,
          passes: i < 1 ? 1 : 0,
        })),
      ];
      const order = ["technical-screen", "practical-assessment"];
      for (const person of plan) {
        const { candidateId, applicationId } = await w.newApplication("resume-screen");
        await repo.saveAnswers(candidateId, {
          sex: person.sex,
          raceEthnicity: "prefer_not_to_say",
          veteranStatus: null,
          disability: "no",
        });
        for (const stageKind of order.slice(0, person.passes))
          expectStatus(
            await w.recruiterOn.agent.post(`/api/applications/${applicationId}/move`, {
              toStageId: w.stage(stageKind).id,
            }),
            200,
          );
      }
    });

    it("pins size, rate, ratio and Fisher's p per stage, and never sends a group under 5", async () => {
      const report = expectStatus(
        await w.admin.get(reportUrl()),
        200,
      ).json<TFairnessReportResponse>();
      expect(report.stages.map((s) => s.name)).toEqual(
        ["resume-screen", "technical-screen", "practical-assessment"].map((k) => w.stage(k).name),
      );
      const [resume, technical, practical] = report.stages;
      const sexAt = (stage: typeof resume) => stage?.categories.find((c) => c.category === "sex");
      const atResume = sexAt(resume);
      expect(atResume?.suppressedGroups).toBe(1);
      expect(atResume?.groups.map((g) => g.group)).toEqual(["female", "male"]);
      const [female, male] = atResume?.groups ?? [];
      expect(female).toMatchObject({
        size: 10,
        selected: 6,
        selectionRate: 0.6,
        isReference: true,
      });
      expect(female?.impactRatio).toBeNull();
      expect(male).toMatchObject({
        size: 8,
        selected: 2,
        rated: true,
        belowFourFifths: true,
        smallSample: true,
      });
      expect(male?.impactRatio).toBeCloseTo(0.25 / 0.6, 10);
      // scipy.stats.fisher_exact([[2, 6], [6, 4]]).pvalue = 0.18798848210612915
      expect(male?.fisherP).toBeCloseTo(0.187988482, 8);

      // Men (2) and the person of another sex (1) who reached it are left out, and counted.
      const atTechnical = sexAt(technical);
      expect(atTechnical?.groups).toEqual([
        expect.objectContaining({ group: "female", size: 6, selected: 3, isReference: true }),
      ]);
      expect(atTechnical?.suppressedGroups).toBe(2);
      expect(sexAt(practical)?.groups).toEqual([]);
      expect(resume?.categories.find((c) => c.category === "raceEthnicity")).toEqual({
        category: "raceEthnicity",
        groups: [],
        suppressedGroups: 0,
      });
      expect(resume?.categories.find((c) => c.category === "disability")?.groups).toEqual([
        expect.objectContaining({ group: "no", size: 21, selected: 9 }),
      ]);
      // Nobody was hired: rates of 0 are shown, and no ratio is made against a rate of 0.
      const overallSex = report.overall.find((c) => c.category === "sex");
      expect(overallSex?.groups.map((g) => [g.group, g.size, g.selected, g.impactRatio])).toEqual([
        ["female", 10, 0, null],
        ["male", 8, 0, null],
      ]);
      expect(JSON.stringify(report)).not.toMatch(/another/);
    });

    it("pools stages by kind across the roles in reach, and the hiring manager sees their role", async () => {
      const all = expectStatus(
        await w.admin.get("/api/analytics/fairness"),
        200,
      ).json<TFairnessReportResponse>();
      expect(all.roleId).toBeNull();
      expect(all.stages[0]?.key).toBe("resume-screen");
      const mine = expectStatus(
        await w.managerOn.agent.get(reportUrl()),
        200,
      ).json<TFairnessReportResponse>();
      expect(mine.stages[0]?.categories).toEqual(
        expectStatus(await w.admin.get(reportUrl()), 200).json<TFairnessReportResponse>().stages[0]
          ?.categories,
      );
      // Another team's hiring manager leads none of these roles: nothing of ours is counted.
      const theirs = expectStatus(
        await w.otherTeam.manager.agent.get("/api/analytics/fairness"),
        200,
      ).json<TFairnessReportResponse>();
      expect(theirs.stages).toEqual([]);
    });

    it("keeps recruiters and interviewers out, and others' roles unknown", async () => {
      expect((await w.recruiterOn.agent.get(reportUrl())).statusCode).toBe(403);
      expect((await w.interviewerA.agent.get(reportUrl())).statusCode).toBe(403);
      expect((await w.otherTeam.manager.agent.get(reportUrl())).statusCode).toBe(404);
      expect((await w.anonymous.get(reportUrl())).statusCode).toBe(401);
    });

    it("refuses a range that ends before it starts, naming the field", async () => {
      const response = await w.admin.get(`${reportUrl()}&from=2026-05-01&to=2026-04-01`);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).fields?.map((f) => f.field)).toEqual(["from"]);
    });
  });
});
