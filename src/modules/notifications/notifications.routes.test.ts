import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildHiringWorld,
  completeScorecard,
  expectStatus,
} from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf } from "../../test-support/http-agent.js";
import type { HttpAgent } from "../../test-support/http-agent.js";
import { createTestApp, TEST_PUBLIC_URL, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TMessage = { kind: string; to: string; subject: string; text: string };
type TNotification = {
  id: string;
  kind: string;
  title: string;
  excerpt: string | null;
  link: string;
  applicationId: string;
  read: boolean;
};
type TList = { notifications: TNotification[]; nextCursor: string | null; unread: number };

const outbox = async (admin: HttpAgent) =>
  expectStatus(await admin.get("/api/mail/outbox?limit=100"), 200).json<{ messages: TMessage[] }>()
    .messages;

/**
 * Notifications through the real app on both databases: scorecards are submitted, notes written and
 * settings changed over HTTP, and what each person's bell and the outbox hold is read back.
 */
describe.each(testDatabaseKinds())("notifications on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  const bell = async (agent: HttpAgent) =>
    expectStatus(await agent.get("/api/me/notifications"), 200).json<TList>();
  const about = async (agent: HttpAgent, applicationId: string) =>
    (await bell(agent)).notifications.filter((n) => n.applicationId === applicationId);
  const mailTo = async (email: string, kindOf: string, applicationId: string) =>
    (await outbox(w.admin)).filter(
      (m) => m.kind === kindOf && m.to === email && m.text.includes(applicationId),
    );

  async function submit(agent: HttpAgent, interviewId: string) {
    const kit = expectStatus(await agent.get(`/api/interviews/${interviewId}/kit`), 200).json<
      Parameters<typeof completeScorecard>[0]
    >();
    const draft = expectStatus(
      await agent.put(`/api/interviews/${interviewId}/scorecard/draft`, {
        revision: 0,
        ...completeScorecard(kit, 3, "yes"),
      }),
      200,
    ).json<{ scorecard: { revision: number } }>().scorecard;
    expectStatus(
      await agent.post(`/api/interviews/${interviewId}/scorecard/submit`, {
        revision: draft.revision,
      }),
      200,
    );
  }

  async function panelOfTwo() {
    const { applicationId } = await w.newApplication("technical-screen");
    const interviews = await w.schedule(applicationId, "technical-screen", [
      w.interviewerA.userId,
      w.interviewerB.userId,
    ]);
    const idOf = (userId: string) => interviews.find((i) => i.interviewer.id === userId)?.id ?? "";
    return { applicationId, a: idOf(w.interviewerA.userId), b: idOf(w.interviewerB.userId) };
  }

  it("tells the team each scorecard, and the hiring manager once the whole panel is in", async () => {
    const panel = await panelOfTwo();
    await submit(w.interviewerA.agent, panel.a);

    const recruiterSees = await about(w.recruiterOn.agent, panel.applicationId);
    expect(recruiterSees.map((n) => n.kind)).toEqual(["scorecard_submitted"]);
    expect(recruiterSees[0]).toMatchObject({
      read: false,
      link: `/applications/${panel.applicationId}`,
    });
    expect(recruiterSees[0]?.title).toMatch(/submitted a scorecard for/);
    expect((await about(w.managerOn.agent, panel.applicationId)).map((n) => n.kind)).toEqual([
      "scorecard_submitted",
    ]);
    // The one who submitted, a recruiter off the team and the other interviewer hear nothing.
    expect(await about(w.interviewerA.agent, panel.applicationId)).toEqual([]);
    expect(await about(w.interviewerB.agent, panel.applicationId)).toEqual([]);
    expect(await about(w.recruiterOff.agent, panel.applicationId)).toEqual([]);

    await submit(w.interviewerB.agent, panel.b);
    const managerSees = await about(w.managerOn.agent, panel.applicationId);
    // The second scorecard and the decision it completes share one transaction, so one instant.
    expect(managerSees.map((n) => n.kind).sort()).toEqual([
      "decision_waiting",
      "scorecard_submitted",
      "scorecard_submitted",
    ]);
    expect((await about(w.recruiterOn.agent, panel.applicationId)).map((n) => n.kind)).toEqual([
      "scorecard_submitted",
      "scorecard_submitted",
    ]);

    // By default the decision is e-mailed and the scorecard trickle is not.
    const decisionMail = await mailTo("hm.on@example.com", "decision_waiting", panel.applicationId);
    expect(decisionMail).toHaveLength(1);
    expect(decisionMail[0]?.text).toContain(
      `${TEST_PUBLIC_URL}/applications/${panel.applicationId}`,
    );
    expect(await mailTo("hm.on@example.com", "scorecard_submitted", panel.applicationId)).toEqual(
      [],
    );
  });

  it("counts unread, marks read only the caller's own, and marks all", async () => {
    const panel = await panelOfTwo();
    await submit(w.interviewerA.agent, panel.a);
    const before = await bell(w.recruiterOn.agent);
    expect(before.unread).toBeGreaterThan(0);
    const count = async (agent: HttpAgent) =>
      expectStatus(await agent.get("/api/me/notifications/unread"), 200).json<{ unread: number }>()
        .unread;
    expect(await count(w.recruiterOn.agent)).toBe(before.unread);

    const mine = before.notifications.find((n) => n.applicationId === panel.applicationId);
    const theirs = (await about(w.managerOn.agent, panel.applicationId))[0];
    const stranger = expectStatus(
      await w.recruiterOn.agent.post("/api/me/notifications/read", { ids: [theirs?.id] }),
      200,
    ).json<{ marked: number }>();
    expect(stranger.marked).toBe(0);
    expect((await about(w.managerOn.agent, panel.applicationId))[0]?.read).toBe(false);

    const marked = expectStatus(
      await w.recruiterOn.agent.post("/api/me/notifications/read", { ids: [mine?.id] }),
      200,
    ).json<{ marked: number; unread: number }>();
    expect(marked).toEqual({ marked: 1, unread: before.unread - 1 });
    expect((await about(w.recruiterOn.agent, panel.applicationId))[0]?.read).toBe(true);

    const bad = await w.recruiterOn.agent.post("/api/me/notifications/read", { ids: [] });
    expect(bad.statusCode).toBe(400);
    expectStatus(await w.recruiterOn.agent.post("/api/me/notifications/read", { all: true }), 200);
    expect(await count(w.recruiterOn.agent)).toBe(0);
    expectStatus(await w.anonymous.get("/api/me/notifications"), 401);
  });

  it("sends each kind where the person chose: e-mail only, in the app only, or neither", async () => {
    const settings = expectStatus(
      await w.recruiterOn.agent.get("/api/me/notification-settings"),
      200,
    ).json<{ settings: { kind: string; inApp: boolean; email: boolean; label: string }[] }>();
    expect(settings.settings.find((s) => s.kind === "scorecard_submitted")).toMatchObject({
      inApp: true,
      email: false,
    });

    const saved = expectStatus(
      await w.recruiterOn.agent.put("/api/me/notification-settings", {
        settings: [{ kind: "scorecard_submitted", inApp: false, email: true }],
      }),
      200,
    ).json<typeof settings>();
    expect(saved.settings.find((s) => s.kind === "scorecard_submitted")).toMatchObject({
      inApp: false,
      email: true,
    });
    // Kinds left out keep their choice.
    expect(saved.settings.find((s) => s.kind === "note_mention")).toMatchObject({
      inApp: true,
      email: true,
    });

    const panel = await panelOfTwo();
    await submit(w.interviewerA.agent, panel.a);
    expect(await about(w.recruiterOn.agent, panel.applicationId)).toEqual([]);
    const mails = await mailTo("rec.on@example.com", "scorecard_submitted", panel.applicationId);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/scored/);

    const twice = await w.recruiterOn.agent.put("/api/me/notification-settings", {
      settings: [
        { kind: "note_mention", inApp: true, email: false },
        { kind: "note_mention", inApp: false, email: false },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(errorOf(twice).message).toMatch(/listed twice/);
    const unknown = await w.recruiterOn.agent.put("/api/me/notification-settings", {
      settings: [{ kind: "birthday", inApp: true, email: false }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).fields?.[0]?.field).toBe("settings.0.kind");
    expectStatus(
      await w.recruiterOn.agent.put("/api/me/notification-settings", {
        settings: [{ kind: "scorecard_submitted", inApp: true, email: false }],
      }),
      200,
    );
  });

  it("a report arriving reaches the role's recruiters and hiring managers, linked to the report", async () => {
    const { applicationId } = await w.newApplication("practical-assessment");
    // The grading job emits through the same emitter once a grade is stored (grade-submission.job.ts).
    await ctx.handle.db.transaction(async (tx) => {
      await ctx.services.domainEvents.emit(
        "assessment.graded",
        { applicationId, status: "graded", score: 0.8 },
        tx,
      );
    });
    const seen = await about(w.managerOn.agent, applicationId);
    expect(seen.map((n) => [n.kind, n.link])).toEqual([
      ["report_ready", `/applications/${applicationId}/assessment`],
    ]);
    expect((await about(w.recruiterOn.agent, applicationId)).map((n) => n.kind)).toEqual([
      "report_ready",
    ]);
    expect(await mailTo("hm.on@example.com", "report_ready", applicationId)).toHaveLength(1);
    // A grading that failed is not a report.
    await ctx.handle.db.transaction(async (tx) => {
      await ctx.services.domainEvents.emit(
        "assessment.graded",
        { applicationId, status: "error", score: null },
        tx,
      );
    });
    expect(await about(w.managerOn.agent, applicationId)).toHaveLength(1);
  });

  it("notes: the pipeline team reads them, and @name reaches only people who can", async () => {
    const { applicationId } = await w.newApplication("technical-screen");
    const path = `/api/applications/${applicationId}/notes`;
    const written = expectStatus(
      await w.managerOn.agent.post(path, {
        body: "Strong on ORM questions. @rec.on could you book the deep dive? cc @int.a",
      }),
      201,
    ).json<{ note: { id: string; mentioned: { id: string }[]; author: { id: string } } }>().note;
    expect(written.mentioned.map((m) => m.id)).toEqual([w.recruiterOn.userId]);
    expect(written.author.id).toBe(w.managerOn.userId);

    const mention = await about(w.recruiterOn.agent, applicationId);
    expect(mention.map((n) => [n.kind, n.link])).toEqual([
      ["note_mention", `/applications/${applicationId}#notes`],
    ]);
    expect(mention[0]?.excerpt).toContain("Strong on ORM questions");
    expect(await mailTo("rec.on@example.com", "note_mention", applicationId)).toHaveLength(1);
    expect(await bell(w.interviewerA.agent)).toMatchObject({ unread: 0 });

    const read = expectStatus(await w.recruiterOn.agent.get(path), 200).json<{
      notes: { body: string }[];
      mentionable: { id: string }[];
    }>();
    expect(read.notes.map((n) => n.body)).toEqual([
      "Strong on ORM questions. @rec.on could you book the deep dive? cc @int.a",
    ]);
    const mentionable = read.mentionable.map((m) => m.id);
    expect(mentionable).toContain(w.managerOn.userId);
    expect(mentionable).not.toContain(w.interviewerA.userId);

    // Interviewers keep an independent view; other teams do not see the application at all.
    await w.schedule(applicationId, "technical-screen", [w.interviewerA.userId]);
    expectStatus(await w.interviewerA.agent.get(path), 403);
    expectStatus(await w.recruiterOff.agent.get(path), 404);
    expectStatus(await w.recruiterOff.agent.post(path, { body: "hello" }), 404);

    const empty = await w.managerOn.agent.post(path, { body: "   " });
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).fields?.[0]).toMatchObject({ field: "body" });
  });
});
