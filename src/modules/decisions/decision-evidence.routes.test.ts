import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../test-support/http-agent.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TMissing = {
  kind: string;
  stageName?: string;
  interviewer?: { id: string; name: string };
}[];

describe.each(testDatabaseKinds())("decisions that stand on evidence on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  const audit = async (applicationId: string) =>
    expectStatus(await w.admin.get("/api/audit?entityType=application&limit=200"), 200)
      .json<{ events: { action: string; entityId: string; after: unknown }[] }>()
      .events.filter((e) => e.entityId === applicationId);

  it("asks to confirm an advance past unsubmitted scorecards, naming who has not submitted", async () => {
    const url = `/api/applications/${w.main.applicationId}/decisions`;
    const rationale = "The screen looked promising from what we heard in the debrief.";
    const refused = await w.managerOn.agent.post(url, { decision: "advance", rationale });
    expect(refused.statusCode).toBe(409);
    const error = errorOf(refused);
    expect(error.code).toBe("CONFIRMATION_REQUIRED");
    const missing = error.details?.missing as TMissing;
    expect(missing.map((m) => m.kind)).toEqual(["scorecard", "scorecard"]);
    expect(missing.map((m) => m.interviewer?.id).sort()).toEqual(
      [w.interviewerA.userId, w.interviewerB.userId].sort(),
    );
    // Confirming without saying why is not enough.
    const noReason = await w.managerOn.agent.post(url, {
      decision: "advance",
      rationale,
      confirm: true,
    });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).fields?.map((f) => f.field)).toEqual(["reason"]);

    const confirmed = expectStatus(
      await w.managerOn.agent.post(url, {
        decision: "advance",
        rationale,
        confirm: true,
        reason: "Both interviewers are travelling; they confirmed verbally.",
      }),
      201,
    ).json<{ application: { currentStage: { kind: string } } }>();
    expect(confirmed.application.currentStage.kind).toBe("practical-assessment");
    const events = await audit(w.main.applicationId);
    const confirmation = events.find((e) => e.action === "decision.confirmed_missing_evidence");
    expect(confirmation?.after).toMatchObject({
      decision: "advance",
      reason: "Both interviewers are travelling; they confirmed verbally.",
      missing: [{ kind: "scorecard" }, { kind: "scorecard" }],
    });
  });

  it("proposes an offer only from the decision stage", async () => {
    const fresh = await w.newApplication("technical-deep-dive");
    const response = await w.managerOn.agent.post(
      `/api/applications/${fresh.applicationId}/decisions`,
      {
        decision: "offer",
        rationale: "Great conversation, let us make them an offer today.",
        confirm: true,
        reason: "We are sure enough without the rest.",
      },
    );
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).code).toBe("CONFLICT");
    expect(errorOf(response).message).toMatch(/decision/i);
  });

  it("lists what an offer for a candidate without evidence is missing, then records it with a reason", async () => {
    const fresh = await w.newApplication("decision");
    const url = `/api/applications/${fresh.applicationId}/decisions`;
    const body = {
      decision: "offer",
      rationale: "Referred by a trusted former colleague of the team.",
    };
    const refused = await w.managerOn.agent.post(url, body);
    expect(refused.statusCode).toBe(409);
    const missing = errorOf(refused).details?.missing as TMissing;
    const interviewStages = w.role.stages
      .filter((s) => ["technical-screen", "technical-deep-dive", "culture-fit"].includes(s.kind))
      .map((s) => s.name);
    expect(missing.filter((m) => m.kind === "stage").map((m) => m.stageName)).toEqual(
      interviewStages,
    );
    // Heavy competencies nobody assessed are named too.
    const uncovered = missing.filter((m) => m.kind === "competency");
    expect(uncovered.length).toBeGreaterThan(0);
    const hired = expectStatus(
      await w.managerOn.agent.post(url, {
        ...body,
        confirm: true,
        reason: "Worked with us for two years as a contractor.",
      }),
      201,
    ).json<{ application: { status: string } }>();
    expect(hired.application.status).toBe("hired");
    const actions = (await audit(fresh.applicationId)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["decision.confirmed_missing_evidence", "application.hired"]),
    );
  });

  it("asks the board to confirm a move past an interview whose scorecard is not in", async () => {
    const fresh = await w.newApplication("technical-screen");
    await w.schedule(fresh.applicationId, "technical-screen", [w.interviewerA.userId]);
    const url = `/api/applications/${fresh.applicationId}/move`;
    const deepDive = w.stage("technical-deep-dive").id;
    const refused = await w.recruiterOn.agent.post(url, { toStageId: deepDive });
    expect(refused.statusCode).toBe(409);
    const missing = errorOf(refused).details?.missing as TMissing;
    expect(missing.map((m) => [m.kind, m.interviewer?.id])).toEqual([
      ["scorecard", w.interviewerA.userId],
    ]);
    const noReason = await w.recruiterOn.agent.post(url, { toStageId: deepDive, confirm: true });
    expect(noReason.statusCode).toBe(400);
    const moved = expectStatus(
      await w.recruiterOn.agent.post(url, {
        toStageId: deepDive,
        confirm: true,
        reason: "The hiring manager asked to fast-track.",
      }),
      200,
    ).json<{ application: { currentStage: { kind: string } } }>();
    expect(moved.application.currentStage.kind).toBe("technical-deep-dive");
    expect((await audit(fresh.applicationId)).map((e) => e.action)).toContain(
      "application.move_confirmed_missing_evidence",
    );
    // Going back leaves nothing behind.
    expectStatus(
      await w.recruiterOn.agent.post(url, { toStageId: w.stage("technical-screen").id }),
      200,
    );
  });
});
