import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScaleData } from "../../../bench/support/scale-data.js";
import type { TScaleData } from "../../../bench/support/scale-data.js";
import { openCountingDatabase } from "../../test-support/counting-database.js";
import { createTestApp } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import type { TShortlistResponse } from "./shortlist.schema.js";

/**
 * The shortlist on generated data (the bench's generator, small): every active application gets
 * a row, rows are sorted as asked, and the whole page costs a fixed number of statements however
 * large the role is (no query per candidate).
 */
describe("shortlist on generated data", () => {
  let ctx: TTestContext;
  let counting: Awaited<ReturnType<typeof openCountingDatabase>>;
  let data: TScaleData;
  beforeAll(async () => {
    counting = await openCountingDatabase();
    ctx = await createTestApp("pglite", { openDatabase: () => Promise.resolve(counting.handle) });
    data = await generateScaleData(ctx.handle.db, {
      applications: 80,
      interviews: 200,
      scorecards: 660,
      pendingScorecards: 20,
      interviewers: 6,
    });
  }, 120_000);
  afterAll(async () => ctx.close());

  const get = (path: string) =>
    ctx.app.inject({
      method: "GET",
      url: path,
      cookies: { sl_session: data.hiringManager.sessionToken },
    });

  it("ranks every active application, sorted by the lower bound when asked, and pages 50 by default", async () => {
    const response = await get(`/api/roles/${data.roleId}/shortlist?sort=lower`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<TShortlistResponse>();
    expect(data.counts.activeApplications).toBeGreaterThan(50);
    expect(body.rows).toHaveLength(50);
    const lows = body.rows.flatMap((r) => (r.composite ? [r.composite.low80] : []));
    expect(lows.length).toBeGreaterThan(0);
    expect([...lows].sort((a, b) => b - a)).toEqual(lows);
    expect(body.variances.source).toBe("role");
    expect(body.total).toBe(data.counts.activeApplications);
  });

  it("pages the ranked rows without changing the ranking", async () => {
    const all = (
      await get(`/api/roles/${data.roleId}/shortlist?sort=pAbove&limit=2000`)
    ).json<TShortlistResponse>();
    const page = (
      await get(`/api/roles/${data.roleId}/shortlist?sort=pAbove&limit=10&offset=5`)
    ).json<TShortlistResponse>();
    expect(page.total).toBe(all.total);
    expect(page.rows.map((r) => r.applicationId)).toEqual(
      all.rows.slice(5, 15).map((r) => r.applicationId),
    );
    const raters = new Set(
      page.rows.flatMap((r) => r.stages.flatMap((s) => s.recommendations.map((x) => x.raterId))),
    );
    expect(page.people.map((p) => p.id).sort()).toEqual([...raters].sort());
    expect((await get(`/api/roles/${data.roleId}/shortlist?limit=0`)).statusCode).toBe(400);
  });

  it("answers from the read cache while nothing changes, and afresh after any write", async () => {
    const url = `/api/roles/${data.roleId}/shortlist?sort=lower&limit=2000`;
    const first = (await get(url)).json<TShortlistResponse>();
    counting.counter.statements = [];
    counting.counter.counting = true;
    const again = (await get(url)).json<TShortlistResponse>();
    counting.counter.counting = false;
    expect(again).toEqual(first);
    // The session, the viewer's scope and the data version; no evidence is read again.
    expect(counting.counter.statements.join("\n")).not.toMatch(
      /scorecard_rating_cells|resume_screens/,
    );

    const dropped = first.rows[0]?.applicationId ?? "";
    await ctx.handle.db.execute(
      sql`update applications set status = 'rejected' where id = ${dropped}::uuid`,
    );
    const after = (await get(url)).json<TShortlistResponse>();
    expect(after.total).toBe(first.total - 1);
    expect(after.rows.map((r) => r.applicationId)).not.toContain(dropped);
  });
});
