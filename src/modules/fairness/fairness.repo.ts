import { eq, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { queryRows } from "../../db/raw-query.js";
import { selfIdentifications } from "../../db/schema/index.js";
import type { TFairnessCategory, TSelfIdentificationAnswers } from "./fairness.schema.js";

/** Which applications the report counts: roles in reach, created in [from, to). */
export type TFairnessFilter = { roleIds: "all" | string[]; from: Date; to: Date };
export type TGroupCountRow = {
  category: TFairnessCategory;
  value: string;
  size: number;
  selected: number;
};
export type TStageGroupCountRow = TGroupCountRow & { key: string; name: string; position: number };

function scopeOf(filter: TFairnessFilter): SQL {
  const range = sql`a.created_at >= ${filter.from.toISOString()}::timestamptz and a.created_at < ${filter.to.toISOString()}::timestamptz`;
  if (filter.roleIds === "all") return range;
  if (filter.roleIds.length === 0) return sql`false`;
  const ids = sql.join(
    filter.roleIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`a.role_id in (${ids}) and ${range}`;
}

// Common to both reports: the applications in scope, how far each got in the append-only stage
// history (the furthest plan position it entered, and whether it was ever hired), and every
// disclosed answer as (category, value). "Prefer not to say" and unanswered questions are no group.
function progressAndAnswers(filter: TFairnessFilter): SQL {
  return sql`scoped as (
      select a.id, a.candidate_id from applications a where ${scopeOf(filter)}
    ),
    progress as (
      select s.id as application_id, max(rs.position) as furthest,
        bool_or(e.status_after = 'hired') as hired
      from scoped s
      join application_stage_events e on e.application_id = s.id
      left join role_stages rs on rs.id = e.to_stage_id
      group by s.id
    ),
    answers as (
      select si.candidate_id, g.category, g.value
      from self_identifications si
      cross join lateral (values ('sex', si.sex), ('raceEthnicity', si.race_ethnicity),
        ('veteranStatus', si.veteran_status), ('disability', si.disability)) as g(category, value)
      where g.value is not null and g.value <> 'prefer_not_to_say'
    )`;
}

const countRow = (r: Record<string, unknown>): TGroupCountRow => ({
  category: String(r.category) as TFairnessCategory,
  value: String(r.value),
  size: Number(r.size),
  selected: Number(r.selected),
});

export function createFairnessRepo(db: TDatabase) {
  return {
    async findAnswers(candidateId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(selfIdentifications)
        .where(eq(selfIdentifications.candidateId, candidateId));
      return row;
    },

    async saveAnswers(
      candidateId: string,
      answers: TSelfIdentificationAnswers,
      executor: TExecutor = db,
    ) {
      const now = new Date();
      const [row] = await executor
        .insert(selfIdentifications)
        .values({ candidateId, ...answers, answeredAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: selfIdentifications.candidateId,
          set: { ...answers, updatedAt: now },
        })
        .returning();
      if (!row) throw new Error("upsert returned no row");
      return row;
    },

    /** Withdrawal by the candidate and erasure: the answers go entirely. Returns rows removed. */
    async deleteAnswers(candidateId: string, executor: TExecutor = db): Promise<number> {
      const removed = await executor
        .delete(selfIdentifications)
        .where(eq(selfIdentifications.candidateId, candidateId))
        .returning({ candidateId: selfIdentifications.candidateId });
      return removed.length;
    },

    /**
     * Per stage and disclosed group: how many reached the stage and how many of them reached a
     * later one (or were hired). `by: "kind"` pools the same kind of stage across roles.
     */
    async stageCounts(
      filter: TFairnessFilter & { by: "stage" | "kind" },
      executor: TExecutor = db,
    ): Promise<TStageGroupCountRow[]> {
      const key = filter.by === "stage" ? sql`v.stage_id::text` : sql`v.kind`;
      const name = filter.by === "stage" ? sql`min(v.name)` : sql`v.kind`;
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`with ${progressAndAnswers(filter)},
            visits as (
              select distinct s.id as application_id, s.candidate_id, rs.id as stage_id, rs.kind,
                rs.name, rs.position
              from scoped s
              join application_stage_events e on e.application_id = s.id
              join role_stages rs on rs.id = e.to_stage_id
            )
            select ${key} as key, ${name} as name, min(v.position) as position,
              an.category, an.value, count(*) as size,
              count(*) filter (where p.furthest > v.position or p.hired) as selected
            from visits v
            join progress p on p.application_id = v.application_id
            join answers an on an.candidate_id = v.candidate_id
            group by ${key}, an.category, an.value
            order by position, key, an.category, an.value`,
      );
      return rows.map((r) => ({
        ...countRow(r),
        key: String(r.key),
        name: String(r.name),
        position: Number(r.position),
      }));
    },

    /** Per disclosed group: applications in scope and how many were hired. */
    async overallCounts(filter: TFairnessFilter, executor: TExecutor = db) {
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        sql`with ${progressAndAnswers(filter)}
            select an.category, an.value, count(*) as size,
              count(*) filter (where p.hired) as selected
            from scoped s
            join progress p on p.application_id = s.id
            join answers an on an.candidate_id = s.candidate_id
            group by an.category, an.value
            order by an.category, an.value`,
      );
      return rows.map(countRow);
    },
  };
}
export type TFairnessRepo = ReturnType<typeof createFairnessRepo>;
