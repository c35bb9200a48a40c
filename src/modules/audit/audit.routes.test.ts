import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { errorOf, HttpAgent, inviteAndAccept, setupAdmin } from "../../test-support/http-agent.js";
import { parseCsv } from "../screening/csv-parse.js";

type TEvents = {
  events: { id: number; action: string; entityId: string | null; createdAt: string }[];
};

describe.each(testDatabaseKinds())("the audit trail over HTTP on %s", (kind) => {
  let ctx: TTestContext;
  let admin: HttpAgent;
  let recruiter: HttpAgent;
  let recruiterId: string;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    admin = await setupAdmin(ctx.app);
    ({ agent: recruiter, userId: recruiterId } = await inviteAndAccept(
      ctx.app,
      admin,
      "rita@example.com",
      "recruiter",
    ));
    await admin.patch(`/api/users/${recruiterId}`, { role: "hiring_manager" });
    await admin.post("/api/invites", {
      email: "quoted@example.com",
      name: 'Quinn, "the" tester',
      role: "interviewer",
    });
  });
  afterAll(async () => ctx.close());

  it("filters by object and by day", async () => {
    const byObject = (
      await admin.get(`/api/audit?entityType=user&entityId=${recruiterId}`)
    ).json<TEvents>().events;
    expect(byObject.length).toBeGreaterThan(0);
    expect(byObject.every((event) => event.entityId === recruiterId)).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    const todays = (await admin.get(`/api/audit?from=${today}&to=${today}`)).json<TEvents>().events;
    expect(todays.length).toBeGreaterThan(0);
    const none = (await admin.get("/api/audit?to=2001-01-01")).json<TEvents>().events;
    expect(none).toEqual([]);

    const bad = await admin.get("/api/audit?from=yesterday");
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toContain("from must be a date like 2026-03-31");
  });

  it("exports the filtered trail as CSV that reads back, with the change in words", async () => {
    const response = await admin.get(`/api/audit/export.csv?entityId=${recruiterId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toMatch(
      /attachment; filename="shortlist-audit-/,
    );
    const [header, ...rows] = parseCsv(response.body).map((record) => record.cells);
    expect(header).toEqual([
      "when",
      "who",
      "action",
      "object type",
      "object id",
      "change",
      "request id",
    ]);
    const promoted = rows.find((row) => row[2] === "user.updated");
    expect(promoted?.[4]).toBe(recruiterId);
    expect(promoted?.[5]).toContain("role: recruiter → hiring_manager");
    expect(rows.every((row) => row[4] === recruiterId)).toBe(true);

    // A quote and a comma in a value survive the round trip.
    const invites = await admin.get("/api/audit/export.csv?entityType=invite");
    const cells = parseCsv(invites.body).flatMap((record) => record.cells);
    expect(cells.some((cell) => cell.includes('name: Quinn, "the" tester'))).toBe(true);
  });

  it("pages the trail by cursor with a total, filters kept across pages", async () => {
    type TPage = TEvents & {
      events: { id: number }[];
      total: number;
      totalCapped: boolean;
      nextBefore: number | null;
    };
    for (let n = 0; n < 5; n++)
      await admin.post("/api/invites", {
        email: `page${n}@example.com`,
        name: `Page ${n}`,
        role: "interviewer",
      });
    const first = (await admin.get("/api/audit?entityType=invite&limit=2")).json<TPage>();
    expect(first.events).toHaveLength(2);
    expect(first.total).toBeGreaterThanOrEqual(6);
    expect(first.totalCapped).toBe(false);
    expect(first.nextBefore).not.toBeNull();
    const seen = [...first.events.map((e) => e.id)];
    let cursor = first.nextBefore;
    while (cursor !== null) {
      const page = (
        await admin.get(`/api/audit?entityType=invite&limit=2&before=${cursor}`)
      ).json<TPage>();
      expect(page.total).toBe(first.total);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextBefore;
    }
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await admin.get("/api/audit?before=yesterday");
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toContain("before");
  });

  it("is for admins only", async () => {
    expect((await recruiter.get("/api/audit")).statusCode).toBe(403);
    expect((await recruiter.get("/api/audit/export.csv")).statusCode).toBe(403);
    expect((await new HttpAgent(ctx.app).get("/api/audit/export.csv")).statusCode).toBe(401);
  });
});
