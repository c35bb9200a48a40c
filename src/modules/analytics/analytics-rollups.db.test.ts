import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import { generateScaleData } from "../../../bench/support/scale-data.js";
import type { TScaleData } from "../../../bench/support/scale-data.js";
import { queryRows } from "../../db/raw-query.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { createAnalyticsRepo } from "./analytics.repo.js";
import type { TAnalyticsFilter, TReliabilityLevel } from "./analytics.repo.js";

type TRow = Record<string, unknown>;

/*
 * The definition the rollups (migration 0017) must keep: the statements the calibration,
 * reliability and question reports ran over every current submitted card before the rollups,
 * kept here verbatim in substance. Each report read through the rollups must equal them, after a
 * bulk load and after cards are submitted, corrected, superseded and deleted through the trigger.
 */
function scopedTo(filter: TAnalyticsFilter): SQL {
  const roles =
    filter.roleIds === "all"
      ? sql`true`
      : sql`a.role_id in (${sql.join(
          filter.roleIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  return sql`${roles} and a.created_at >= ${filter.from.toISOString()}::timestamptz
    and a.created_at < ${filter.to.toISOString()}::timestamptz`;
}
const current = sql`s.status = 'submitted' and s.superseded_at is null`;

const calibrationDefinition = (filter: TAnalyticsFilter) => sql`
  with cards as (
    select s.interviewer_id, s.application_id, s.stage_id, s.competency_ratings, s.recommendation
    from scorecards s join applications a on a.id = s.application_id
    where ${current} and ${scopedTo(filter)}
  ),
  ratings as (
    select c.interviewer_id, c.application_id, c.stage_id, r.key as competency,
      r.value::float8 as rating
    from cards c cross join lateral jsonb_each_text(c.competency_ratings) r
  ),
  panel as (
    select application_id, stage_id, competency, sum(rating) as total, count(*) as raters
    from ratings group by application_id, stage_id, competency having count(*) > 1
  ),
  clusters as (
    select r.interviewer_id, r.application_id, count(*) as n_g,
      sum(r.rating - (p.total - r.rating) / (p.raters - 1)) as s_g
    from ratings r join panel p using (application_id, stage_id, competency)
    group by r.interviewer_id, r.application_id
  ),
  sums as (
    select interviewer_id, sum(n_g) as n, count(*) as clusters, sum(s_g) as sum_d,
      sum(s_g * s_g) as sum_sq, sum(n_g * s_g) as sum_cross, sum(n_g * n_g) as sum_size_sq
    from clusters group by interviewer_id
  ),
  recs as (
    select interviewer_id, count(*) as submitted,
      count(*) filter (where recommendation = 'strong_no') as strong_no,
      count(*) filter (where recommendation = 'no') as no,
      count(*) filter (where recommendation = 'yes') as yes,
      count(*) filter (where recommendation = 'strong_yes') as strong_yes
    from cards group by interviewer_id
  )
  select recs.*, sums.n, sums.clusters, sums.sum_d, sums.sum_sq, sums.sum_cross, sums.sum_size_sq
  from recs left join sums on sums.interviewer_id = recs.interviewer_id`;

function reliabilityDefinition(filter: TAnalyticsFilter, level: TReliabilityLevel) {
  const ratings =
    level === "question"
      ? sql`select s.application_id, s.stage_id, q.value->>'questionId' as key,
          (q.value->>'rating')::numeric as rating
        from scorecards s join applications a on a.id = s.application_id
        cross join lateral jsonb_array_elements(s.answers) q
        where ${current} and ${scopedTo(filter)} and jsonb_typeof(q.value->'rating') = 'number'`
      : sql`select s.application_id, s.stage_id,
          ${level === "stage" ? sql`rs.kind` : sql`r.key`} as key, r.key as competency,
          r.value::numeric as rating
        from scorecards s join applications a on a.id = s.application_id
        join role_stages rs on rs.id = s.stage_id
        cross join lateral jsonb_each_text(s.competency_ratings) r
        where ${current} and ${scopedTo(filter)}`;
  const unitKey =
    level === "stage"
      ? sql`application_id, stage_id, key, competency`
      : sql`application_id, stage_id, key`;
  return sql`with ratings as (${ratings}),
    units as (
      select key,
        count(*) filter (where rating = 1) as v1, count(*) filter (where rating = 2) as v2,
        count(*) filter (where rating = 3) as v3, count(*) filter (where rating = 4) as v4
      from ratings group by ${unitKey}
    )
    select key, v1, v2, v3, v4, count(*) as units
    from units where v1 + v2 + v3 + v4 >= 2 group by key, v1, v2, v3, v4`;
}

const qualityDefinition = (filter: TAnalyticsFilter) => sql`
  with answers as (
    select s.application_id, s.stage_id, q.value->>'questionVersionId' as version_id,
      (q.value->>'rating')::numeric as rating
    from scorecards s join applications a on a.id = s.application_id
    cross join lateral jsonb_array_elements(s.answers) q
    where ${current} and ${scopedTo(filter)} and jsonb_typeof(q.value->'rating') = 'number'
  ),
  items as (
    select application_id, stage_id, version_id, avg(rating) as x, sum(rating) as sr,
      count(*) as nr
    from answers group by application_id, stage_id, version_id
  ),
  stage_totals as (
    select application_id, stage_id, sum(sr) as st, sum(nr) as nt
    from items group by application_id, stage_id
  ),
  joined as (
    select i.version_id, i.x, (t.st - i.sr) / nullif(t.nt - i.nr, 0) as rest
    from items i join stage_totals t using (application_id, stage_id)
  )
  select qv.id, count(*) as asked, avg(x) as mean, corr(x, rest) as discrimination
  from joined join question_versions qv on qv.id::text = joined.version_id group by qv.id`;

describe.each(testDatabaseKinds())("analytics rollups on %s", (kind) => {
  let ctx: TTestContext;
  let data: TScaleData;
  const rows = (query: SQL) => queryRows<TRow>(ctx.handle.db, query);
  const filters = (): [string, TAnalyticsFilter][] => {
    const now = Date.now();
    const day = 86_400_000;
    return [
      ["every role", { roleIds: "all", from: new Date(now - 365 * day), to: new Date(now + day) }],
      // The scale data spreads applications over 90 days: a window that keeps about half.
      [
        "the role, 50 days",
        { roleIds: [data.roleId], from: new Date(now - 50 * day), to: new Date(now + day) },
      ],
    ];
  };

  async function expectReportsMatchDefinition() {
    const repo = createAnalyticsRepo(ctx.handle.db);
    for (const [name, filter] of filters()) {
      const calibration = await repo.interviewerCalibration(filter);
      const expected = await rows(calibrationDefinition(filter));
      expect(calibration.length, name).toBe(expected.length);
      expect(calibration.length, name).toBeGreaterThan(3);
      for (const want of expected) {
        const got = calibration.find((c) => c.interviewerId === want.interviewer_id);
        const label = `${name}: ${String(want.interviewer_id)}`;
        expect(got?.submitted, label).toBe(Number(want.submitted));
        expect(got?.recommendations, label).toEqual({
          strong_no: Number(want.strong_no),
          no: Number(want.no),
          yes: Number(want.yes),
          strong_yes: Number(want.strong_yes),
        });
        expect(got?.sums.n, label).toBe(Number(want.n ?? 0));
        expect(got?.sums.clusters, label).toBe(Number(want.clusters ?? 0));
        expect(got?.sums.sumD, label).toBeCloseTo(Number(want.sum_d ?? 0), 9);
        expect(got?.sums.sumClusterSquares, label).toBeCloseTo(Number(want.sum_sq ?? 0), 9);
        expect(got?.sums.sumClusterCross, label).toBeCloseTo(Number(want.sum_cross ?? 0), 9);
        expect(got?.sums.sumClusterSizeSquares, label).toBe(Number(want.sum_size_sq ?? 0));
      }

      const levels = await repo.reliabilityPatterns(filter);
      for (const level of ["competency", "question", "stage"] as const) {
        const pattern = (key: unknown, counts: readonly unknown[], units: unknown) =>
          `${String(key)} ${counts.map(Number).join("/")} x${Number(units)}`;
        const want = (await rows(reliabilityDefinition(filter, level)))
          .map((r) => pattern(r.key, [r.v1, r.v2, r.v3, r.v4], r.units))
          .sort();
        const got = levels[level].map((p) => pattern(p.key, p.counts, p.units)).sort();
        expect(want.length, `${name}: ${level}`).toBeGreaterThan(3);
        expect(got, `${name}: ${level}`).toEqual(want);
      }

      const quality = await repo.questionQuality(filter);
      const wanted = await rows(qualityDefinition(filter));
      expect(quality.length, name).toBe(wanted.length);
      expect(quality.length, name).toBeGreaterThan(3);
      for (const want of wanted) {
        const got = quality.find((q) => q.questionVersionId === want.id);
        const label = `${name}: ${String(want.id)}`;
        expect(got?.asked, label).toBe(Number(want.asked));
        expect(got?.mean, label).toBeCloseTo(Number(want.mean), 9);
        if (want.discrimination === null) expect(got?.discrimination, label).toBeNull();
        else expect(got?.discrimination, label).toBeCloseTo(Number(want.discrimination), 9);
      }
    }
  }

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
  afterAll(async () => ctx.close());

  it("holds, after a bulk load, what the reports computed from every card", async () => {
    const [kept] = await rows(sql`select count(*)::int as n from analytics_interviewer_clusters`);
    expect(Number(kept?.n)).toBeGreaterThan(30);
    await expectReportsMatchDefinition();
  });

  it("follows a submit, a correction, a supersession and deletions through the trigger", async () => {
    const [draft] = await rows(sql`select id from scorecards where status = 'draft' limit 1`);
    const cards = await rows(sql`select id, application_id, answers from scorecards s
      where ${current} order by id limit 3`);
    const [corrected, superseded, deleted] = cards;
    if (!draft || !corrected || !superseded || !deleted)
      throw new Error("the generated data has no draft or too few cards");
    // A draft submitted with ratings of its own; a card whose ratings and answers are corrected.
    await ctx.handle.db.execute(sql`update scorecards set status = 'submitted',
      recommendation = 'strong_yes', competency_ratings = '{"testing": 4, "communication": 1}'::jsonb
      where id = ${String(draft.id)}::uuid`);
    const answers = (corrected.answers as { rating: unknown }[]).map((a, i) => ({
      ...a,
      rating: i === 0 ? "not_asked" : 1,
    }));
    await ctx.handle.db.execute(sql`update scorecards set recommendation = 'strong_no',
      competency_ratings = '{"testing": 1}'::jsonb, answers = ${JSON.stringify(answers)}::jsonb
      where id = ${String(corrected.id)}::uuid`);
    await ctx.handle.db.execute(
      sql`update scorecards set superseded_at = now() where id = ${String(superseded.id)}::uuid`,
    );
    await ctx.handle.db.execute(sql`delete from scorecards where id = ${String(deleted.id)}::uuid`);
    const [gone] = await rows(sql`select application_id from scorecards s where ${current}
      and application_id not in (${String(corrected.application_id)}::uuid,
        ${String(superseded.application_id)}::uuid, ${String(deleted.application_id)}::uuid)
      limit 1`);
    await ctx.handle.db.execute(
      sql`delete from applications where id = ${String(gone?.application_id)}::uuid`,
    );
    const [left] = await rows(sql`select count(*)::int as n from analytics_interviewer_clusters
      where application_id = ${String(gone?.application_id)}::uuid`);
    expect(left?.n).toBe(0);
    await expectReportsMatchDefinition();
  });
});
