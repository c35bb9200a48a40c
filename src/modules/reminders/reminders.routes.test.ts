import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestClock } from "../../shared/clock.js";
import type { TTestClock } from "../../shared/clock.js";
import { pollUntil, sendRestApiAssessment } from "../../test-support/assessment-world.js";
import {
  buildHiringWorld,
  completeScorecard,
  expectStatus,
} from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import type { HttpAgent } from "../../test-support/http-agent.js";
import { createTestApp, TEST_PUBLIC_URL, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TMessage = { kind: string; to: string; subject: string; text: string };
const HOUR = 3_600_000;

const outbox = async (admin: HttpAgent) =>
  expectStatus(await admin.get("/api/mail/outbox?limit=100"), 200).json<{ messages: TMessage[] }>()
    .messages;

/**
 * Reminders through the real app on both databases: the interviews and assessments are made over
 * HTTP, time moves on the test clock (what SHORTLIST_TEST_CLOCK gives a server), and what was sent
 * is read back from the outbox.
 */
describe.each(testDatabaseKinds())("reminders on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  let clock: TTestClock;
  beforeAll(async () => {
    clock = createTestClock();
    ctx = await createTestApp(kind, { testClock: clock, withWorker: true });
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  const remindersTo = async (email: string, kindOf = "scorecard_reminder", about = "") =>
    (await outbox(w.admin)).filter(
      (m) => m.kind === kindOf && m.to === email && m.text.includes(about),
    );

  it("reminds the interviewer an hour after the end, once a business day after, and stops at submission", async () => {
    const fresh = await w.newApplication("technical-screen");
    const start = new Date(clock.now().getTime() + 2 * HOUR);
    const [mine, theirs] = expectStatus(
      await w.recruiterOn.agent.post(`/api/applications/${fresh.applicationId}/interviews`, {
        stageId: w.stage("technical-screen").id,
        interviewerIds: [w.interviewerA.userId, w.interviewerB.userId],
        scheduledAt: start.toISOString(),
        durationMinutes: 30,
      }),
      201,
    ).json<{ interviews: { id: string; interviewer: { id: string } }[] }>().interviews;
    const mineId = mine?.interviewer.id === w.interviewerA.userId ? mine.id : theirs?.id;
    const theirsId = mineId === mine?.id ? theirs?.id : mine?.id;
    // The world's other interviews owe reminders too: count only this panel's.
    const toA = () =>
      remindersTo("int.a@example.com", "scorecard_reminder", `/interviews/${mineId ?? ""}`);
    const toB = () =>
      remindersTo("int.b@example.com", "scorecard_reminder", `/interviews/${theirsId ?? ""}`);

    // Ten minutes after the end: nothing yet.
    clock.advance(2 * HOUR + 40 * 60_000);
    expect((await ctx.services.remindersService.sendDueReminders()).scorecardReminders).toBe(0);

    // An hour after the end: both interviewers owe a card, each is reminded once.
    clock.advance(HOUR);
    expect((await ctx.services.remindersService.sendDueReminders()).scorecardReminders).toBe(2);
    // Running again at once sends nothing more.
    expect((await ctx.services.remindersService.sendDueReminders()).scorecardReminders).toBe(0);
    const first = await toA();
    expect(first).toHaveLength(1);
    expect(first[0]?.text).toContain(`${TEST_PUBLIC_URL}/interviews/${mineId ?? ""}`);
    expect(await toB()).toHaveLength(1);

    // A submits; B does not. A day later only B is reminded.
    const kit = expectStatus(
      await w.interviewerA.agent.get(`/api/interviews/${mineId ?? ""}/kit`),
      200,
    ).json<Parameters<typeof completeScorecard>[0]>();
    const saved = expectStatus(
      await w.interviewerA.agent.put(`/api/interviews/${mineId ?? ""}/scorecard/draft`, {
        revision: 0,
        ...completeScorecard(kit, 3, "yes"),
      }),
      200,
    ).json<{ scorecard: { revision: number } }>().scorecard;
    expectStatus(
      await w.interviewerA.agent.post(`/api/interviews/${mineId ?? ""}/scorecard/submit`, {
        revision: saved.revision,
      }),
      200,
    );
    clock.advance(24 * HOUR);
    await ctx.services.remindersService.sendDueReminders();
    expect(await toA()).toHaveLength(1);
    expect(await toB()).toHaveLength(2);

    // Day by day for three weeks: B gets six in all (the first and five business days), then none.
    for (let day = 0; day < 21; day++) {
      clock.advance(24 * HOUR);
      await ctx.services.remindersService.sendDueReminders();
    }
    expect(await toB()).toHaveLength(6);
  });

  it("reminds the candidate once when the assessment's deadline is a day away, through the admin clock route", async () => {
    const fresh = await w.newApplication("technical-screen");
    // Relative to the real time: the route is sent in the clock's present.
    const ahead = clock.offsetMs();
    const { assessmentId } = await sendRestApiAssessment(w.recruiterOn.agent, fresh.applicationId, {
      deadlineInHours: ahead / HOUR + 72,
    });
    expect(assessmentId).toBeTruthy();
    const candidate = expectStatus(
      await w.admin.get(`/api/candidates/${fresh.candidateId}`),
      200,
    ).json<{ candidate: { email: string } }>().candidate;

    // 47 hours on, the deadline is 25 hours away: nothing.
    expectStatus(await w.admin.post("/api/admin/test-clock", { advanceMinutes: 47 * 60 }), 200);
    await ctx.services.remindersService.sendDueReminders();
    expect(await remindersTo(candidate.email, "assessment_reminder")).toHaveLength(0);

    // Two more hours: the route moves the clock and fires the schedule; the worker sends one.
    const moved = expectStatus(
      await w.admin.post("/api/admin/test-clock", { advanceMinutes: 120 }),
      200,
    ).json<{ now: string; aheadMinutes: number }>();
    expect(new Date(moved.now).getTime()).toBeGreaterThan(Date.now() + 48 * HOUR);
    const sent = await pollUntil(
      () => remindersTo(candidate.email, "assessment_reminder"),
      (found) => found.length > 0,
      10_000,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toContain("A day left");
    // The link's secret is never sent twice.
    expect(sent[0]?.text).not.toContain("/assess/");
    await ctx.services.remindersService.sendDueReminders();
    expect(await remindersTo(candidate.email, "assessment_reminder")).toHaveLength(1);
  });

  it("refuses to move the clock backwards, with the field named", async () => {
    const back = await w.admin.post("/api/admin/test-clock", { advanceMinutes: -5 });
    expect(back.statusCode).toBe(400);
    expect(back.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe(
      "advanceMinutes",
    );
  });
});
