import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TCandidate = {
  id: string;
  name: string;
  contactVisible: boolean;
  email: string | null;
  phone: string | null;
  notes: string | null;
  links: { github: string | null };
};

describe.each(testDatabaseKinds())("candidate contact details on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  let candidateId: string;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
    candidateId = w.main.candidateId;
    expectStatus(
      await w.recruiterOn.agent.patch(`/api/candidates/${candidateId}`, {
        phone: "+49 30 1234567",
        notes: "Prefers mornings; salary expectations discussed.",
        links: { github: "https://github.com/candidate1" },
      }),
      200,
    );
  });
  afterAll(async () => ctx.close());

  it("gives two edits racing to one new e-mail a 200 and a 409 naming the field, never a 500", async () => {
    const create = async (n: number) =>
      expectStatus(
        await w.recruiterOn.agent.post("/api/candidates", {
          name: `Racer ${n}`,
          email: `racer${n}-${kind}@example.org`,
        }),
        201,
      ).json<{ candidate: { id: string } }>().candidate.id;
    for (let round = 0; round < 3; round++) {
      const [a, b] = [await create(round * 2), await create(round * 2 + 1)];
      const email = `taken-${round}-${kind}@example.org`;
      const results = await Promise.all(
        [a, b].map((id) => w.recruiterOn.agent.patch(`/api/candidates/${id}`, { email })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const refused = results.find((r) => r.statusCode === 409);
      expect(refused?.json<{ error: { fields: { field: string }[] } }>().error.fields).toEqual([
        expect.objectContaining({ field: "email" }),
      ]);
    }
  });

  it("sends e-mail, phone and notes to the people who run the pipeline", async () => {
    for (const agent of [w.admin, w.recruiterOn.agent, w.managerOn.agent]) {
      const candidate = expectStatus(await agent.get(`/api/candidates/${candidateId}`), 200).json<{
        candidate: TCandidate;
      }>().candidate;
      expect(candidate.contactVisible).toBe(true);
      expect(candidate.email).toBe("candidate1@example.org");
      expect(candidate.phone).toBe("+49 30 1234567");
      expect(candidate.notes).toContain("mornings");
    }
  });

  it("leaves contact details and notes out for an assigned interviewer", async () => {
    const one = await w.interviewerA.agent.get(`/api/candidates/${candidateId}`);
    const candidate = expectStatus(one, 200).json<{ candidate: TCandidate }>().candidate;
    expect(candidate).toMatchObject({
      contactVisible: false,
      email: null,
      phone: null,
      notes: null,
      links: { github: "https://github.com/candidate1" },
    });
    expect(one.body).not.toContain("candidate1@example.org");
    expect(one.body).not.toContain("mornings");

    const list = await w.interviewerA.agent.get("/api/candidates");
    expect(list.body).not.toContain("@example.org");
    expect(list.json<{ candidates: TCandidate[] }>().candidates.map((c) => c.id)).toEqual([
      candidateId,
    ]);
  });

  it("does not let an interviewer find a candidate by e-mail", async () => {
    const byEmail = await w.interviewerA.agent.get("/api/candidates?q=candidate1%40example");
    expect(byEmail.json<{ total: number }>().total).toBe(0);
    const byName = await w.interviewerA.agent.get("/api/candidates?q=Candidate");
    expect(byName.json<{ total: number }>().total).toBe(1);
    const asRecruiter = await w.recruiterOn.agent.get("/api/candidates?q=candidate1%40example");
    expect(asRecruiter.json<{ total: number }>().total).toBe(1);
  });

  it("keeps the e-mail out of application summaries an interviewer receives", async () => {
    for (const url of ["/api/me/interviews", "/api/dashboard"]) {
      const response = expectStatus(await w.interviewerA.agent.get(url), 200);
      expect(response.body).toContain("Candidate 1");
      expect(response.body).not.toContain("@example.org");
    }
  });

  it("filters the list by role, stage and status, and only by a role the caller may see", async () => {
    const screening = await w.newApplication("resume-screen");
    const ids = async (query: string) =>
      expectStatus(await w.recruiterOn.agent.get(`/api/candidates?${query}`), 200)
        .json<{ candidates: TCandidate[] }>()
        .candidates.map((c) => c.id);
    const screenStage = w.role.stages.find((s) => s.kind === "resume-screen")?.id ?? "";
    const onRole = await ids(`roleId=${w.role.id}`);
    expect(onRole).toEqual(expect.arrayContaining([candidateId, screening.candidateId]));
    const inScreen = await ids(`roleId=${w.role.id}&stageId=${screenStage}`);
    expect(inScreen).toContain(screening.candidateId);
    expect(inScreen).not.toContain(candidateId);
    expect(await ids(`roleId=${w.role.id}&status=hired`)).toEqual([]);
    // Another team's role reads as unknown rather than answering who applied to it.
    const theirs = await w.recruiterOn.agent.get(`/api/candidates?roleId=${w.otherTeam.role.id}`);
    expect(theirs.statusCode).toBe(404);
  });

  it("pages the list by cursor in name order, with a total, filters kept across pages", async () => {
    type TPage = {
      candidates: TCandidate[];
      total: number;
      totalCapped: boolean;
      nextCursor: string | null;
    };
    for (let n = 0; n < 5; n++)
      expectStatus(
        await w.recruiterOn.agent.post("/api/candidates", {
          name: `Pager ${n}`,
          email: `pager${n}-${kind}@example.org`,
        }),
        201,
      );
    const first = expectStatus(
      await w.recruiterOn.agent.get("/api/candidates?q=Pager&limit=2"),
      200,
    ).json<TPage>();
    expect(first.candidates.map((c) => c.name)).toEqual(["Pager 0", "Pager 1"]);
    expect(first).toMatchObject({ total: 5, totalCapped: false });
    const names = first.candidates.map((c) => c.name);
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const page = expectStatus(
        await w.recruiterOn.agent.get(`/api/candidates?q=Pager&limit=2&after=${cursor}`),
        200,
      ).json<TPage>();
      expect(page.total).toBe(5);
      names.push(...page.candidates.map((c) => c.name));
      cursor = page.nextCursor;
    }
    expect(names).toEqual(["Pager 0", "Pager 1", "Pager 2", "Pager 3", "Pager 4"]);
    const bad = await w.recruiterOn.agent.get("/api/candidates?after=not-a-cursor");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("is not a cursor from this list");
  });

  it("answers the profile exactly as the list presents the same candidate", async () => {
    const list = expectStatus(await w.admin.get("/api/candidates?limit=200"), 200).json<{
      candidates: TCandidate[];
    }>().candidates;
    for (const listed of list.slice(0, 5)) {
      const one = expectStatus(await w.admin.get(`/api/candidates/${listed.id}`), 200).json<{
        candidate: TCandidate;
      }>().candidate;
      expect(one).toEqual(listed);
    }
  });
});
