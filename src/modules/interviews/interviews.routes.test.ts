import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf } from "../../test-support/http-agent.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TInterview = { id: string; scheduledAt: string; interviewer: { id: string } };

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
        scheduledAt: "2026-12-04T15:30:00.000Z",
      }),
      200,
    ).json<{ interview: TInterview }>().interview;
    expect(moved).toMatchObject({ id: interviewId, scheduledAt: "2026-12-04T15:30:00.000Z" });

    const kit = expectStatus(
      await w.interviewerA.agent.get(`/api/interviews/${interviewId}/kit`),
      200,
    ).json<{ interview: { scheduledAt: string } }>();
    expect(kit.interview.scheduledAt).toBe("2026-12-04T15:30:00.000Z");

    const audit = expectStatus(
      await w.admin.get(`/api/audit?entityType=interview&entityId=${interviewId}`),
      200,
    ).json<{ events: { action: string; before: unknown; after: unknown }[] }>();
    const event = audit.events.find(
      (e: { action: string }) => e.action === "interview.rescheduled",
    );
    expect(event?.before).toEqual({ scheduledAt: "2026-12-01T10:00:00.000Z" });
    expect(event?.after).toEqual({ scheduledAt: "2026-12-04T15:30:00.000Z" });
  });

  it("names a time that is not a date, and lets only the pipeline's owners move it", async () => {
    const { interviewId } = await freshInterview();
    const bad = await w.recruiterOn.agent.patch(`/api/interviews/${interviewId}`, {
      scheduledAt: "next Tuesday",
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields?.[0]?.field).toBe("scheduledAt");
    const byInterviewer = await w.interviewerA.agent.patch(`/api/interviews/${interviewId}`, {
      scheduledAt: "2026-12-05T09:00:00.000Z",
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
      scheduledAt: "2026-12-05T09:00:00.000Z",
    });
    expect(moved.statusCode).toBe(404);
  });
});
