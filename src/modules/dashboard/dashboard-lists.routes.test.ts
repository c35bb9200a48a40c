import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScaleData } from "../../../bench/support/scale-data.js";
import type { TScaleData } from "../../../bench/support/scale-data.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TItem = { id: string };
type TPage = { items: TItem[]; total: number; nextCursor: string | null };
type TDashboard = {
  scorecardsToSubmit: TItem[];
  applicationsToScreen: TItem[];
  decisionsToMake: TItem[];
  totals: { scorecardsToSubmit: number; applicationsToScreen: number; decisionsToMake: number };
};

const LISTS = [
  { path: "scorecards-to-submit", key: "scorecardsToSubmit", who: "interviewer" },
  { path: "applications-to-screen", key: "applicationsToScreen", who: "manager" },
  { path: "decisions-to-make", key: "decisionsToMake", who: "manager" },
] as const;

/** The home page's previews lead to the whole lists: same totals, same order, every item once. */
describe.each(testDatabaseKinds())("the dashboard's full waiting lists on %s", (kind) => {
  let ctx: TTestContext;
  let data: TScaleData;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    data = await generateScaleData(ctx.handle.db, {
      applications: 200,
      interviews: 600,
      scorecards: 2000,
      pendingScorecards: 40,
      interviewers: 4,
    });
    // The interviewer with the most scorecards still to write.
    let most = -1;
    for (const person of data.interviewers) {
      const res = await get("/api/dashboard", person.sessionToken);
      const waiting = res.json<TDashboard>().totals.scorecardsToSubmit;
      if (waiting > most) [most, busiest] = [waiting, person.sessionToken];
    }
  }, 120_000);
  afterAll(() => ctx.close());

  const get = (url: string, token: string) =>
    ctx.app.inject({ method: "GET", url, cookies: { sl_session: token } });
  let busiest = "";
  const tokenOf = (who: "interviewer" | "manager") =>
    who === "manager" ? data.hiringManager.sessionToken : busiest;

  async function allPages(path: string, token: string, limit: number) {
    const pages: TPage[] = [];
    let after: string | null = null;
    do {
      const res = await get(
        `/api/dashboard/${path}?limit=${limit}${after ? `&after=${after}` : ""}`,
        token,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<TPage>();
      pages.push(page);
      after = page.nextCursor;
    } while (after && pages.length < 200);
    return pages;
  }

  it.each(LISTS)("$path: pages add up to the preview's total, in its order", async (list) => {
    const token = tokenOf(list.who);
    const dashboard = (await get("/api/dashboard", token)).json<TDashboard>();
    const total = dashboard.totals[list.key];
    // Enough waits for several pages of four, so paging is really exercised.
    expect(total).toBeGreaterThan(8);
    const pages = await allPages(list.path, token, 4);
    expect(pages.length).toBe(Math.ceil(total / 4));
    expect(pages.every((p) => p.total === total)).toBe(true);
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(ids.slice(0, dashboard[list.key].length)).toEqual(dashboard[list.key].map((i) => i.id));
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it("shows each person only what waits for them", async () => {
    const interviewer = tokenOf("interviewer");
    const decisions = (await get("/api/dashboard/decisions-to-make", interviewer)).json<TPage>();
    expect(decisions).toEqual({ items: [], total: 0, nextCursor: null });
    const mine = await allPages("scorecards-to-submit", interviewer, 50);
    const theirs = await allPages("scorecards-to-submit", tokenOf("manager"), 50);
    const own = new Set(mine.flatMap((p) => p.items.map((i) => i.id)));
    expect(theirs.flatMap((p) => p.items).some((i) => own.has(i.id))).toBe(false);
  });

  it("refuses a cursor it did not hand out, and a page size out of range, with a 400", async () => {
    const token = tokenOf("manager");
    const bad = await get("/api/dashboard/decisions-to-make?after=not-a-cursor", token);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("nextCursor of the previous page");
    expect((await get("/api/dashboard/decisions-to-make?limit=1000", token)).statusCode).toBe(400);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/dashboard/decisions-to-make" })).statusCode,
    ).toBe(401);
  });

  it("keeps the home page and the board while nothing changes, and shows a change at once", async () => {
    const token = tokenOf("manager");
    const home = (await get("/api/dashboard", token)).json<TDashboard>();
    const waiting = home.decisionsToMake[0]?.id ?? home.applicationsToScreen[0]?.id;
    expect(waiting).toBeDefined();
    const boardUrl = `/api/roles/${data.roleId}/board`;
    type TBoard = { columns: { total: number }[] };
    const count = (b: TBoard) => b.columns.reduce((n, c) => n + c.total, 0);
    const board = (await get(boardUrl, token)).json<TBoard>();
    expect((await get("/api/dashboard", token)).json<TDashboard>()).toEqual(home);

    await ctx.handle.db.execute(
      sql`update applications set status = 'withdrawn' where id = ${waiting ?? ""}::uuid`,
    );
    const after = (await get("/api/dashboard", token)).json<TDashboard>();
    const listed = [...after.decisionsToMake, ...after.applicationsToScreen].map((i) => i.id);
    expect(listed).not.toContain(waiting);
    expect(after.totals.decisionsToMake + after.totals.applicationsToScreen).toBe(
      home.totals.decisionsToMake + home.totals.applicationsToScreen - 1,
    );
    expect(count((await get(boardUrl, token)).json<TBoard>())).toBe(count(board) - 1);
  });
});
