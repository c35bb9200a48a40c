import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentsDir } from "../../grader/paths.js";
import { pollUntil, uploadTo, zipEntriesOf } from "../../test-support/assessment-world.js";
import { buildZip } from "../../test-support/grader-submissions.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf, HttpAgent } from "../../test-support/http-agent.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TPortal = {
  assessment: {
    timing: string;
    timeLimitMinutes: number;
    dueAt: string | null;
    parts: {
      position: number;
      pack: { title: string; submissionKind: string };
      timeLimitMinutes: number;
      state: string;
      startedAt: string | null;
      dueAt: string | null;
      submissions: { version: number; check: string; problem: string | null }[];
    }[];
  };
};
type TTeam = {
  assessment: {
    state: string;
    timing: string;
    timeLimitMinutes: number;
    parts: {
      position: number;
      pack: { id: string; submissionKind: string };
      state: string;
      submissions: { id: string; latestGrading: { id: string; status: string } | null }[];
    }[];
  };
};

const later = () => new Date(Date.now() + 3 * 86_400_000).toISOString();
const zipOf = async (pack: string) =>
  buildZip(await zipEntriesOf(path.join(assessmentsDir, pack, "reference"), "mine/"));

describe.each(testDatabaseKinds())("assessments with several packs on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;

  beforeAll(async () => {
    // The worker grades only an upload meant for another pack, which ends before any sandbox.
    ctx = await createTestApp(kind, { withWorker: true, gradingSlotBase: 290 });
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  const send = async (applicationId: string, body: Record<string, unknown>) =>
    w.managerOn.agent.post(`/api/applications/${applicationId}/assessments`, {
      deadlineAt: later(),
      ...body,
    });
  const tokenOf = (response: { json: () => unknown }) =>
    (response.json() as { candidateUrl: string }).candidateUrl.split("/assess/")[1] ?? "";

  it("proposes the plan's packs for the role's level, at most four to preselect", async () => {
    const fresh = await w.newApplication("practical-assessment");
    const listed = expectStatus(
      await w.managerOn.agent.get(`/api/applications/${fresh.applicationId}/assessment-packs`),
      200,
    ).json<{
      maxParts: number;
      packs: { id: string; proposed: boolean; submissionKind: string }[];
    }>();
    expect(listed.maxParts).toBe(4);
    // The world's role is senior: the plan proposes all five, the design document first.
    expect(listed.packs.filter((p) => p.proposed).map((p) => p.id)).toEqual([
      "architecture",
      "slow-query",
      "debug",
      "unit-tests",
      "rest-api",
    ]);
    expect(listed.packs.find((p) => p.id === "architecture")?.submissionKind).toBe("document");
    expect(listed.packs.find((p) => p.id === "debug")?.submissionKind).toBe("project-zip");
  });

  it("gives each part its own clock, start and upload with per-part timing", async () => {
    const fresh = await w.newApplication("practical-assessment");
    const sent = expectStatus(
      await send(fresh.applicationId, {
        timing: "per-part",
        parts: [{ packId: "debug", timeLimitMinutes: 50 }, { packId: "unit-tests" }],
      }),
      201,
    );
    const token = tokenOf(sent);
    const candidate = new HttpAgent(ctx.app);
    const opened = expectStatus(await candidate.get(`/api/portal/${token}`), 200).json<TPortal>();
    expect(opened.assessment).toMatchObject({ timing: "per-part", timeLimitMinutes: 95 });
    expect(opened.assessment.parts.map((p) => [p.position, p.timeLimitMinutes, p.state])).toEqual([
      [1, 50, "not-started"],
      [2, 45, "not-started"],
    ]);

    // One Start for everything is refused: each part has its own.
    const whole = await candidate.post(`/api/portal/${token}/start`);
    expect(whole.statusCode).toBe(409);
    expect(errorOf(whole).message).toMatch(/own clock/);

    const first = expectStatus(
      await candidate.post(`/api/portal/${token}/parts/1/start`),
      200,
    ).json<TPortal>().assessment;
    expect(first.parts[0]?.state).toBe("in-progress");
    expect(first.parts[0]?.dueAt).not.toBeNull();
    expect(first.parts[1]).toMatchObject({ state: "not-started", startedAt: null, dueAt: null });

    // Part 2 has not been started, so it takes no upload; part 5 does not exist.
    const early = await uploadTo(candidate, token, "tests.zip", await zipOf("unit-tests"), 2);
    expect(early.statusCode).toBe(409);
    expect(errorOf(early).message).toMatch(/part 2/);
    const nowhere = await candidate.get(`/api/portal/${token}/parts/3/starter.zip`);
    expect(nowhere.statusCode).toBe(404);
    expect(errorOf(nowhere).message).toMatch(/2 parts/);
    expect((await candidate.post(`/api/portal/${token}/parts/5/start`)).statusCode).toBe(400);

    // Each part's starter is its own pack's.
    const starter = expectStatus(
      await candidate.get(`/api/portal/${token}/parts/2/starter.zip`),
      200,
    );
    expect(starter.headers["content-disposition"]).toContain("unit-tests-starter.zip");

    // An upload meant for another pack is taken, then reported to the candidate as unusable.
    expectStatus(await uploadTo(candidate, token, "api.zip", await zipOf("rest-api"), 1), 201);
    const reported = await pollUntil(
      async () =>
        expectStatus(await candidate.get(`/api/portal/${token}`), 200).json<TPortal>().assessment,
      (a) => a.parts[0]?.submissions[0]?.check !== "checking",
      120_000,
    );
    expect(reported.parts[0]?.state).toBe("submitted");
    expect(reported.parts[0]?.submissions[0]?.check).toBe("problem");
    expect(reported.parts[0]?.submissions[0]?.problem).toMatch(/not a submission for/);

    const team = expectStatus(
      await w.managerOn.agent.get(
        `/api/assessments/${sent.json<{ assessment: { id: string } }>().assessment.id}`,
      ),
      200,
    ).json<TTeam>().assessment;
    expect(team.state).toBe("started");
    expect(team.parts.map((p) => [p.pack.id, p.state])).toEqual([
      ["debug", "submitted"],
      ["unit-tests", "sent"],
    ]);
    const grading = team.parts[0]?.submissions[0]?.latestGrading;
    expect(grading?.status).toBe("error");
    const detail = expectStatus(
      await w.managerOn.agent.get(`/api/gradings/${grading?.id ?? ""}`),
      200,
    ).json<{
      grading: { part: { position: number; packId: string }; report: { error: { kind: string } } };
    }>().grading;
    expect(detail.part).toMatchObject({ position: 1, packId: "debug" });
    expect(detail.report.error.kind).toBe("submission");
  }, 180_000);

  it("starts every part at once with a shared time box", async () => {
    const fresh = await w.newApplication("practical-assessment");
    const sent = expectStatus(
      await send(fresh.applicationId, {
        parts: [{ packId: "debug" }, { packId: "unit-tests" }, { packId: "architecture" }],
        timeLimitMinutes: 120,
      }),
      201,
    );
    const token = tokenOf(sent);
    const candidate = new HttpAgent(ctx.app);
    const started = expectStatus(
      await candidate.post(`/api/portal/${token}/start`),
      200,
    ).json<TPortal>().assessment;
    expect(started).toMatchObject({ timing: "shared", timeLimitMinutes: 120 });
    // Each part says its pack's suggested share, not the whole box (which read as 120 minutes each).
    expect(started.parts.map((p) => p.timeLimitMinutes)).toEqual([45, 45, 60]);
    expect(new Set(started.parts.map((p) => p.dueAt))).toEqual(new Set([started.dueAt]));
    expect(started.parts.every((p) => p.state === "in-progress")).toBe(true);
    expect(started.parts[2]?.pack.submissionKind).toBe("document");
    // Starting a part again under a shared clock changes nothing.
    const again = expectStatus(
      await candidate.post(`/api/portal/${token}/parts/2/start`),
      200,
    ).json<TPortal>().assessment;
    expect(again.dueAt).toBe(started.dueAt);

    // The document part says it takes a document; a zip for it is the wrong type of file.
    const zipped = await uploadTo(candidate, token, "a.zip", await zipOf("debug"), 3);
    expect(zipped.statusCode).toBe(415);
    expect(errorOf(zipped).message).toMatch(/design document/);
    // Versions count per part.
    for (const part of [1, 1, 2])
      expectStatus(await uploadTo(candidate, token, "x.zip", await zipOf("debug"), part), 201);
    const after = expectStatus(await candidate.get(`/api/portal/${token}`), 200).json<TPortal>();
    expect(after.assessment.parts.map((p) => p.submissions.map((s) => s.version))).toEqual([
      [2, 1],
      [1],
      [],
    ]);
  }, 60_000);

  it("names the part that is wrong in a send request", async () => {
    const fresh = await w.newApplication("practical-assessment");
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ parts: [{ packId: "debug" }, { packId: "debug" }] }, "parts.1.packId", /only once/],
      [{ parts: [{ packId: "debug" }, { packId: "nope" }] }, "parts.1.packId", /does not exist/],
      [{ parts: [] }, "parts", /./],
      [
        {
          parts: ["debug", "unit-tests", "rest-api", "slow-query", "architecture"].map(
            (packId) => ({ packId }),
          ),
        },
        "parts",
        /./,
      ],
      [{ packId: "debug", parts: [{ packId: "debug" }] }, "parts", /./],
      [
        {
          timing: "per-part",
          parts: [
            { packId: "debug", timeLimitMinutes: 800 },
            { packId: "unit-tests", timeLimitMinutes: 800 },
          ],
        },
        "parts",
        /at most 1440/,
      ],
    ];
    for (const [body, field, message] of cases) {
      const response = await send(fresh.applicationId, body);
      expect([JSON.stringify(body), response.statusCode]).toEqual([JSON.stringify(body), 400]);
      expect(errorOf(response).fields?.map((f) => f.field)).toContain(field);
      expect(errorOf(response).message).toMatch(message);
    }
  });
});
