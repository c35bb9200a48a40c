import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../test-support/http-agent.js";
import {
  buildHiringWorld,
  completeScorecard,
  expectStatus,
} from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TKit = Parameters<typeof completeScorecard>[0] & {
  questions: { anchors: Record<string, string> }[];
};
type TCard = { id: string; revision: number; status: string; version: number };

describe.each(testDatabaseKinds())("interview kits and scorecards on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  let kit: TKit;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  it("gives the assigned interviewer the kit with level anchors and pinned versions", async () => {
    const response = expectStatus(
      await w.interviewerA.agent.get(`/api/interviews/${w.interviewA}/kit`),
      200,
    );
    kit = response.json<TKit>();
    expect(kit.questions.length).toBeGreaterThan(0);
    expect(kit.questions[0]).toMatchObject({ position: 1, questionId: "python-decorators" });
    expect(Object.keys(kit.questions[0]?.anchors ?? {})).toEqual(["1", "2", "3", "4"]);
    // Nothing written yet: the interviewer's own scorecard is null, not an error.
    const none = await w.interviewerA.agent.get(`/api/interviews/${w.interviewA}/scorecard`);
    expect(expectStatus(none, 200).json()).toEqual({ scorecard: null });
    // Someone else's kit: visible application, but not their interview.
    const other = await w.interviewerA.agent.get(`/api/interviews/${w.interviewB}/kit`);
    expect(other.statusCode).toBe(403);
    expect(
      (await w.interviewerOff.agent.get(`/api/interviews/${w.interviewA}/kit`)).statusCode,
    ).toBe(404);
  });

  it("autosaves with optimistic concurrency: a stale revision gets 409 with the newer draft", async () => {
    const url = `/api/interviews/${w.interviewA}/scorecard/draft`;
    const first = expectStatus(
      await w.interviewerA.agent.put(url, { revision: 0, keyTakeaways: "v1" }),
      200,
    ).json<{ scorecard: TCard }>().scorecard;
    expect(first).toMatchObject({ revision: 1, status: "draft", version: 1 });
    const second = expectStatus(
      await w.interviewerA.agent.put(url, { revision: 1, keyTakeaways: "v2 from tab one" }),
      200,
    ).json<{ scorecard: TCard }>().scorecard;
    expect(second.revision).toBe(2);
    const stale = await w.interviewerA.agent.put(url, {
      revision: 1,
      keyTakeaways: "v2 from tab two",
    });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).details).toMatchObject({
      draft: { revision: 2, keyTakeaways: "v2 from tab one" },
    });
    const mine = expectStatus(
      await w.interviewerA.agent.get(`/api/interviews/${w.interviewA}/scorecard`),
      200,
    );
    expect(mine.json()).toMatchObject({ scorecard: { keyTakeaways: "v2 from tab one" } });
  });

  it("rejects bad scorecard input with a 4xx naming the problem", async () => {
    const url = `/api/interviews/${w.interviewA}/scorecard/draft`;
    const q = kit.questions[0];
    const outOfRange = await w.interviewerA.agent.put(url, {
      revision: 2,
      answers: [{ questionId: q?.questionId, questionVersionId: q?.questionVersionId, rating: 5 }],
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(errorOf(outOfRange).fields?.[0]?.field).toMatch(/^answers\.0\.rating/);
    const neutral = await w.interviewerA.agent.put(url, { revision: 2, recommendation: "neutral" });
    expect(neutral.statusCode).toBe(400);
    const wrongQuestion = await w.interviewerA.agent.put(url, {
      revision: 2,
      answers: [
        {
          questionId: "drf-apiview-vs-viewsets",
          questionVersionId: q?.questionVersionId,
          rating: 3,
        },
      ],
    });
    expect(wrongQuestion.statusCode).toBe(400);
    expect(errorOf(wrongQuestion).fields?.[0]).toMatchObject({ field: "answers.0.questionId" });
    const notMine = await w.interviewerA.agent.put(
      `/api/interviews/${w.interviewB}/scorecard/draft`,
      {
        revision: 0,
      },
    );
    expect(notMine.statusCode).toBe(403);
    expect(errorOf(notMine).message).toMatch(/another interviewer/);
    expect(
      (await w.interviewerA.agent.get(`/api/interviews/${w.interviewB}/scorecard`)).statusCode,
    ).toBe(403);
    const incomplete = await w.interviewerA.agent.post(
      `/api/interviews/${w.interviewA}/scorecard/submit`,
      {
        revision: 2,
      },
    );
    expect(incomplete.statusCode).toBe(400);
    expect(errorOf(incomplete).fields?.map((f) => f.field)).toContain("recommendation");
  });

  it("keeps scorecards independent until the interviewer submits their own", async () => {
    const saveAndSubmit = async (
      who: THiringWorld["interviewerA"],
      interviewId: string,
      rating: 1 | 2 | 3 | 4,
      rec: string,
    ) => {
      const current = (await who.agent.get(`/api/interviews/${interviewId}/scorecard`)).json<{
        scorecard: TCard | null;
      }>().scorecard;
      const saved = expectStatus(
        await who.agent.put(`/api/interviews/${interviewId}/scorecard/draft`, {
          revision: current?.revision ?? 0,
          ...completeScorecard(kit, rating, rec),
        }),
        200,
      ).json<{ scorecard: TCard }>().scorecard;
      return expectStatus(
        await who.agent.post(`/api/interviews/${interviewId}/scorecard/submit`, {
          revision: saved.revision,
        }),
        200,
      ).json<{ scorecard: TCard }>().scorecard;
    };
    const cardB = await saveAndSubmit(w.interviewerB, w.interviewB, 3, "yes");
    const listUrl = `/api/applications/${w.main.applicationId}/scorecards`;
    // A has only a draft: B's submitted card is not sent, and a direct GET is a 404.
    const beforeList = expectStatus(await w.interviewerA.agent.get(listUrl), 200).json<{
      scorecards: { interviewer: { id: string } }[];
      withheldStageIds: string[];
    }>();
    expect(beforeList.scorecards.every((c) => c.interviewer.id === w.interviewerA.userId)).toBe(
      true,
    );
    expect(beforeList.withheldStageIds).toEqual([w.stage("technical-screen").id]);
    expect((await w.interviewerA.agent.get(`/api/scorecards/${cardB.id}`)).statusCode).toBe(404);
    // The hiring manager on the team and the admin see B's card already.
    for (const lead of [w.managerOn.agent, w.admin]) {
      expect((await lead.get(`/api/scorecards/${cardB.id}`)).statusCode).toBe(200);
    }
    // Recruiters run the pipeline but do not read scorecards they did not help write.
    expect((await w.recruiterOn.agent.get(`/api/scorecards/${cardB.id}`)).statusCode).toBe(404);

    const cardA = await saveAndSubmit(w.interviewerA, w.interviewA, 2, "no");
    expect(cardA).toMatchObject({ status: "submitted", version: 1 });
    const afterList = expectStatus(await w.interviewerA.agent.get(listUrl), 200).json<{
      scorecards: { answers: { questionTitle: string | null; questionVersion: number | null }[] }[];
    }>();
    expect(afterList.scorecards).toHaveLength(2);
    // Each answer names its pinned question, so readers need not download the bank.
    const answers = afterList.scorecards.flatMap((c) => c.answers);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      expect(answer.questionTitle).toMatch(/\w{3}/);
      expect(answer.questionVersion).toBe(1);
    }
    expect((await w.interviewerA.agent.get(`/api/scorecards/${cardB.id}`)).statusCode).toBe(200);

    // Submitted is locked; a correction is a new version and both are kept.
    const locked = await w.interviewerA.agent.put(
      `/api/interviews/${w.interviewA}/scorecard/draft`,
      {
        revision: 99,
      },
    );
    expect(locked.statusCode).toBe(409);
    const correction = expectStatus(
      await w.interviewerA.agent.post(`/api/scorecards/${cardA.id}/corrections`, {
        ...completeScorecard(kit, 3, "yes"),
        reason: "Mixed up my notes with another candidate's.",
      }),
      201,
    ).json<{ scorecard: TCard }>().scorecard;
    expect(correction).toMatchObject({ version: 2, status: "submitted" });
    // The interviewer's own view shows the latest version, not the superseded one.
    const mine = await w.interviewerA.agent.get(`/api/interviews/${w.interviewA}/scorecard`);
    expect(expectStatus(mine, 200).json()).toMatchObject({
      scorecard: { id: correction.id, version: 2 },
    });
    const old = expectStatus(await w.interviewerA.agent.get(`/api/scorecards/${cardA.id}`), 200);
    expect(old.json()).toMatchObject({ scorecard: { version: 1 } });
    expect(
      old.json<{ scorecard: { supersededAt: string | null } }>().scorecard.supersededAt,
    ).not.toBeNull();
    const withHistory = expectStatus(
      await w.managerOn.agent.get(`${listUrl}?includeSuperseded=true`),
      200,
    );
    expect(withHistory.json<{ scorecards: unknown[] }>().scorecards).toHaveLength(3);
    const byB = await w.interviewerB.agent.post(`/api/scorecards/${correction.id}/corrections`, {
      ...completeScorecard(kit, 1, "strong_no"),
      reason: "I should not be able to do this at all.",
    });
    expect(byB.statusCode).toBe(403);
    const audit = expectStatus(await w.admin.get("/api/audit?entityType=scorecard"), 200).json<{
      events: { action: string }[];
    }>();
    expect(audit.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["scorecard.submitted", "scorecard.corrected"]),
    );
  });

  it("lists decisions to make and records an advance with a tally", async () => {
    const dash = expectStatus(await w.managerOn.agent.get("/api/dashboard"), 200).json<{
      decisionsToMake: { id: string }[];
      roles: { stages: { activeApplications: number }[] }[];
    }>();
    expect(dash.decisionsToMake.map((d) => d.id)).toContain(w.main.applicationId);
    const tooShort = await w.managerOn.agent.post(
      `/api/applications/${w.main.applicationId}/decisions`,
      {
        decision: "advance",
        rationale: "ok",
      },
    );
    expect(tooShort.statusCode).toBe(400);
    const decided = expectStatus(
      await w.managerOn.agent.post(`/api/applications/${w.main.applicationId}/decisions`, {
        decision: "advance",
        rationale: "Both interviewers now rate the fundamentals at the bar for senior.",
      }),
      201,
    ).json<{
      application: { currentStage: { kind: string } };
      scorecards: unknown[];
      tally: { recommendations: Record<string, number> };
      recorded: { decision: string };
    }>();
    expect(decided.application.currentStage.kind).toBe("practical-assessment");
    expect(decided.scorecards).toHaveLength(2);
    expect(decided.tally.recommendations).toEqual({ strong_no: 0, no: 0, yes: 2, strong_yes: 0 });
    expect(decided.recorded.decision).toBe("advance");
    const interviewerTries = await w.interviewerA.agent.post(
      `/api/applications/${w.main.applicationId}/decisions`,
      { decision: "offer", rationale: "I would like to hire them, they are great." },
    );
    expect(interviewerTries.statusCode).toBe(403);
  });
});
