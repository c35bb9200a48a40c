import { sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import type { TApplicationStatus, TStageKind } from "../../db/schema/index.js";
import { queryRows } from "../../db/raw-query.js";
import type { TTimeKey } from "../../shared/keyset-cursor.js";
import type { TLevel } from "../roles/templates/levels.js";

export type TDashboardApplication = {
  id: string;
  candidate: { id: string; name: string };
  role: { id: string; title: string; level: TLevel };
  status: TApplicationStatus;
  currentStage: { id: string; name: string; kind: TStageKind; position: number };
  closedReason: string | null;
  createdAt: string;
  updatedAt: string;
};

export type TDashboardRows = {
  scorecards: {
    total: number;
    items: {
      id: string;
      applicationId: string;
      stageId: string;
      stageName: string;
      interviewer: { id: string; name: string };
      scheduledAt: string;
      durationMinutes: number;
      timeZone: string;
      location: string | null;
      meetingUrl: string | null;
      scorecardStatus: "none" | "draft";
      application: TDashboardApplication;
    }[];
  };
  screening: { total: number; items: TDashboardApplication[] };
  decisions: {
    total: number;
    items: (TDashboardApplication & { submittedScorecards: number })[];
  };
  roles: {
    id: string;
    title: string;
    level: TLevel;
    status: "open" | "closed";
    stages: { id: string; name: string; kind: TStageKind; activeApplications: number }[];
  }[];
};

/** An application summary as JSON, from `a` joined to `c` (candidate), `r` (role), `st` (stage). */
const summaryJson = sql.raw(`json_build_object(
  'id', a.id, 'status', a.status, 'closedReason', a.closed_reason,
  'createdAt', a.created_at, 'updatedAt', a.updated_at,
  'candidate', json_build_object('id', c.id, 'name', c.name),
  'role', json_build_object('id', r.id, 'title', r.title, 'level', r.level),
  'currentStage', json_build_object('id', st.id, 'name', st.name, 'kind', st.kind,
    'position', st.position))`);

const summaryJoins = sql.raw(`join candidates c on c.id = a.candidate_id
  join roles r on r.id = a.role_id
  join role_stages st on st.id = a.current_stage_id`);

const submitted = sql.raw(
  `exists (select 1 from scorecards s where s.interview_id = i.id and s.status = 'submitted')`,
);

const json = <T>(v: unknown, fallback: T): T =>
  v === null || v === undefined
    ? fallback
    : typeof v === "string"
      ? (JSON.parse(v) as T)
      : (v as T);

/**
 * The waiting lists and the visible open roles as CTEs. The scope rules are those of
 * viewer-scope.ts, written in SQL: the pipeline of roles where the viewer recruits or manages,
 * decisions on open roles the viewer manages, the viewer's own interviews, and roles seen through
 * the team or an interview. The home page previews them; each list also pages on its own.
 */
function waitingCtes(viewer: { id: string; isAdmin: boolean }) {
  const v = viewer.id;
  const admin = sql`${viewer.isAdmin}::boolean`;
  return sql`with
        todo_scorecards as (
          select i.id, i.scheduled_at, ${summaryJson} as application,
            json_build_object('id', i.id, 'applicationId', i.application_id, 'stageId', i.stage_id,
              'stageName', ist.name, 'interviewer', json_build_object('id', u.id, 'name', u.name),
              'scheduledAt', i.scheduled_at, 'durationMinutes', i.duration_minutes,
              'timeZone', i.time_zone, 'location', i.location, 'meetingUrl', i.meeting_url,
              'scorecardStatus', case when exists (select 1 from scorecards s
                where s.interview_id = i.id) then 'draft' else 'none' end) as item
          from interviews i
          join applications a on a.id = i.application_id and a.status = 'active'
          join role_stages ist on ist.id = i.stage_id
          join users u on u.id = i.interviewer_id
          ${summaryJoins}
          where i.interviewer_id = ${v} and not ${submitted}),
        pipeline_roles as (
          select r.id from roles r where ${admin} or r.id in (select m.role_id
            from role_team_members m where m.user_id = ${v}
            and m.team_role in ('recruiter', 'hiring_manager'))),
        to_screen as (
          select a.id, a.updated_at, ${summaryJson} as item
          from applications a ${summaryJoins}
          where a.status = 'active' and st.kind = 'resume-screen'
            and a.role_id in (select id from pipeline_roles)),
        led_roles as (
          select r.id from roles r where r.status = 'open' and (${admin} or r.id in (
            select m.role_id from role_team_members m
            where m.user_id = ${v} and m.team_role = 'hiring_manager'))),
        ready as (
          select a.id, count(*)::int as submitted_scorecards
          from applications a
          join interviews i on i.application_id = a.id and i.stage_id = a.current_stage_id
          where a.status = 'active' and a.role_id in (select id from led_roles)
          group by a.id
          having bool_and(${submitted})),
        to_decide as (
          select a.id, a.updated_at,
            (${summaryJson})::jsonb || jsonb_build_object('submittedScorecards',
              ready.submitted_scorecards) as item
          from ready join applications a on a.id = ready.id ${summaryJoins}),
        open_roles as (
          select r.* from roles r where r.status = 'open' and (${admin}
            or exists (select 1 from role_team_members m where m.role_id = r.id and m.user_id = ${v})
            or exists (select 1 from interviews i join applications a on a.id = i.application_id
              where a.role_id = r.id and i.interviewer_id = ${v}))),
        stage_counts as (
          select a.current_stage_id, count(*)::int as n from applications a
          where a.status = 'active' and a.role_id in (select id from open_roles)
          group by a.current_stage_id)`;
}

/** Each waiting list: its CTE, its order, and its sort key (milliseconds, as cursors carry). */
const LISTS = {
  scorecards: {
    from: sql.raw("todo_scorecards"),
    item: sql.raw("item::jsonb || jsonb_build_object('application', application::jsonb)"),
    key: sql.raw("scheduled_at"),
    descending: false,
  },
  screening: {
    from: sql.raw("to_screen"),
    item: sql.raw("item::jsonb"),
    key: sql.raw("date_trunc('milliseconds', updated_at)"),
    descending: true,
  },
  decisions: {
    from: sql.raw("to_decide"),
    item: sql.raw("item::jsonb"),
    key: sql.raw("date_trunc('milliseconds', updated_at)"),
    descending: true,
  },
} as const;
export type TWaitingList = keyof typeof LISTS;

export function createDashboardRepo(db: TDatabase) {
  return {
    /**
     * Everything the home page shows, in one statement: the first `preview` items of each waiting
     * list with its total, and the visible open roles with active applications per stage. The
     * scope rules are those of viewer-scope.ts, written in SQL: the pipeline of roles where the
     * viewer recruits or manages, decisions on open roles the viewer manages, the viewer's own
     * interviews, and roles seen through the team or an interview.
     */
    async load(
      viewer: { id: string; isAdmin: boolean },
      preview: number,
      executor: TExecutor = db,
    ): Promise<TDashboardRows> {
      const [row] = await queryRows<Record<string, unknown>>(
        executor,
        sql`${waitingCtes(viewer)}
      select
        (select count(*)::int from todo_scorecards) as scorecards_total,
        (select coalesce(json_agg(p.item || jsonb_build_object('application', p.application)
            order by p.scheduled_at, p.id), '[]'::json)
          from (select item::jsonb, application::jsonb, scheduled_at, id from todo_scorecards
            order by scheduled_at, id limit ${preview}) p) as scorecards,
        (select count(*)::int from to_screen) as screening_total,
        (select coalesce(json_agg(p.item order by p.updated_at desc, p.id desc), '[]'::json)
          from (select item, updated_at, id from to_screen
            order by updated_at desc, id desc limit ${preview}) p) as screening,
        (select count(*)::int from to_decide) as decisions_total,
        (select coalesce(json_agg(p.item order by p.updated_at desc, p.id desc), '[]'::json)
          from (select item, updated_at, id from to_decide
            order by updated_at desc, id desc limit ${preview}) p) as decisions,
        (select coalesce(json_agg(json_build_object('id', r.id, 'title', r.title,
            'level', r.level, 'status', r.status, 'stages', coalesce((
              select json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind,
                'activeApplications', coalesce(sc.n, 0)) order by s.position)
              from role_stages s left join stage_counts sc on sc.current_stage_id = s.id
              where s.role_id = r.id), '[]'::json)) order by r.created_at desc), '[]'::json)
          from open_roles r) as roles`,
      );
      return {
        scorecards: {
          total: Number(row?.scorecards_total ?? 0),
          items: json(row?.scorecards, []),
        },
        screening: { total: Number(row?.screening_total ?? 0), items: json(row?.screening, []) },
        decisions: { total: Number(row?.decisions_total ?? 0), items: json(row?.decisions, []) },
        roles: json(row?.roles, []),
      };
    },

    /**
     * One page of a waiting list after `after` (keyset on its sort key and id), with the list's
     * total, in one statement. `more` says whether a row follows the page.
     */
    async loadList(
      viewer: { id: string; isAdmin: boolean },
      list: TWaitingList,
      page: { limit: number; after?: TTimeKey | undefined },
      executor: TExecutor = db,
    ): Promise<{ total: number; items: unknown[]; keys: TTimeKey[]; more: boolean }> {
      const { from, item, key, descending } = LISTS[list];
      const order = descending ? sql.raw("desc") : sql.raw("asc");
      const after = page.after
        ? descending
          ? sql`(${key}, id) < (${page.after.at.toISOString()}::timestamptz, ${page.after.id}::uuid)`
          : sql`(${key}, id) > (${page.after.at.toISOString()}::timestamptz, ${page.after.id}::uuid)`
        : sql`true`;
      const [row] = await queryRows<Record<string, unknown>>(
        executor,
        sql`${waitingCtes(viewer)}
        select (select count(*)::int from ${from}) as total,
          (select coalesce(json_agg(json_build_array(p.item, p.k, p.id)
              order by p.k ${order}, p.id ${order}), '[]'::json)
            from (select ${item} as item, ${key} as k, id from ${from} where ${after}
              order by k ${order}, id ${order} limit ${page.limit + 1}) p) as page`,
      );
      const rows = json<[unknown, string, string][]>(row?.page, []);
      const shown = rows.slice(0, page.limit);
      return {
        total: Number(row?.total ?? 0),
        items: shown.map((r) => r[0]),
        keys: shown.map((r) => ({ at: new Date(r[1]), id: r[2] })),
        more: rows.length > page.limit,
      };
    },
  };
}
export type TDashboardRepo = ReturnType<typeof createDashboardRepo>;
