import { daysFromNow } from "../../test-support/future.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf } from "../../test-support/http-agent.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TInterview = { id: string; scheduledAt: string; interviewer: { id: string } };
const later = daysFromNow(4, 15);

describe.each(testDatabaseKinds())("rescheduling and cancelling interviews on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  async function freshInterview() {
    const fresh = await w.newApplication("technical-screen");
    const [interview] = await w.schedule(fresh.applicationId, "technical-screen", [
      w.interviewerA.userId,
    ]);
    return { ...fresh, interviewId: interview?.id ?? "" };
  }

  it("moves an interview to a new time, shows it in the kit and audits before and after", async () => {
    const { interviewId } = await freshInterview();
    const moved = expectStatus(
      await w.recruiterOn.agent.patch(`/api/interviews/${interviewId}`, {
        scheduledAt: later,
      }),
      200,
    ).json<{ interview: TInterview }>().interview;
    expect(moved).toMatchObject({ id: interviewId, scheduledAt: later });

    const kit = expectStatus(
      await w.interviewerA.agent.get(`/api/interviews/${interviewId}/kit`),
      200,
    ).json<{ interview: { scheduledAt: string } }>();
    expect(kit.interview.scheduledAt).toBe(later);

    const audit = expectStatus(
      await w.admin.get(`/api/audit?entityType=interview&entityId=${interviewId}`),
      200,
    ).json<{ events: { action: string; before: unknown; after: unknown }[] }>();
    const event = audit.events.find(
      (e: { action: string }) => e.action === "interview.rescheduled",
    );
    expect(event?.before).toMatchObject({ scheduledAt: daysFromNow(1), timeZone: "UTC" });
    expect(event?.after).toMatchObject({ scheduledAt: later, timeZone: "UTC" });
  });

  it("names a time that is not a date, and lets only the pipeline's owners move it", async () => {
    const { interviewId } = await freshInterview();
    const bad = await w.recruiterOn.agent.patch(`/api/interviews/${interviewId}`, {
      scheduledAt: "next Tuesday",
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields?.[0]?.field).toBe("scheduledAt");
    const byInterviewer = await w.interviewerA.agent.patch(`/api/interviews/${interviewId}`, {
      scheduledAt: daysFromNow(5, 9),
    });
    expect(byInterviewer.statusCode).toBe(403);
  });

  it("closes the kit and the scorecard of a cancelled interview", async () => {
    const { interviewId } = await freshInterview();
    expectStatus(
      await w.interviewerA.agent.put(`/api/interviews/${interviewId}/scorecard/draft`, {
        revision: 0,
        keyTakeaways: "Started writing before the cancellation.",
      }),
      200,
    );
    expectStatus(await w.recruiterOn.agent.delete(`/api/interviews/${interviewId}`), 200);
    expect((await w.interviewerA.agent.get(`/api/interviews/${interviewId}/kit`)).statusCode).toBe(
      404,
    );
    const draft = await w.interviewerA.agent.put(`/api/interviews/${interviewId}/scorecard/draft`, {
      revision: 1,
      keyTakeaways: "Trying to keep writing.",
    });
    expect(draft.statusCode).toBe(404);
    const moved = await w.recruiterOn.agent.patch(`/api/interviews/${interviewId}`, {
      scheduledAt: daysFromNow(5, 9),
    });
    expect(moved.statusCode).toBe(404);
  });

  it("answers a time in the past, an unknown time zone and a plain-http link with a 400 naming each", async () => {
    const fresh = await w.newApplication("technical-screen");
    const url = `/api/applications/${fresh.applicationId}/interviews`;
    const base = {
      stageId: w.stage("technical-screen").id,
      interviewerIds: [w.interviewerA.userId],
      scheduledAt: daysFromNow(2),
    };
    const past = await w.recruiterOn.agent.post(url, { ...base, scheduledAt: daysFromNow(-1) });
    expect(past.statusCode).toBe(400);
    expect(errorOf(past).message).toMatch(/already passed/);
    expect(errorOf(past).fields).toEqual([{ field: "scheduledAt", message: "is in the past" }]);
    const zone = await w.recruiterOn.agent.post(url, { ...base, timeZone: "Mars/Olympus_Mons" });
    expect(zone.statusCode).toBe(400);
    expect(errorOf(zone).fields?.[0]?.field).toBe("timeZone");
    const link = await w.recruiterOn.agent.post(url, {
      ...base,
      meetingUrl: "http://meet.example.com/x",
    });
    expect(link.statusCode).toBe(400);
    expect(errorOf(link).fields?.[0]).toEqual({
      field: "meetingUrl",
      message: "must be an https:// link",
    });
    // None of the refusals scheduled anything.
    const detail = expectStatus(
      await w.recruiterOn.agent.get(`/api/applications/${fresh.applicationId}`),
      200,
    ).json<{ application: { interviews: unknown[] } }>();
    expect(detail.application.interviews).toEqual([]);

    const made = expectStatus(
      await w.recruiterOn.agent.post(url, {
        ...base,
        durationMinutes: 75,
        timeZone: "Asia/Tokyo",
        location: "Room 4, second floor",
      }),
      201,
    ).json<{ interviews: Record<string, unknown>[] }>().interviews[0];
    expect(made).toMatchObject({
      durationMinutes: 75,
      timeZone: "Asia/Tokyo",
      location: "Room 4, second floor",
      meetingUrl: null,
    });
    const moved = await w.recruiterOn.agent.patch(`/api/interviews/${String(made?.id)}`, {
      scheduledAt: daysFromNow(-2),
    });
    expect(moved.statusCode).toBe(400);
  });
});
