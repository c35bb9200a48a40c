import { sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import type { TApplicationStatus, TRecommendation } from "../../db/schema/index.js";
import { queryRows } from "../../db/raw-query.js";

export type TShortlistStage = { id: string; name: string; kind: string; position: number };

export type TShortlistApplication = {
  id: string;
  candidateId: string;
  candidateName: string;
  status: TApplicationStatus;
  stageId: string;
  screenOutcome: "pass" | "hold" | "reject" | null;
  screenedAt: string | null;
  /** Every stage the application ever entered (from the stage history). */
  visitedStageIds: string[];
};

export type TShortlistRoleData = {
  id: string;
  title: string;
  bar: number;
  competencyWeights: Record<string, number>;
  stages: TShortlistStage[];
  applications: TShortlistApplication[];
};

/** One current, submitted scorecard, reduced to what the composite needs. */
export type TScorecardCore = {
  scorecardId: string;
  applicationId: string;
  stageId: string;
  interviewerId: string;
  interviewerName: string;
  recommendation: TRecommendation | null;
  competencyRatings: Record<string, number>;
};
export type TScorecardEvidence = TScorecardCore & {
  /** Per competency, the mean of the card's numeric question ratings on it (from the question versions). */
  questionMeans: Record<string, number>;
};

/** Sufficient statistics of the organisation's evidence cells, for the variance fallback. */
export type TEvidenceTotals = {
  cells: number;
  cellsWithSpread: number;
  sumSquares: number;
  degreesOfFreedom: number;
  sumMeans: number;
  sumSquaredMeans: number;
  sumInverseN: number;
};

const num = (v: unknown) => Number(v ?? 0);
const asObject = <T>(v: unknown, fallback: T): T =>
  v === null || v === undefined
    ? fallback
    : typeof v === "string"
      ? (JSON.parse(v) as T)
      : (v as T);

/** One submitted design review of an application, with the pack whose rubric maps its dimensions. */
export type TShortlistDesignReview = {
  applicationId: string;
  assessmentId: string;
  partId: string;
  packId: string;
  reviewerId: string;
  reviewerName: string;
  scores: Record<string, { rating: number | null }>;
};

/**
 * Current submitted scorecards, without their answers (reading those is what costs), as one JSON
 * array of small tuples: one value to parse instead of 20,000 rows of seven fields. In the same
 * statement, the submitted design reviews of assessments that were not revoked, so the design
 * reviews cost the page no statement of their own.
 */
function roleEvidenceQuery(filter: ReturnType<typeof sql>) {
  // One text line per card (five ids/enums, then the ratings as JSON): PostgreSQL writes text
  // far faster than it builds 20,000 JSON arrays, and no field but the last can hold a comma.
  return sql`with cards as (
        select s.id, s.application_id, s.stage_id, s.interviewer_id, s.recommendation,
          s.competency_ratings
        from scorecards s
        join applications a on a.id = s.application_id
        where ${filter} and s.status = 'submitted' and s.superseded_at is null
      )
    select
      (select coalesce(string_agg(concat(c.id, ',', c.application_id, ',', c.stage_id, ',',
          c.interviewer_id, ',', c.recommendation, ',', c.competency_ratings::text), E'\n'), '')
        from cards c) as cards,
      (select coalesce(json_object_agg(u.id, u.name), '{}'::json) from users u
        where u.id in (select distinct c.interviewer_id from cards c)) as names,
      (select coalesce(json_agg(json_build_array(d.application_id, d.assessment_id, d.part_id,
          p.pack_id, d.reviewer_id, u.name, d.scores)), '[]'::json)
        from design_reviews d
        join applications a on a.id = d.application_id
        join assessments x on x.id = d.assessment_id
        join assessment_parts p on p.id = d.part_id
        join users u on u.id = d.reviewer_id
        where ${filter} and d.status = 'submitted' and x.revoked_at is null) as reviews`;
}

/** Splits the cards' text lines (see roleEvidenceQuery) without a regular expression per field. */
function parseCardLines(text: string, names: Record<string, string>): TScorecardCore[] {
  if (!text) return [];
  const cards: TScorecardCore[] = [];
  for (const line of text.split("\n")) {
    const at: number[] = [];
    let from = 0;
    for (let i = 0; i < 5; i++) {
      const comma = line.indexOf(",", from);
      at.push(comma);
      from = comma + 1;
    }
    const [a, b, c, d, e] = at as [number, number, number, number, number];
    const interviewerId = line.slice(c + 1, d);
    const recommendation = line.slice(d + 1, e);
    cards.push({
      scorecardId: line.slice(0, a),
      applicationId: line.slice(a + 1, b),
      stageId: line.slice(b + 1, c),
      interviewerId,
      interviewerName: names[interviewerId] ?? "",
      recommendation: (recommendation || null) as TRecommendation | null,
      competencyRatings: JSON.parse(line.slice(e + 1)) as Record<string, number>,
    });
  }
  return cards;
}

type TReviewTuple = [
  string,
  string,
  string,
  string,
  string,
  string,
  Record<string, { rating: number | null }>,
];

function presentEvidence(rows: Record<string, unknown>[]) {
  const cards = parseCardLines(
    typeof rows[0]?.cards === "string" ? rows[0].cards : "",
    asObject<Record<string, string>>(rows[0]?.names, {}),
  );
  const designReviews: TShortlistDesignReview[] = asObject<TReviewTuple[]>(
    rows[0]?.reviews,
    [],
  ).map(([applicationId, assessmentId, partId, packId, reviewerId, reviewerName, scores]) => ({
    applicationId,
    assessmentId,
    partId,
    packId,
    reviewerId,
    reviewerName,
    scores,
  }));
  return { cards, designReviews };
}

export function createShortlistRepo(db: TDatabase) {
  return {
    /**
     * The role, its plan and every application (all statuses: the variance estimates use the
     * whole role) in one statement: applications come back as one JSON array, with the latest
     * screen and the stages each one entered.
     */
    async loadRole(roleId: string, executor: TExecutor = db): Promise<TShortlistRoleData | null> {
      const [row] = await queryRows<Record<string, unknown>>(
        executor,
        sql`select r.id, r.title, r.bar, r.competency_weights,
            coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind,
                'position', s.position) order by s.position)
              from role_stages s where s.role_id = r.id), '[]'::json) as stages,
            coalesce((select json_agg(json_build_object(
                'id', a.id, 'candidateId', a.candidate_id, 'candidateName', c.name,
                'status', a.status, 'stageId', a.current_stage_id,
                'screenOutcome', sc.outcome, 'screenedAt', sc.screened_at,
                'visitedStageIds', coalesce((select json_agg(distinct e.to_stage_id)
                  from application_stage_events e
                  where e.application_id = a.id and e.to_stage_id is not null), '[]'::json)
              ) order by a.created_at, a.id)
              from applications a
              join candidates c on c.id = a.candidate_id
              left join lateral (select rs.outcome, rs.screened_at from resume_screens rs
                where rs.application_id = a.id order by rs.screened_at desc limit 1) sc on true
              where a.role_id = r.id), '[]'::json) as applications
          from roles r where r.id = ${roleId}::uuid`,
      );
      if (!row) return null;
      const applications = asObject<TShortlistApplication[]>(row.applications, []).map((a) => ({
        ...a,
        screenedAt: a.screenedAt ? new Date(a.screenedAt).toISOString() : null,
      }));
      return {
        id: String(row.id),
        title: String(row.title),
        bar: num(row.bar),
        competencyWeights: asObject<Record<string, number>>(row.competency_weights, {}),
        stages: asObject<TShortlistStage[]>(row.stages, []),
        applications,
      };
    },

    /** The role's current submitted scorecards and submitted design reviews, in one statement. */
    async listRoleEvidence(roleId: string, executor: TExecutor = db) {
      return presentEvidence(
        await queryRows<Record<string, unknown>>(
          executor,
          roleEvidenceQuery(sql`a.role_id = ${roleId}::uuid`),
        ),
      );
    },

    /**
     * Per scorecard, the mean of its numeric question ratings per competency (answers × the
     * question versions they were asked in), computed in the database.
     */
    async questionMeans(scorecardIds: readonly string[], executor: TExecutor = db) {
      if (scorecardIds.length === 0) return new Map<string, Record<string, number>>();
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`select q.id, jsonb_object_agg(q.competency, q.mean) as means
          from (
            select s.id, comp as competency, avg((ans->>'rating')::float8) as mean
            from scorecards s
            cross join lateral jsonb_array_elements(s.answers) ans
            join question_versions qv on qv.id = (ans->>'questionVersionId')::uuid
            cross join lateral jsonb_array_elements_text(qv.competencies) comp
            where s.id = any(${`{${scorecardIds.join(",")}}`}::uuid[])
              and jsonb_typeof(ans->'rating') = 'number'
            group by s.id, comp
          ) q
          group by q.id`,
      );
      return new Map(
        rows.map((r) => [String(r.id), asObject<Record<string, number>>(r.means, {})]),
      );
    },

    /** Key takeaways of one application's current submitted scorecards (the breakdown's "why"). */
    async listTakeaways(applicationId: string, executor: TExecutor = db) {
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`select s.stage_id, s.interviewer_id, s.key_takeaways from scorecards s
          where s.application_id = ${applicationId}::uuid and s.status = 'submitted'
            and s.superseded_at is null`,
      );
      return rows.map((r) => ({
        stageId: String(r.stage_id),
        interviewerId: String(r.interviewer_id),
        keyTakeaways: String(r.key_takeaways),
      }));
    },

    /**
     * The organisation's evidence, reduced in the database to the sums the variance estimate
     * needs: one cell per (application, competency) from raters' explicit competency ratings.
     */
    async organisationEvidenceTotals(executor: TExecutor = db): Promise<TEvidenceTotals> {
      const [row] = await queryRows<Record<string, unknown>>(
        executor,
        sql`with ratings as (
            select s.application_id, r.key as competency, avg(r.value::float8) as rating
            from scorecards s cross join lateral jsonb_each_text(s.competency_ratings) r
            where s.status = 'submitted' and s.superseded_at is null
            group by s.application_id, s.interviewer_id, r.key
          ), cells as (
            select count(*) as n, avg(rating) as mean,
              coalesce(sum(rating * rating) - count(*) * avg(rating) * avg(rating), 0) as sum_squares
            from ratings group by application_id, competency
          )
          select count(*) as cells, count(*) filter (where n >= 2) as cells_with_spread,
            coalesce(sum(sum_squares) filter (where n >= 2), 0) as sum_squares,
            coalesce(sum(n - 1) filter (where n >= 2), 0) as dof,
            coalesce(sum(mean), 0) as sum_means, coalesce(sum(mean * mean), 0) as sum_squared_means,
            coalesce(sum(1.0 / n), 0) as sum_inverse_n
          from cells`,
      );
      return {
        cells: num(row?.cells),
        cellsWithSpread: num(row?.cells_with_spread),
        sumSquares: num(row?.sum_squares),
        degreesOfFreedom: num(row?.dof),
        sumMeans: num(row?.sum_means),
        sumSquaredMeans: num(row?.sum_squared_means),
        sumInverseN: num(row?.sum_inverse_n),
      };
    },
  };
}
export type TShortlistRepo = ReturnType<typeof createShortlistRepo>;
