import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { generateScaleData } from "../../../bench/support/scale-data.js";
import { queryRows } from "../../db/raw-query.js";
import type { TExecutor } from "../../db/client.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

/**
 * Two cards of one application saved at the same moment, on the server (PGlite has one session,
 * so nothing runs at once there). The first transaction saves and stays open; the second saves
 * while it is open; then the first commits. Both must commit, and the rating cells must be what
 * the two cards say.
 */
describe.runIf(testDatabaseKinds().includes("postgres"))(
  "rating cells under concurrent saves",
  () => {
    let ctx: TTestContext;
    const rows = <T>(executor: TExecutor, q: ReturnType<typeof sql>) => queryRows<T>(executor, q);

    beforeAll(async () => {
      ctx = await createTestApp("postgres");
      await generateScaleData(ctx.handle.db, {
        applications: 20,
        interviews: 50,
        scorecards: 150,
        pendingScorecards: 0,
        interviewers: 6,
      });
    }, 120_000);
    afterAll(async () => ctx.close());

    /** Two current submitted cards of one application by different interviewers. */
    async function twoCardsOfOneApplication() {
      const [pair] = await rows<{ a: string; b: string; application_id: string }>(
        ctx.handle.db,
        sql`select min(id::text) as a, max(id::text) as b, application_id from (
          select distinct on (application_id, interviewer_id) id, application_id, interviewer_id
          from scorecards where status = 'submitted' and superseded_at is null
            and application_id not in (select application_id from scorecards where status = 'draft')
        ) c group by application_id having count(*) >= 2 limit 1`,
      );
      if (!pair) throw new Error("the generated data has no application with two raters");
      return pair;
    }

    /** Runs `first`, then `second` while the first's transaction is still open, then commits both. */
    async function overlapping(
      first: (tx: TExecutor) => Promise<unknown>,
      second: (tx: TExecutor) => Promise<unknown>,
    ) {
      let releaseFirst = () => {};
      const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstSaved = () => {};
      const firstHasSaved = new Promise<void>((resolve) => (firstSaved = resolve));
      const one = ctx.handle.db.transaction(async (tx) => {
        await first(tx);
        firstSaved();
        await firstMayCommit;
      });
      await firstHasSaved;
      const two = ctx.handle.db.transaction(async (tx) => second(tx));
      // Long enough for the second save to reach whatever it would collide on.
      await new Promise((resolve) => setTimeout(resolve, 300));
      releaseFirst();
      return Promise.allSettled([one, two]);
    }

    async function cellsOf(applicationId: string) {
      return rows<{ competency: string; n: number; total: number }>(
        ctx.handle.db,
        sql`select competency, n::int as n, total::float8 as total from scorecard_rating_cells
        where application_id = ${applicationId}::uuid order by competency`,
      );
    }

    it("commits two corrections of one application's cards, each rater counted once", async () => {
      const { a, b, application_id } = await twoCardsOfOneApplication();
      // The analytics rollups lock the application row too; off here, so only the cells are tested.
      await ctx.handle.db.execute(
        sql`alter table scorecards disable trigger analytics_rollups_follow`,
      );
      try {
        const results = await overlapping(
          (tx) =>
            tx.execute(sql`update scorecards set competency_ratings = '{"zz-first": 4}'::jsonb,
          answers = '[]'::jsonb where id = ${a}::uuid`),
          (tx) =>
            tx.execute(sql`update scorecards set competency_ratings = '{"zz-first": 2}'::jsonb,
          answers = '[]'::jsonb where id = ${b}::uuid`),
        );
        expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : r.status))).toEqual(
          ["fulfilled", "fulfilled"],
        );
      } finally {
        await ctx.handle.db.execute(
          sql`alter table scorecards enable trigger analytics_rollups_follow`,
        );
      }
      const cell = (await cellsOf(application_id)).find((c) => c.competency === "zz-first");
      expect(cell).toEqual({ competency: "zz-first", n: 2, total: 6 });
    });

    it("commits two drafts of one application saved at once, and they count nowhere", async () => {
      const { a, b, application_id } = await twoCardsOfOneApplication();
      await ctx.handle.db.execute(
        sql`update scorecards set status = 'draft' where id in (${a}::uuid, ${b}::uuid)`,
      );
      const before = await cellsOf(application_id);
      const results = await overlapping(
        (tx) =>
          tx.execute(sql`update scorecards set competency_ratings = '{"zz-draft": 4}'::jsonb
        where id = ${a}::uuid`),
        (tx) =>
          tx.execute(sql`update scorecards set competency_ratings = '{"zz-draft": 1}'::jsonb
        where id = ${b}::uuid`),
      );
      expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : r.status))).toEqual([
        "fulfilled",
        "fulfilled",
      ]);
      expect(await cellsOf(application_id)).toEqual(before);
    });
  },
);
