import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../test-support/http-agent.js";
import type { HttpAgent } from "../../test-support/http-agent.js";
import {
  buildHiringWorld,
  completeScorecard,
  expectStatus,
} from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TCard = {
  id: string;
  candidate: { id: string; name: string };
  updatedAt: string;
  inStageSince: string;
  screenOutcome: string | null;
  latestRecommendation: string | null;
};
type TColumn = { stageId: string; total: number; cards: TCard[]; nextCursor: string | null };
type TBoard = { sort: string; columns: TColumn[] };
type TBulk = {
  results: { applicationId: string; outcome: string; message: string | null }[];
  done: number;
  failed: number;
};

describe.each(testDatabaseKinds())("the pipeline board on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  /** Applications in the résumé screen, oldest first, made for the paging tests. */
  const screened: string[] = [];
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
    for (let i = 0; i < 7; i++) screened.push((await w.newApplication()).applicationId);
  });
  afterAll(async () => ctx.close());

  const boardUrl = (query = "") => `/api/roles/${w.role.id}/board${query}`;
  const getBoard = async (agent: HttpAgent, query = "") =>
    expectStatus(await agent.get(boardUrl(query)), 200).json<TBoard>();
  const column = (board: TBoard, stageKind: string) => {
    const found = board.columns.find((c) => c.stageId === w.stage(stageKind).id);
    if (!found) throw new Error(`no ${stageKind} column`);
    return found;
  };
  /** Every page of one column, following nextCursor. */
  async function walk(agent: HttpAgent, stageKind: string, sort: string, limit: number) {
    const stageId = w.stage(stageKind).id;
    const pages: TColumn[] = [];
    let after: string | null = null;
    do {
      const query: string = `?stageId=${stageId}&sort=${sort}&limit=${limit}${after ? `&after=${after}` : ""}`;
      const [only] = (await getBoard(agent, query)).columns;
      if (!only) throw new Error("no column");
      pages.push(only);
      after = only.nextCursor;
    } while (after && pages.length < 20);
    return pages;
  }

  it("gives every stage a column with its total, and a page of at most `limit` cards", async () => {
    const board = await getBoard(w.recruiterOn.agent, "?limit=3");
    expect(board.columns.map((c) => c.stageId)).toEqual(w.role.stages.map((s) => s.id));
    const screen = column(board, "resume-screen");
    expect(screen.total).toBe(7);
    expect(screen.cards).toHaveLength(3);
    expect(screen.nextCursor).toEqual(expect.any(String));
    // Longest waiting first: the first three made.
    expect(screen.cards.map((c) => c.id)).toEqual(screened.slice(0, 3));
    const tech = column(board, "technical-screen");
    expect(tech).toMatchObject({ total: 1, nextCursor: null });
    expect(tech.cards[0]?.id).toBe(w.main.applicationId);
  });

  it("walks a column page by page to every card exactly once, in each order", async () => {
    const waiting = await walk(w.recruiterOn.agent, "resume-screen", "waiting", 3);
    expect(waiting.map((p) => p.cards.length)).toEqual([3, 3, 1]);
    expect(waiting.flatMap((p) => p.cards.map((c) => c.id))).toEqual(screened);
    expect(waiting.every((p) => p.total === 7)).toBe(true);

    const recent = await walk(w.recruiterOn.agent, "resume-screen", "recent", 2);
    expect(recent.flatMap((p) => p.cards.map((c) => c.id))).toEqual([...screened].reverse());

    const byName = await walk(w.recruiterOn.agent, "resume-screen", "name", 4);
    const names = byName.flatMap((p) => p.cards.map((c) => c.candidate.name));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names).toHaveLength(7);
  });

  it("keeps a cursor's place when a card arrives ahead of it meanwhile", async () => {
    const stageId = w.stage("resume-screen").id;
    const [first] = (await getBoard(w.recruiterOn.agent, `?stageId=${stageId}&sort=recent&limit=3`))
      .columns;
    // A new application is the most recent: it lands on page one, which was already read.
    const arrived = await w.newApplication();
    const [second] = (
      await getBoard(
        w.recruiterOn.agent,
        `?stageId=${stageId}&sort=recent&limit=3&after=${first?.nextCursor ?? ""}`,
      )
    ).columns;
    expect(second?.total).toBe(8);
    const seen = [...(first?.cards ?? []), ...(second?.cards ?? [])].map((c) => c.id);
    expect(new Set(seen).size).toBe(6);
    expect(seen).toEqual([...screened].reverse().slice(0, 6));
    expect(seen).not.toContain(arrived.applicationId);
    // Put it out of the way of the later tests' totals.
    expectStatus(
      await w.recruiterOn.agent.post(`/api/applications/${arrived.applicationId}/withdraw`, {
        reason: "Made for the cursor test.",
      }),
      200,
    );
  });

  it("shows an interviewer only their own applications, counted alone, without verdicts", async () => {
    const board = await getBoard(w.interviewerA.agent);
    expect(board.columns.reduce((n, c) => n + c.total, 0)).toBe(1);
    expect(column(board, "resume-screen")).toMatchObject({ total: 0, cards: [] });
    const [card] = column(board, "technical-screen").cards;
    expect(card).toMatchObject({ id: w.main.applicationId, screenOutcome: null });
    expect(card?.latestRecommendation).toBeNull();
  });

  it("sends the latest recommendation to the role's leads only", async () => {
    const kit = expectStatus(
      await w.interviewerB.agent.get(`/api/interviews/${w.interviewB}/kit`),
      200,
    ).json<Parameters<typeof completeScorecard>[0]>();
    const saved = expectStatus(
      await w.interviewerB.agent.put(`/api/interviews/${w.interviewB}/scorecard/draft`, {
        revision: 0,
        ...completeScorecard(kit, 3, "yes"),
      }),
      200,
    ).json<{ scorecard: { revision: number } }>().scorecard;
    expectStatus(
      await w.interviewerB.agent.post(`/api/interviews/${w.interviewB}/scorecard/submit`, {
        revision: saved.revision,
      }),
      200,
    );
    const cardFor = async (agent: HttpAgent) =>
      column(await getBoard(agent), "technical-screen").cards.find(
        (c) => c.id === w.main.applicationId,
      );
    expect((await cardFor(w.managerOn.agent))?.latestRecommendation).toBe("yes");
    expect((await cardFor(w.admin))?.latestRecommendation).toBe("yes");
    // Recruiters read others' scorecards only after their own, so the board does not leak one.
    expect((await cardFor(w.recruiterOn.agent))?.latestRecommendation).toBeNull();
  });

  it("answers 404 to those who may not see the role, and 400 for a cursor it did not make", async () => {
    for (const agent of [w.recruiterOff.agent, w.interviewerOff.agent, w.otherTeam.manager.agent])
      expect((await agent.get(boardUrl())).statusCode).toBe(404);
    expect((await w.anonymous.get(boardUrl())).statusCode).toBe(401);
    const stageId = w.stage("resume-screen").id;
    const forged = await w.recruiterOn.agent.get(boardUrl(`?stageId=${stageId}&after=bm9wZQ`));
    expect(forged.statusCode).toBe(400);
    expect(errorOf(forged).fields?.map((f) => f.field)).toEqual(["after"]);
    const [first] = (await getBoard(w.recruiterOn.agent, `?stageId=${stageId}&limit=1`)).columns;
    const otherOrder = await w.recruiterOn.agent.get(
      boardUrl(`?stageId=${stageId}&sort=name&after=${first?.nextCursor ?? ""}`),
    );
    expect(otherOrder.statusCode).toBe(400);
    expect(errorOf(otherOrder).message).toMatch(/order/);
    const noStage = await w.recruiterOn.agent.get(boardUrl(`?after=${first?.nextCursor ?? ""}`));
    expect(noStage.statusCode).toBe(400);
    expect(errorOf(noStage).fields?.map((f) => f.field)).toEqual(["stageId"]);
    const otherStage = await w.recruiterOn.agent.get(
      boardUrl(`?stageId=${w.otherTeam.role.stages[0]?.id ?? ""}`),
    );
    expect(otherStage.statusCode).toBe(404);
  });

  it("rejects in bulk with one reason, and leaves what the caller may not see untouched and unnamed", async () => {
    const [a, b] = [
      (await w.newApplication()).applicationId,
      (await w.newApplication()).applicationId,
    ];
    const nowhere = "00000000-0000-4000-8000-000000000001";
    const bulk = expectStatus(
      await w.recruiterOn.agent.post("/api/applications/bulk", {
        action: "reject",
        applicationIds: [a, b, w.otherTeam.applicationId, nowhere],
        reason: "Not enough Django experience for this level.",
      }),
      200,
    ).json<TBulk>();
    expect(bulk).toMatchObject({ done: 2, failed: 2 });
    expect(bulk.results.map((r) => r.outcome)).toEqual(["done", "done", "NOT_FOUND", "NOT_FOUND"]);
    // Another team's application reads exactly like one that does not exist.
    expect(bulk.results[2]?.message).toBe(bulk.results[3]?.message);
    for (const id of [a, b]) {
      const app = expectStatus(await w.admin.get(`/api/applications/${id}`), 200).json<{
        application: { status: string; closedReason: string };
      }>().application;
      expect(app).toMatchObject({
        status: "rejected",
        closedReason: "Not enough Django experience for this level.",
      });
    }
    const untouched = expectStatus(
      await w.admin.get(`/api/applications/${w.otherTeam.applicationId}`),
      200,
    ).json<{ application: { status: string; history: unknown[] } }>().application;
    expect(untouched.status).toBe("active");
    expect(untouched.history).toHaveLength(1);
    const again = expectStatus(
      await w.recruiterOn.agent.post("/api/applications/bulk", {
        action: "reject",
        applicationIds: [a],
        reason: "Twice.",
      }),
      200,
    ).json<TBulk>();
    expect(again.results[0]?.outcome).toBe("CONFLICT");
  });

  it("moves in bulk through the same rules as one move, reporting each", async () => {
    const [a, b] = [
      (await w.newApplication()).applicationId,
      (await w.newApplication()).applicationId,
    ];
    const tech = w.stage("technical-screen").id;
    expectStatus(
      await w.recruiterOn.agent.post(`/api/applications/${b}/move`, { toStageId: tech }),
      200,
    );
    const bulk = expectStatus(
      await w.recruiterOn.agent.post("/api/applications/bulk", {
        action: "move",
        applicationIds: [a, b, a],
        toStageId: tech,
      }),
      200,
    ).json<TBulk>();
    expect(bulk.results.map((r) => [r.applicationId, r.outcome])).toEqual([
      [a, "done"],
      [b, "CONFLICT"],
    ]);
    expect(bulk.results[1]?.message).toMatch(/already in/);
    const board = await getBoard(w.recruiterOn.agent);
    expect(column(board, "technical-screen").cards.map((c) => c.id)).toContain(a);
    // Interviewers stop at the gate; a reject needs its reason, an empty list is refused.
    const gate = await w.interviewerA.agent.post("/api/applications/bulk", {
      action: "move",
      applicationIds: [a],
      toStageId: tech,
    });
    expect(gate.statusCode).toBe(403);
    const noReason = await w.recruiterOn.agent.post("/api/applications/bulk", {
      action: "reject",
      applicationIds: [a],
    });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).fields?.map((f) => f.field)).toContain("reason");
    const empty = await w.recruiterOn.agent.post("/api/applications/bulk", {
      action: "reject",
      applicationIds: [],
      reason: "Nobody.",
    });
    expect(empty.statusCode).toBe(400);
  });
});
