import { sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import type { TApplicationStatus, TRecommendation } from "../../db/schema/index.js";
import { queryRows } from "../../db/raw-query.js";
import { competencyIds } from "../roles/templates/competencies.js";
import type { TCompetencyId } from "../roles/templates/competencies.js";
import type { TRaterStats } from "./shortlist-evidence.js";

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
 * One application's rater evidence on one competency, reduced in the database: each readable
 * rater counts once (their cards' mean, with their leniency offset taken off in that view), and
 * the cell keeps the sums the composite and the variance estimate need.
 */

/** Who is reading: leads read every submitted card; others as the scorecard rule says. */
export type TEvidenceReader = { userId: string; leadsRole: boolean };

/**
 * The role's rater cells, how many submitted cards each application holds that the reader may not
 * read, and the submitted design reviews of assessments that were not revoked, in one statement.
 * Cards are read through `scorecard_ratings` (kept by a trigger), never through their answers.
 * The readability test is `canReadScorecard` in SQL: a lead, the card's author, or someone who
 * submitted their own card for that application and stage. The two must agree.
 */
function roleCellsQuery(
  roleId: string,
  reader: TEvidenceReader,
  offsets: ReadonlyMap<string, number> | undefined,
) {
  const offsetJson = JSON.stringify(Object.fromEntries(offsets ?? []));
  const readable = (card: string) => {
    const t = sql.raw(card);
    return sql`(${reader.leadsRole}::boolean or ${t}.interviewer_id = ${reader.userId}::uuid
      or exists (select 1 from scorecards own where own.application_id = ${t}.application_id
        and own.stage_id = ${t}.stage_id and own.interviewer_id = ${reader.userId}::uuid
        and own.status = 'submitted' and own.superseded_at is null))`;
  };
  // A lead's plain view reads the cells the trigger keeps; a narrower reader or the leniency view
  // reduces the role's ratings here, with the same arithmetic as refresh_scorecard_rating_cells.
  const cells =
    reader.leadsRole && !offsets?.size
      ? sql`select c.application_id, c.competency, c.n, c.total, c.squares, c.low, c.high
          from scorecard_rating_cells c
          join applications a on a.id = c.application_id
          where a.role_id = ${roleId}::uuid`
      : sql`select application_id, competency, count(*) as n, sum(rating) as total,
            sum(rating * rating) as squares, min(rating) as low, max(rating) as high
          from (
            select p.application_id, p.competency,
              case when o.value is null then p.rating
                else greatest(1, least(4, p.rating - o.value::float8)) end as rating
            from (
              select r.application_id, r.competency, r.interviewer_id, avg(r.rating) as rating
              from scorecard_ratings r
              join applications a on a.id = r.application_id
              where a.role_id = ${roleId}::uuid and ${readable("r")}
              group by r.application_id, r.competency, r.interviewer_id
            ) p
            left join jsonb_each_text(${offsetJson}::jsonb) o on o.key = p.interviewer_id::text
          ) adjusted
          group by application_id, competency`;
  // One JSON document of numbers: per application its id, then six numbers per competency the
  // catalogue knows (see parseCells). Its index comes from array_position, so no string per cell.
  const known = `{${competencyIds.join(",")}}`;
  return sql`select
      (select '[' || coalesce(string_agg(per.line, ','), '') || ']'
        from (select '["' || c.application_id || '",' || string_agg(concat_ws(',', c.idx - 1, c.n,
            c.total, c.squares, c.low, c.high), ',') || ']' as line
          from (select k.*, array_position(${known}::text[], k.competency) as idx
            from (${cells}) k) c
          where c.idx is not null group by c.application_id) per) as cells,
      (select coalesce(json_object_agg(w.application_id, w.n), '{}'::json)
        from (select s.application_id, count(*) as n from scorecards s
          join applications a on a.id = s.application_id
          where not ${reader.leadsRole}::boolean and a.role_id = ${roleId}::uuid
            and s.status = 'submitted' and s.superseded_at is null
            and not ${readable("s")}
          group by s.application_id) w) as withheld,
      (select coalesce(json_agg(json_build_array(d.application_id, d.assessment_id, d.part_id,
          p.pack_id, d.reviewer_id, u.name, d.scores)), '[]'::json)
        from design_reviews d
        join applications a on a.id = d.application_id
        join assessments x on x.id = d.assessment_id
        join assessment_parts p on p.id = d.part_id
        join users u on u.id = d.reviewer_id
        where a.role_id = ${roleId}::uuid and d.status = 'submitted' and x.revoked_at is null)
        as reviews`;
}

/**
 * Splits loadRole's application lines: id, candidate id, status, stage id, the entered-stages
 * bits, screen outcome, screened-at (epoch ms), and the candidate's name last, as a JSON string
 * (so no character of a name can break a line).
 */
function applicationLines(text: string, stages: readonly TShortlistStage[]) {
  if (!text) return [];
  const bits = stages.map((stage, rank) => ({ id: stage.id, bit: 1n << BigInt(rank) }));
  return text.split("\n").map((line): TShortlistApplication => {
    const f = line.split("\t", 7);
    const rest = line.slice(f.reduce((n, x) => n + x.length + 1, 0));
    const entered = BigInt(f[4] || "0");
    return {
      id: f[0] ?? "",
      candidateId: f[1] ?? "",
      candidateName: JSON.parse(rest) as string,
      status: f[2] as TApplicationStatus,
      stageId: f[3] ?? "",
      screenOutcome: (f[5] || null) as TShortlistApplication["screenOutcome"],
      screenedAt: f[6] ? new Date(Number(f[6])).toISOString() : null,
      visitedStageIds: bits.filter((b) => (entered & b.bit) !== 0n).map((b) => b.id),
    };
  });
}

/**
 * Reads the cells' document (see roleCellsQuery): per application `[id, then per competency its
 * index in competencyIds, n, sum, sum of squares, min, max]`.
 */
function parseCells(text: string): Map<string, Map<TCompetencyId, TRaterStats>> {
  const byApplication = new Map<string, Map<TCompetencyId, TRaterStats>>();
  if (!text) return byApplication;
  for (const row of JSON.parse(text) as [string, ...number[]][]) {
    const stats = new Map<TCompetencyId, TRaterStats>();
    for (let i = 1; i + 5 < row.length; i += 6) {
      const competency = competencyIds[row[i] as number];
      const n = row[i + 1] as number;
      if (!competency || !(n > 0)) continue;
      stats.set(competency, {
        n,
        sum: row[i + 2] as number,
        sumSquares: row[i + 3] as number,
        min: row[i + 4] as number,
        max: row[i + 5] as number,
      });
    }
    byApplication.set(row[0], stats);
  }
  return byApplication;
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

function presentReviews(value: unknown): TShortlistDesignReview[] {
  return asObject<TReviewTuple[]>(value, []).map(
    ([applicationId, assessmentId, partId, packId, reviewerId, reviewerName, scores]) => ({
      applicationId,
      assessmentId,
      partId,
      packId,
      reviewerId,
      reviewerName,
      scores,
    }),
  );
}

export function createShortlistRepo(db: TDatabase) {
  return {
    /**
     * The role, its plan and every application (all statuses: the variance estimates use the
     * whole role) in one statement, with each one's latest screen and the stages it entered.
     * The applications come as text lines (see applicationLines), the stages entered as a bit
     * per stage of the plan: a third of the bytes of a JSON array, built in under half the time.
     */
    async loadRole(roleId: string, executor: TExecutor = db): Promise<TShortlistRoleData | null> {
      const [row] = await queryRows<Record<string, unknown>>(
        executor,
        sql`select r.id, r.title, r.bar, r.competency_weights,
            coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind,
                'position', s.position) order by s.position, s.id)
              from role_stages s where s.role_id = r.id), '[]'::json) as stages,
            (select coalesce(string_agg(concat_ws(E'\t', a.id, a.candidate_id, a.status,
                a.current_stage_id, coalesce(v.entered, 0),
                coalesce(sc.outcome, ''), coalesce(floor(extract(epoch from sc.screened_at) * 1000)::text, ''),
                to_json(c.name)), E'\n' order by a.created_at, a.id), '')
              from applications a
              join candidates c on c.id = a.candidate_id
              -- Bit i: the application entered the plan's i-th stage (by position, then id).
              left join (select e.application_id, bit_or(1::bigint << st.rank) as entered
                  from application_stage_events e
                  join (select s.id, (row_number() over (order by s.position, s.id) - 1)::int as rank
                    from role_stages s where s.role_id = r.id) st on st.id = e.to_stage_id
                  group by e.application_id) v on v.application_id = a.id
              left join lateral (select rs.outcome, rs.screened_at from resume_screens rs
                where rs.application_id = a.id order by rs.screened_at desc limit 1) sc on true
              where a.role_id = r.id) as applications
          from roles r where r.id = ${roleId}::uuid`,
      );
      if (!row) return null;
      const stages = asObject<TShortlistStage[]>(row.stages, []);
      const applications = applicationLines(
        typeof row.applications === "string" ? row.applications : "",
        stages,
      );
      return {
        id: String(row.id),
        title: String(row.title),
        bar: num(row.bar),
        competencyWeights: asObject<Record<string, number>>(row.competency_weights, {}),
        stages,
        applications,
      };
    },

    /** The role's rater cells, withheld counts and design reviews (see roleCellsQuery). */
    async listRoleCells(
      input: {
        roleId: string;
        reader: TEvidenceReader;
        offsets?: ReadonlyMap<string, number>;
      },
      executor: TExecutor = db,
    ) {
      const [row] = await queryRows<Record<string, unknown>>(
        executor,
        roleCellsQuery(input.roleId, input.reader, input.offsets),
      );
      return {
        cells: parseCells(typeof row?.cells === "string" ? row.cells : ""),
        withheld: new Map(
          Object.entries(asObject<Record<string, unknown>>(row?.withheld, {})).map(([id, n]) => [
            id,
            Number(n),
          ]),
        ),
        designReviews: presentReviews(row?.reviews),
      };
    },

    /**
     * The current submitted scorecards of some applications (a page of the shortlist, or one
     * breakdown), each with what it says per competency from `scorecard_ratings`: explicit
     * ratings, and question means where the card gave no explicit rating.
     */
    async listApplicationCards(
      applicationIds: readonly string[],
      executor: TExecutor = db,
    ): Promise<TScorecardEvidence[]> {
      if (applicationIds.length === 0) return [];
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`select s.id, s.application_id, s.stage_id, s.interviewer_id, u.name, s.recommendation,
            coalesce((select json_agg(json_build_array(r.competency, r.rating, r.explicit))
              from scorecard_ratings r where r.scorecard_id = s.id), '[]'::json) as ratings
          from scorecards s
          join users u on u.id = s.interviewer_id
          where s.application_id = any(${`{${applicationIds.join(",")}}`}::uuid[])
            and s.status = 'submitted' and s.superseded_at is null
          order by s.application_id, s.submitted_at, s.id`,
      );
      return rows.map((r) => {
        const competencyRatings: Record<string, number> = {};
        const questionMeans: Record<string, number> = {};
        for (const [competency, rating, explicit] of asObject<[string, unknown, boolean][]>(
          r.ratings,
          [],
        ))
          (explicit ? competencyRatings : questionMeans)[competency] = Number(rating);
        return {
          scorecardId: String(r.id),
          applicationId: String(r.application_id),
          stageId: String(r.stage_id),
          interviewerId: String(r.interviewer_id),
          interviewerName: String(r.name),
          recommendation: (r.recommendation ?? null) as TRecommendation | null,
          competencyRatings,
          questionMeans,
        };
      });
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
