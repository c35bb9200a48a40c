import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScaleData } from "../../../bench/support/scale-data.js";
import type { TScaleData } from "../../../bench/support/scale-data.js";
import { queryRows } from "../../db/raw-query.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TPage = {
  interviews: { id: string; scheduledAt: string; interviewer: { id: string } }[];
  total: number;
  nextCursor: string | null;
};

/** Honest lists: every page says how many there are, and the pages together are the whole list. */
describe.each(testDatabaseKinds())("paginated interview lists on %s", (kind) => {
  let ctx: TTestContext;
  let data: TScaleData;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    data = await generateScaleData(ctx.handle.db, {
      applications: 40,
      interviews: 100,
      scorecards: 330,
      pendingScorecards: 10,
      interviewers: 6,
    });
  }, 120_000);
  afterAll(() => ctx.close());

  const get = async (url: string, token: string) =>
    ctx.app.inject({ method: "GET", url, cookies: { sl_session: token } });

  async function count(query: ReturnType<typeof sql>) {
    const [row] = await queryRows<{ n: number }>(ctx.handle.db, query);
    return Number(row?.n);
  }

  async function allPages(token: string, limit: number) {
    const pages: TPage[] = [];
    let after: string | null = null;
    do {
      const url = `/api/me/interviews?limit=${limit}${after ? `&after=${after}` : ""}`;
      const res = await get(url, token);
      expect(res.statusCode).toBe(200);
      const page = res.json<TPage>();
      pages.push(page);
      after = page.nextCursor;
    } while (after && pages.length < 100);
    return pages;
  }

  it("pages through an interviewer's interviews: total right, no row twice, none left out", async () => {
    const me = data.featured.interviewer;
    const expected = await count(
      sql`select count(*) as n from interviews where interviewer_id = ${me.id}`,
    );
    expect(expected).toBeGreaterThan(7);
    const pages = await allPages(me.sessionToken, 7);
    expect(pages.every((p) => p.total === expected)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.interviews.length === 7)).toBe(true);
    const rows = pages.flatMap((p) => p.interviews);
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((r) => r.id)).size).toBe(expected);
    // Need to know: only the caller's own interviews.
    expect(rows.every((r) => r.interviewer.id === me.id)).toBe(true);
    // Keyset order: (scheduledAt, id) ascending, the same as one big page.
    const whole = (await get("/api/me/interviews?limit=200", me.sessionToken)).json<TPage>();
    expect(rows.map((r) => r.id)).toEqual(whole.interviews.map((r) => r.id));
    expect(whole.nextCursor).toBeNull();
  });

  it("keeps the next page stable when an earlier interview is added meanwhile", async () => {
    const me = data.featured.interviewer;
    const first = (await get("/api/me/interviews?limit=5", me.sessionToken)).json<TPage>();
    const second = `/api/me/interviews?limit=5&after=${first.nextCursor ?? ""}`;
    const before = (await get(second, me.sessionToken)).json<TPage>();
    // Move one of the interviewer's later interviews before the first page: offsets would shift.
    const last = (await get("/api/me/interviews?limit=200", me.sessionToken)).json<TPage>();
    const moved = last.interviews.at(-1);
    await ctx.handle.db.execute(
      sql`update interviews set scheduled_at = '2000-01-01T00:00:00Z' where id = ${moved?.id}`,
    );
    const after = (await get(second, me.sessionToken)).json<TPage>();
    expect(after.interviews.map((r) => r.id)).toEqual(before.interviews.map((r) => r.id));
    expect(after.total).toBe(before.total);
  });

  it("tells a caller with no interviews that there are none", async () => {
    const res = await get("/api/me/interviews", data.hiringManager.sessionToken);
    expect(res.json()).toEqual({ interviews: [], total: 0, nextCursor: null });
  });

  it("rejects a cursor it did not hand out, naming the parameter", async () => {
    const res = await get("/api/me/interviews?after=bm90LWEtY3Vyc29y", data.admin.sessionToken);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain("after");
  });

  it("gives the dashboard's lists their totals, with a short preview", async () => {
    const me = data.featured.interviewer;
    const toSubmit = await count(sql`select count(*) as n from interviews i
      join applications a on a.id = i.application_id and a.status = 'active'
      where i.interviewer_id = ${me.id} and not exists (select 1 from scorecards s
        where s.interview_id = i.id and s.status = 'submitted')`);
    const mine = (await get("/api/dashboard", me.sessionToken)).json<{
      scorecardsToSubmit: unknown[];
      totals: Record<string, number>;
    }>();
    expect(mine.totals.scorecardsToSubmit).toBe(toSubmit);
    expect(mine.scorecardsToSubmit).toHaveLength(Math.min(toSubmit, 10));
    // An interviewer runs no pipeline: nothing to screen or decide.
    expect(mine.totals.applicationsToScreen).toBe(0);
    expect(mine.totals.decisionsToMake).toBe(0);

    const toScreen = await count(sql`select count(*) as n from applications a
      join role_stages st on st.id = a.current_stage_id
      where a.status = 'active' and st.kind = 'resume-screen'`);
    const manager = (await get("/api/dashboard", data.hiringManager.sessionToken)).json<{
      applicationsToScreen: unknown[];
      decisionsToMake: { submittedScorecards: number }[];
      totals: Record<string, number>;
    }>();
    expect(toScreen).toBeGreaterThan(0);
    expect(manager.totals.applicationsToScreen).toBe(toScreen);
    expect(manager.applicationsToScreen).toHaveLength(Math.min(toScreen, 10));
    expect(manager.decisionsToMake.length).toBe(Math.min(manager.totals.decisionsToMake ?? 0, 10));
    expect(manager.decisionsToMake.every((d) => d.submittedScorecards > 0)).toBe(true);
  });
});
