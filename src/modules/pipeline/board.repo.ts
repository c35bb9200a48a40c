import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { queryRows } from "../../db/raw-query.js";
import { visibleWhere } from "./applications.repo.js";
import type { TApplicationVisibility } from "./applications.repo.js";
import type { TBoardSort } from "./board.schema.js";

/** Where the page before ended: the sort key as the database printed it, and the id. */
export type TBoardPosition = { key: string; id: string };

export type TBoardCardRow = {
  id: string;
  candidateId: string;
  name: string;
  updatedAt: string;
  inStageSince: string | null;
  screenOutcome: "pass" | "hold" | "reject" | null;
  latestRecommendation: "strong_no" | "no" | "yes" | "strong_yes" | null;
};
export type TBoardColumnRow = { stageId: string; total: number; cards: TBoardCardRow[] };

// `applications` is left unaliased so the shared visibility condition can name its columns.
const ORDER: Record<TBoardSort, SQL> = {
  waiting: sql`applications.updated_at asc, applications.id desc`,
  recent: sql`applications.updated_at desc, applications.id asc`,
  name: sql`c.name asc, applications.id asc`,
};

function afterPosition(sort: TBoardSort, at: TBoardPosition | undefined): SQL {
  if (!at) return sql`true`;
  const id = sql`${at.id}::uuid`;
  if (sort === "name") return sql`(c.name, applications.id) > (${at.key}, ${id})`;
  const t = sql`${at.key}::timestamptz`;
  return sort === "waiting"
    ? sql`(applications.updated_at > ${t} or (applications.updated_at = ${t} and applications.id < ${id}))`
    : sql`(applications.updated_at < ${t} or (applications.updated_at = ${t} and applications.id > ${id}))`;
}

export function createBoardRepo(db: TDatabase) {
  return {
    /**
     * The board in one statement: per stage of the role, the count of active applications the
     * caller sees and one page of cards (limit + 1, so the caller knows whether more follow).
     * Each column reads its own slice of the column index and stops at the page; the card's
     * extras (stage entry, screen, recommendation) are looked up for the page's rows only.
     */
    async listColumns(
      filter: {
        roleId: string;
        stageId?: string | undefined;
        visibility: TApplicationVisibility;
        sort: TBoardSort;
        after?: TBoardPosition | undefined;
        limit: number;
        withScreen: boolean;
        withRecommendation: boolean;
      },
      executor: TExecutor = db,
    ): Promise<TBoardColumnRow[]> {
      const visible = visibleWhere(filter.visibility) ?? sql`true`;
      const inColumn = sql`applications.role_id = s.role_id and applications.current_stage_id = s.id
        and applications.status = 'active' and ${visible}`;
      const screen = filter.withScreen
        ? sql`(select rs.outcome from resume_screens rs where rs.application_id = p.id
            order by rs.screened_at desc limit 1)`
        : sql`null`;
      const recommendation = filter.withRecommendation
        ? sql`(select sc.recommendation from scorecards sc where sc.application_id = p.id
            and sc.status = 'submitted' and sc.superseded_at is null
            order by sc.submitted_at desc limit 1)`
        : sql`null`;
      return queryRows<TBoardColumnRow>(
        executor,
        sql`select s.id as "stageId",
          (select count(*)::int from applications where ${inColumn}) as total,
          coalesce((
            select json_agg(json_build_object(
                'id', p.id, 'candidateId', p.candidate_id, 'name', p.name,
                'updatedAt', p.updated_at,
                -- max() over the application's own events: an ORDER BY id LIMIT 1 here was
                -- planned on PGlite as a walk down the whole events primary key.
                'inStageSince', (select max(e.at) from application_stage_events e
                  where e.application_id = p.id),
                'screenOutcome', ${screen},
                'latestRecommendation', ${recommendation}
              ) order by p.rank)
            from (
              select applications.id, applications.candidate_id, c.name, applications.updated_at,
                row_number() over (order by ${ORDER[filter.sort]}) as rank
              from applications join candidates c on c.id = applications.candidate_id
              where ${inColumn} and ${afterPosition(filter.sort, filter.after)}
              order by ${ORDER[filter.sort]}
              limit ${filter.limit + 1}
            ) p
          ), '[]'::json) as cards
        from role_stages s
        where s.role_id = ${filter.roleId}
          ${filter.stageId ? sql`and s.id = ${filter.stageId}` : sql``}
        order by s.position, s.id`,
      );
    },
  };
}
export type TBoardRepo = ReturnType<typeof createBoardRepo>;
