import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { queryRows } from "../../db/raw-query.js";

/** Which applications a report covers: role scope (from the service) and a creation date range. */
export type TAnalyticsFilter = { roleIds: "all" | string[]; from: Date; to: Date };
export type TReliabilityLevel = "competency" | "question" | "stage";
export type TReliabilityPattern = {
  key: string;
  label: string | null;
  counts: readonly [number, number, number, number];
  units: number;
};

// Each statement aggregates in the database and returns a row per stage, interviewer, question or
// value pattern, never a row per rating: the bench's 60,000 scorecards stay inside PostgreSQL.
function inRoles(roleIds: "all" | string[], column: string): SQL {
  if (roleIds === "all") return sql`true`;
  if (roleIds.length === 0) return sql`false`;
  return sql`${sql.raw(column)} in (${sql.join(
    roleIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}
function scoped(filter: TAnalyticsFilter, alias = "a"): SQL {
  const created = sql.raw(`${alias}.created_at`);
  return sql`${inRoles(filter.roleIds, `${alias}.role_id`)} and ${created} >= ${filter.from.toISOString()}::timestamptz and ${created} < ${filter.to.toISOString()}::timestamptz`;
}
/** One role: stages are the role's own; several roles: stages of the same kind are added up. */
const singleRole = (filter: TAnalyticsFilter) =>
  filter.roleIds !== "all" && filter.roleIds.length === 1;
const stageKey = (filter: TAnalyticsFilter) =>
  singleRole(filter) ? sql`rs.id::text` : sql`rs.kind`;
const stageScope = (filter: TAnalyticsFilter) => inRoles(filter.roleIds, "rs.role_id");
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** How many roles the analytics role picker lists; the response says how many there are. */
export const ROLE_PICKER_LIMIT = 500;

export function createAnalyticsRepo(db: TDatabase) {
  return {
    /**
     * The roles a report may pick from, for the role picker: open ones first, at most
     * ROLE_PICKER_LIMIT, the chosen role always among them, and how many there are in all.
     */
    async listRoles(
      roleIds: "all" | string[],
      chosen: string | undefined,
      executor: TExecutor = db,
    ) {
      const inScope = inRoles(roleIds, "r.id");
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`select r.id, r.title, r.status, count(*) over () as total from roles r where ${inScope}
            order by (r.id = ${chosen ?? null}::uuid) is true desc, r.status desc, r.title, r.id
            limit ${ROLE_PICKER_LIMIT}`,
      );
      return {
        roles: rows.map((r) => ({
          id: String(r.id),
          title: String(r.title),
          status: String(r.status),
        })),
        total: num(rows[0]?.total) ?? 0,
      };
    },

    /**
     * Per stage (or per stage kind across roles): applications that ever entered it, from the
     * append-only history, and how many of them went further (a later stage, or hired).
     */
    async stageFunnel(filter: TAnalyticsFilter, executor: TExecutor = db) {
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`with apps as (select a.id, a.status from applications a where ${scoped(filter)}),
            visits as (
              select distinct e.application_id, e.to_stage_id as stage_id, apps.status
              from application_stage_events e join apps on apps.id = e.application_id
              where e.to_stage_id is not null
            ),
            positions as (
              select v.application_id, v.stage_id, v.status, rs.position,
                max(rs.position) over (partition by v.application_id) as furthest
              from visits v join role_stages rs on rs.id = v.stage_id
            )
            select ${stageKey(filter)} as key, min(rs.position) as position,
              mode() within group (order by rs.name) as name,
              mode() within group (order by rs.kind) as kind,
              count(distinct p.application_id) as reached,
              count(distinct p.application_id)
                filter (where p.furthest > p.position or p.status = 'hired') as passed
            from role_stages rs
            left join positions p on p.stage_id = rs.id
            where ${stageScope(filter)}
            group by 1 order by 2, 1`,
      );
      return rows.map((r) => ({
        key: String(r.key),
        position: Number(r.position),
        kind: String(r.kind),
        name: String(r.name),
        reached: Number(r.reached),
        passed: Number(r.passed),
      }));
    },

    /** Per stage: hours spent by finished visits (median, p75) and how many are still in it. */
    async timeInStage(filter: TAnalyticsFilter, executor: TExecutor = db) {
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`with visits as (
              select e.to_stage_id as stage_id, e.at,
                lead(e.at) over (partition by e.application_id order by e.id) as left_at,
                a.status
              from application_stage_events e join applications a on a.id = e.application_id
              where ${scoped(filter)}
            )
            select ${stageKey(filter)} as key,
              percentile_cont(0.5) within group (order by extract(epoch from left_at - at) / 3600)
                filter (where left_at is not null) as median_hours,
              percentile_cont(0.75) within group (order by extract(epoch from left_at - at) / 3600)
                filter (where left_at is not null) as p75_hours,
              count(*) filter (where left_at is not null) as finished,
              count(*) filter (where left_at is null and status = 'active') as still_in
            from visits join role_stages rs on rs.id = visits.stage_id group by 1`,
      );
      return rows.map((r) => ({
        key: String(r.key),
        medianHours: num(r.median_hours),
        p75Hours: num(r.p75_hours),
        finished: Number(r.finished),
        stillIn: Number(r.still_in),
      }));
    },

    /** Days from application to the first move out of a résumé screen, and to hire. */
    async totals(filter: TAnalyticsFilter, executor: TExecutor = db) {
      const [row] = await queryRows<Record<string, unknown>>(
        executor,
        sql`with per_app as (
              select a.id, a.created_at,
                min(e.at) filter (where fs.kind = 'resume-screen') as screened_at,
                min(e.at) filter (where e.status_after = 'hired') as hired_at
              from applications a
              join application_stage_events e on e.application_id = a.id
              left join role_stages fs on fs.id = e.from_stage_id
              where ${scoped(filter)}
              group by a.id
            )
            select
              percentile_cont(0.5) within group (order by extract(epoch from screened_at - created_at) / 86400) as screen_median,
              percentile_cont(0.75) within group (order by extract(epoch from screened_at - created_at) / 86400) as screen_p75,
              count(screened_at) as screened,
              percentile_cont(0.5) within group (order by extract(epoch from hired_at - created_at) / 86400) as hire_median,
              percentile_cont(0.75) within group (order by extract(epoch from hired_at - created_at) / 86400) as hire_p75,
              count(hired_at) as hired,
              count(*) as applications
            from per_app`,
      );
      return {
        applications: Number(row?.applications ?? 0),
        firstScreen: {
          count: Number(row?.screened ?? 0),
          medianDays: num(row?.screen_median),
          p75Days: num(row?.screen_p75),
        },
        hire: {
          count: Number(row?.hired ?? 0),
          medianDays: num(row?.hire_median),
          p75Days: num(row?.hire_p75),
        },
      };
    },

    /** The longest-waiting active applications per stage (at most `perStage` each). */
    async oldestWaiting(filter: TAnalyticsFilter, perStage: number, executor: TExecutor = db) {
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`with waiting as (
              select a.id, ${stageKey(filter)} as key, c.name, r.title as role_title, max(e.at) as since,
                row_number() over (partition by ${stageKey(filter)} order by max(e.at), a.id) as rank
              from applications a
              join candidates c on c.id = a.candidate_id
              join roles r on r.id = a.role_id
              join role_stages rs on rs.id = a.current_stage_id
              join application_stage_events e on e.application_id = a.id and e.to_stage_id = a.current_stage_id
              where a.status = 'active' and ${scoped(filter)}
              group by a.id, rs.id, c.name, r.title
            )
            select * from waiting where rank <= ${perStage} order by key, rank`,
      );
      return rows.map((r) => ({
        applicationId: String(r.id),
        key: String(r.key),
        candidateName: String(r.name),
        roleTitle: String(r.role_title),
        since: new Date(String(r.since)),
      }));
    },

    /** Interviews already held: how many have a submitted scorecard, and how many within 24 h. */
    async scorecardTimeliness(filter: TAnalyticsFilter, now: Date, executor: TExecutor = db) {
      const [row] = await queryRows<Record<string, unknown>>(
        executor,
        sql`with held as (
              select i.id, i.scheduled_at
              from interviews i join applications a on a.id = i.application_id
              where i.scheduled_at < ${now.toISOString()}::timestamptz and ${scoped(filter)}
            ),
            -- One grouped pass over the scorecards rather than a lookup per interview.
            first_submitted as (
              select s.interview_id, min(s.submitted_at) as submitted_at
              from scorecards s where s.submitted_at is not null group by s.interview_id
            )
            select count(*) as held, count(f.submitted_at) as submitted,
              count(*) filter (where f.submitted_at <= h.scheduled_at + interval '24 hours') as within_day
            from held h left join first_submitted f on f.interview_id = h.id`,
      );
      return {
        held: Number(row?.held ?? 0),
        submitted: Number(row?.submitted ?? 0),
        withinDay: Number(row?.within_day ?? 0),
      };
    },

    /**
     * Per interviewer: submitted scorecards, recommendations, and the six leniency sums, added up
     * from the kept clusters (one per interviewer and application, migration 0017).
     */
    async interviewerCalibration(filter: TAnalyticsFilter, executor: TExecutor = db) {
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`select u.id, u.name, sum(c.cards) as submitted, sum(c.strong_no) as strong_no,
              sum(c.no) as no, sum(c.yes) as yes, sum(c.strong_yes) as strong_yes,
              sum(c.comparisons) as n, count(*) filter (where c.comparisons > 0) as clusters,
              sum(c.deviation_sum) as sum_d, sum(c.deviation_sum * c.deviation_sum) as sum_sq,
              sum(c.comparisons * c.deviation_sum) as sum_cross,
              sum(c.comparisons * c.comparisons) as sum_size_sq
            from analytics_interviewer_clusters c
            join applications a on a.id = c.application_id
            join users u on u.id = c.interviewer_id
            where ${scoped(filter)}
            group by u.id, u.name order by u.name, u.id`,
      );
      return rows.map((r) => ({
        interviewerId: String(r.id),
        name: String(r.name),
        submitted: Number(r.submitted),
        recommendations: {
          strong_no: Number(r.strong_no),
          no: Number(r.no),
          yes: Number(r.yes),
          strong_yes: Number(r.strong_yes),
        },
        sums: {
          n: Number(r.n ?? 0),
          clusters: Number(r.clusters ?? 0),
          sumD: Number(r.sum_d ?? 0),
          sumClusterSquares: Number(r.sum_sq ?? 0),
          sumClusterCross: Number(r.sum_cross ?? 0),
          sumClusterSizeSquares: Number(r.sum_size_sq ?? 0),
        },
      }));
    },

    /**
     * Reliability units of all three levels grouped by their pattern of values, in one pass over
     * the kept units (migration 0017): a unit is one candidate's ratings at one stage on one
     * competency (pooled by stage kind for the stage level) or one question, so the bootstrap works
     * on a few dozen patterns.
     */
    async reliabilityPatterns(filter: TAnalyticsFilter, executor: TExecutor = db) {
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`with units as (
              select u.level, u.key, rs.kind, u.v1, u.v2, u.v3, u.v4
              from analytics_reliability_units u
              join applications a on a.id = u.application_id
              join role_stages rs on rs.id = u.stage_id
              where ${scoped(filter)}
            ),
            patterns as (
              select level, key, v1, v2, v3, v4, count(*) as units
              from units group by level, key, v1, v2, v3, v4
              union all
              select 'stage', kind, v1, v2, v3, v4, count(*)
              from units where level = 'competency' group by kind, v1, v2, v3, v4
            )
            select p.*, case when p.level = 'question' then
                (select qv.title from question_versions qv where qv.question_id = p.key
                  order by qv.version desc limit 1) end as label
            from patterns p order by p.level, p.key, p.v1, p.v2, p.v3, p.v4`,
      );
      const levels: Record<TReliabilityLevel, TReliabilityPattern[]> = {
        competency: [],
        question: [],
        stage: [],
      };
      for (const r of rows)
        levels[r.level as TReliabilityLevel].push({
          key: String(r.key),
          label: typeof r.label === "string" ? r.label : null,
          counts: [Number(r.v1), Number(r.v2), Number(r.v3), Number(r.v4)] as const,
          units: Number(r.units),
        });
      return levels;
    },

    /**
     * Per question version: candidates rated on it, their mean, and the item-rest correlation between
     * a candidate's mean on the question and their mean on the stage's other questions, from the
     * kept (score, rest) pairs (migration 0017).
     */
    async questionQuality(filter: TAnalyticsFilter, executor: TExecutor = db) {
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`with quality as (
              select i.question_version_id, count(*) as asked, avg(i.score) as mean,
                corr(i.score, i.rest) as discrimination
              from analytics_question_items i join applications a on a.id = i.application_id
              where ${scoped(filter)}
              group by i.question_version_id
            )
            select qv.id, qv.question_id, qv.version, qv.title, quality.asked, quality.mean,
              quality.discrimination
            from quality join question_versions qv on qv.id::text = quality.question_version_id
            order by qv.title, qv.version`,
      );
      return rows.map((r) => ({
        questionVersionId: String(r.id),
        questionId: String(r.question_id),
        version: Number(r.version),
        title: String(r.title),
        asked: Number(r.asked),
        mean: Number(r.mean),
        discrimination: num(r.discrimination),
      }));
    },
  };
}
export type TAnalyticsRepo = ReturnType<typeof createAnalyticsRepo>;
