import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { generateScaleData } from "../../../bench/support/scale-data.js";
import { queryRows } from "../../db/raw-query.js";
import { createTestApp } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TCard = {
  id: string;
  application_id: string;
  interviewer_id: string;
  competency_ratings: Record<string, number>;
  answers: { questionVersionId: string; rating: unknown }[];
};

/**
 * The ratings projection that the shortlist ranks on, against its definition computed here in
 * TypeScript from the raw cards: a card's rating of a competency is its explicit rating, else the
 * mean of its numeric question ratings on it; each rater counts once per application (the mean of
 * their current cards). Then through the trigger: a submit, a correction and a delete.
 */
describe("scorecard ratings projection", () => {
  let ctx: TTestContext;
  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(ctx.handle.db, q);

  async function expectedCells() {
    const cards = await rows<TCard>(sql`select id, application_id, interviewer_id,
      competency_ratings, answers from scorecards
      where status = 'submitted' and superseded_at is null`);
    const versions = new Map(
      (
        await rows<{ id: string; competencies: string[] }>(
          sql`select id, competencies from question_versions`,
        )
      ).map((v) => [v.id, v.competencies]),
    );
    const perRater = new Map<string, number[]>();
    for (const card of cards) {
      const byQuestion = new Map<string, number[]>();
      for (const answer of card.answers) {
        if (typeof answer.rating !== "number") continue;
        for (const c of versions.get(answer.questionVersionId) ?? [])
          byQuestion.set(c, [...(byQuestion.get(c) ?? []), answer.rating]);
      }
      const competencies = new Set([...Object.keys(card.competency_ratings), ...byQuestion.keys()]);
      for (const c of competencies) {
        const qs = byQuestion.get(c) ?? [];
        const rating = card.competency_ratings[c] ?? qs.reduce((s, x) => s + x, 0) / qs.length;
        const key = `${card.application_id}|${c}|${card.interviewer_id}`;
        perRater.set(key, [...(perRater.get(key) ?? []), rating]);
      }
    }
    const cells = new Map<string, { n: number; total: number; low: number; high: number }>();
    for (const [key, ratings] of perRater) {
      const [app, c] = key.split("|");
      const r = ratings.reduce((s, x) => s + x, 0) / ratings.length;
      const cell = cells.get(`${app}|${c}`) ?? { n: 0, total: 0, low: Infinity, high: -Infinity };
      cells.set(`${app}|${c}`, {
        n: cell.n + 1,
        total: cell.total + r,
        low: Math.min(cell.low, r),
        high: Math.max(cell.high, r),
      });
    }
    return cells;
  }

  async function storedCells() {
    const stored = await rows<{
      application_id: string;
      competency: string;
      n: unknown;
      total: unknown;
      low: unknown;
      high: unknown;
    }>(sql`select application_id, competency, n, total, low, high from scorecard_rating_cells`);
    return new Map(
      stored.map((c) => [
        `${c.application_id}|${c.competency}`,
        { n: Number(c.n), total: Number(c.total), low: Number(c.low), high: Number(c.high) },
      ]),
    );
  }

  function expectSame(
    actual: Map<string, { n: number; total: number; low: number; high: number }>,
    expected: Map<string, { n: number; total: number; low: number; high: number }>,
  ) {
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, want] of expected) {
      const got = actual.get(key);
      expect(got?.n, key).toBe(want.n);
      expect(got?.total, key).toBeCloseTo(want.total, 9);
      expect(got?.low, key).toBeCloseTo(want.low, 9);
      expect(got?.high, key).toBeCloseTo(want.high, 9);
    }
  }

  beforeAll(async () => {
    ctx = await createTestApp("pglite");
    await generateScaleData(ctx.handle.db, {
      applications: 40,
      interviews: 100,
      scorecards: 330,
      pendingScorecards: 10,
      interviewers: 6,
    });
  }, 120_000);
  afterAll(async () => ctx.close());

  it("holds, after a bulk load, what the cards say by their definition", async () => {
    const expected = await expectedCells();
    expect(expected.size).toBeGreaterThan(100);
    expectSame(await storedCells(), expected);
  });

  it("follows a submit, a correction and a delete through the trigger", async () => {
    const [draft] = await rows<{ id: string }>(
      sql`select id from scorecards where status = 'draft' limit 1`,
    );
    const [submitted] = await rows<{ id: string; application_id: string }>(
      sql`select id, application_id from scorecards
        where status = 'submitted' and superseded_at is null limit 1`,
    );
    if (!draft || !submitted) throw new Error("the generated data has no draft or card");
    await ctx.handle.db.execute(sql`update scorecards set status = 'submitted',
      competency_ratings = '{"testing": 4}'::jsonb where id = ${draft.id}::uuid`);
    await ctx.handle.db.execute(
      sql`update scorecards set superseded_at = now() where id = ${submitted.id}::uuid`,
    );
    const [other] = await rows<{ id: string }>(
      sql`select id from scorecards where status = 'submitted' and superseded_at is null
        and application_id <> ${submitted.application_id}::uuid limit 1`,
    );
    await ctx.handle.db.execute(sql`delete from scorecards where id = ${other?.id}::uuid`);
    const [gone] = await rows<{ n: number }>(
      sql`select count(*)::int as n from scorecard_ratings where scorecard_id = ${submitted.id}::uuid`,
    );
    expect(gone?.n).toBe(0);
    expectSame(await storedCells(), await expectedCells());
  });
});
