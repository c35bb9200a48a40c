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
import type { HttpAgent } from "../../test-support/http-agent.js";
import { competencies } from "../roles/templates/competencies.js";

type TFeedback = { status: string; body: string; revision: number; approvedBy: unknown };
type TKit = Parameters<typeof completeScorecard>[0];

describe.each(testDatabaseKinds())("feedback for rejected candidates on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  /** Submits a scorecard rating the stage's first competency `first` and every other one `rest`. */
  async function submit(agent: HttpAgent, interviewId: string, first: 1 | 4, rest: 1 | 4) {
    const kit = expectStatus(
      await agent.get(`/api/interviews/${interviewId}/kit`),
      200,
    ).json<TKit>();
    const card = completeScorecard(kit, 3, "yes");
    const [lead, ...others] = kit.stage.competencies;
    const ratings: [string, 1 | 4][] = [
      [lead ?? "", first],
      ...others.map((c): [string, 1 | 4] => [c, rest]),
    ];
    card.competencyRatings = Object.fromEntries(ratings);
    const saved = expectStatus(
      await agent.put(`/api/interviews/${interviewId}/scorecard/draft`, { revision: 0, ...card }),
      200,
    ).json<{ scorecard: { revision: number } }>().scorecard;
    expectStatus(
      await agent.post(`/api/interviews/${interviewId}/scorecard/submit`, {
        revision: saved.revision,
      }),
      200,
    );
    return { lead: lead ?? "", others, card };
  }

  it("drafts from competency ratings only, is edited, approved and downloaded", async () => {
    const fresh = await w.newApplication("technical-screen");
    const [a, b] = await w.schedule(fresh.applicationId, "technical-screen", [
      w.interviewerA.userId,
      w.interviewerB.userId,
    ]);
    const { lead, others, card } = await submit(w.interviewerA.agent, a?.id ?? "", 4, 1);
    await submit(w.interviewerB.agent, b?.id ?? "", 4, 1);
    const base = `/api/applications/${fresh.applicationId}`;
    const manager = w.managerOn.agent;

    const before = expectStatus(await manager.get(`${base}/feedback`), 200).json<{
      feedback: unknown;
      canDraft: boolean;
    }>();
    expect(before).toEqual({ feedback: null, canDraft: false });
    expect(errorOf(await manager.post(`${base}/feedback`, {})).code).toBe("CONFLICT");

    expectStatus(
      await w.recruiterOn.agent.post(`${base}/reject`, { reason: "Below the bar." }),
      200,
    );
    const draft = expectStatus(await manager.post(`${base}/feedback`, {}), 201).json<{
      feedback: TFeedback;
    }>().feedback;
    expect(draft.status).toBe("draft");
    const name = (id: string) => competencies.find((c) => c.id === id)?.name ?? id;
    const [wentWell, toGrow] = draft.body.split("## Where to grow");
    expect(wentWell).toContain(name(lead));
    for (const other of others) expect(toGrow).toContain(name(other));
    // Never the interviewers' own words.
    expect(draft.body).not.toContain(card.keyTakeaways);
    for (const answer of card.answers) expect(draft.body).not.toContain(answer.notes);

    expect((await manager.post(`${base}/feedback`, {})).statusCode).toBe(409);
    const regenerated = expectStatus(
      await manager.post(`${base}/feedback`, { regenerate: true }),
      201,
    ).json<{ feedback: TFeedback }>().feedback;
    expect(regenerated.revision).toBe(2);
    expect(errorOf(await manager.get(`${base}/feedback.md`)).code).toBe("CONFLICT");

    const edited = `${regenerated.body}\nA personal note from the hiring manager: thank you.\n`;
    const stale = await manager.put(`${base}/feedback`, { body: edited, revision: 1 });
    expect(stale.statusCode).toBe(409);
    const saved = expectStatus(
      await manager.put(`${base}/feedback`, { body: edited, revision: 2 }),
      200,
    ).json<{ feedback: TFeedback }>().feedback;
    const approved = expectStatus(
      await manager.post(`${base}/feedback/approve`, { revision: saved.revision }),
      200,
    ).json<{ feedback: TFeedback }>().feedback;
    expect(approved.status).toBe("approved");
    expect(approved.approvedBy).toMatchObject({ id: w.managerOn.userId });

    // Sent to the candidate once, through the outbox, with the approved text in the mail.
    const sent = expectStatus(
      await manager.post(`${base}/feedback/send`, { revision: approved.revision }),
      200,
    ).json<{ feedback: TFeedback & { sentAt: string | null } }>().feedback;
    expect(sent.sentAt).not.toBeNull();
    const again = await manager.post(`${base}/feedback/send`, { revision: approved.revision });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toMatch(/already sent/);
    const mails = expectStatus(await w.admin.get("/api/mail/outbox?limit=100"), 200)
      .json<{ messages: { kind: string; to: string; text: string }[] }>()
      .messages.filter((m) => m.kind === "rejection_feedback");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(edited.trim());

    const file = expectStatus(await manager.get(`${base}/feedback.md`), 200);
    expect(file.headers["content-type"]).toContain("text/markdown");
    expect(file.headers["content-disposition"]).toContain("feedback-candidate-");
    expect(file.body).toBe(edited.trim());
    const actions = expectStatus(
      await w.admin.get("/api/audit?entityType=application&limit=200"),
      200,
    )
      .json<{ events: { action: string; entityId: string }[] }>()
      .events.filter((e) => e.entityId === fresh.applicationId)
      .map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "feedback.drafted",
        "feedback.regenerated",
        "feedback.edited",
        "feedback.approved",
        "feedback.sent",
        "feedback.downloaded",
      ]),
    );
    // An edit after approval is a new text nobody approved yet.
    const reopened = expectStatus(
      await manager.put(`${base}/feedback`, {
        body: `${edited} P.S.`,
        revision: approved.revision,
      }),
      200,
    ).json<{ feedback: TFeedback }>().feedback;
    expect(reopened).toMatchObject({ status: "draft", approvedBy: null });
  });
});
