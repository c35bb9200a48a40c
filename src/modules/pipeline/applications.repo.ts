import { and, asc, count, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import {
  applications,
  applicationStageEvents,
  candidates,
  roles,
  roleStages,
  users,
} from "../../db/schema/index.js";
import type { TApplicationStatus, TStageKind } from "../../db/schema/index.js";
import { interviewSummariesJson } from "../interviews/interviews.repo.js";

export type TApplicationRow = typeof applications.$inferSelect;
export type TApplicationVisibility =
  "all" | { roleIds: readonly string[]; applicationIds: readonly string[] };

export function visibleWhere(visibility: TApplicationVisibility): SQL | undefined {
  if (visibility === "all") return undefined;
  const via = [
    visibility.roleIds.length ? inArray(applications.roleId, [...visibility.roleIds]) : undefined,
    visibility.applicationIds.length
      ? inArray(applications.id, [...visibility.applicationIds])
      : undefined,
  ].filter((c): c is SQL => c !== undefined);
  // Nothing visible: a condition that is never true keeps the query shape simple.
  return via.length ? or(...via) : eq(applications.id, "00000000-0000-0000-0000-000000000000");
}

const summaryColumns = {
  application: applications,
  // No e-mail: summaries reach interviewers; contact details come from the candidate endpoint.
  candidate: { id: candidates.id, name: candidates.name },
  role: { id: roles.id, title: roles.title, level: roles.level },
  stage: {
    id: roleStages.id,
    name: roleStages.name,
    kind: roleStages.kind,
    position: roleStages.position,
  },
};

/** A stage-history entry as JSON; `at` as PostgreSQL writes a JSON timestamp. */
export type TStageEventJson = {
  id: number;
  fromStage: TStageRefJson | null;
  toStage: TStageRefJson | null;
  statusAfter: TApplicationStatus;
  reason: string | null;
  byUserId: string | null;
  byName: string | null;
  at: string;
};
type TStageRefJson = { id: string; name: string; kind: TStageKind; position: number };

const stageRefJson = (alias: string) =>
  sql.raw(`case when ${alias}.id is null then null else json_build_object('id', ${alias}.id,
    'name', ${alias}.name, 'kind', ${alias}.kind, 'position', ${alias}.position) end`);

/**
 * The application page beyond the summary, as JSON columns of the summary's statement: the
 * role's plan, the stage history (oldest first) and the interviews.
 */
const detailColumns = {
  ...summaryColumns,
  stages: sql<TStageRefJson[]>`coalesce((
    select json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind,
      'position', s.position) order by s.position)
    from ${roleStages} s where s.role_id = ${applications.roleId}), '[]'::json)`,
  history: sql<TStageEventJson[]>`coalesce((
    select json_agg(json_build_object('id', e.id, 'fromStage', ${stageRefJson("fs")},
      'toStage', ${stageRefJson("ts")}, 'statusAfter', e.status_after, 'reason', e.reason,
      'byUserId', e.by_user_id, 'byName', u.name, 'at', e.at) order by e.id)
    from ${applicationStageEvents} e
    left join ${users} u on u.id = e.by_user_id
    left join ${roleStages} fs on fs.id = e.from_stage_id
    left join ${roleStages} ts on ts.id = e.to_stage_id
    where e.application_id = ${applications.id}), '[]'::json)`,
  interviews: interviewSummariesJson(applications.id),
};

export function createApplicationsRepo(db: TDatabase) {
  const summaries = (executor: TExecutor) =>
    executor
      .select(summaryColumns)
      .from(applications)
      .innerJoin(candidates, eq(candidates.id, applications.candidateId))
      .innerJoin(roles, eq(roles.id, applications.roleId))
      .innerJoin(roleStages, eq(roleStages.id, applications.currentStageId));

  return {
    async insertApplication(
      values: typeof applications.$inferInsert,
      executor: TExecutor = db,
    ): Promise<TApplicationRow | undefined> {
      const [row] = await executor
        .insert(applications)
        .values(values)
        .onConflictDoNothing()
        .returning();
      return row;
    },

    async findByCandidateAndRole(candidateId: string, roleId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(applications)
        .where(and(eq(applications.candidateId, candidateId), eq(applications.roleId, roleId)));
      return row;
    },

    /** A merge: the applications of one candidate record become another's. */
    async moveToCandidate(
      fromCandidateId: string,
      toCandidateId: string,
      executor: TExecutor = db,
    ) {
      await executor
        .update(applications)
        .set({ candidateId: toCandidateId, updatedAt: new Date() })
        .where(eq(applications.candidateId, fromCandidateId));
    },

    async findById(id: string, executor: TExecutor = db) {
      const [row] = await executor.select().from(applications).where(eq(applications.id, id));
      return row;
    },

    /** Row lock: two people moving the same application are serialised, the second sees the first. */
    async lockById(id: string, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(applications)
        .where(eq(applications.id, id))
        .for("update");
      return row;
    },

    /** The summaries of these applications (no visibility filter: the caller decided). */
    async findSummaries(ids: readonly string[], executor: TExecutor = db) {
      if (ids.length === 0) return [];
      return summaries(executor).where(inArray(applications.id, [...ids]));
    },

    /** The application page in one statement: the summary, plan, history and interviews. */
    async findDetail(id: string, executor: TExecutor = db) {
      const [row] = await executor
        .select(detailColumns)
        .from(applications)
        .innerJoin(candidates, eq(candidates.id, applications.candidateId))
        .innerJoin(roles, eq(roles.id, applications.roleId))
        .innerJoin(roleStages, eq(roleStages.id, applications.currentStageId))
        .where(eq(applications.id, id));
      return row;
    },

    async findSummary(id: string, executor: TExecutor = db) {
      const [row] = await summaries(executor).where(eq(applications.id, id));
      return row;
    },

    async listSummaries(
      filter: {
        visibility: TApplicationVisibility;
        roleId?: string | undefined;
        stageId?: string | undefined;
        candidateId?: string | undefined;
        status?: TApplicationStatus | undefined;
        stageKind?: string | undefined;
        limit: number;
        offset: number;
      },
      executor: TExecutor = db,
    ) {
      const where = and(
        visibleWhere(filter.visibility),
        filter.roleId ? eq(applications.roleId, filter.roleId) : undefined,
        filter.stageId ? eq(applications.currentStageId, filter.stageId) : undefined,
        filter.candidateId ? eq(applications.candidateId, filter.candidateId) : undefined,
        filter.status ? eq(applications.status, filter.status) : undefined,
        filter.stageKind ? eq(roleStages.kind, filter.stageKind as "custom") : undefined,
      );
      const rows = await summaries(executor)
        .where(where)
        .orderBy(desc(applications.updatedAt), asc(applications.id))
        .limit(filter.limit)
        .offset(filter.offset);
      const [total] = await executor
        .select({ n: count() })
        .from(applications)
        .innerJoin(roleStages, eq(roleStages.id, applications.currentStageId))
        .where(where);
      return { rows, total: total?.n ?? 0 };
    },

    async updateApplication(
      id: string,
      patch: Partial<Pick<TApplicationRow, "currentStageId" | "status" | "closedReason">>,
      executor: TExecutor = db,
    ) {
      const [row] = await executor
        .update(applications)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(applications.id, id))
        .returning();
      return row;
    },

    async insertStageEvent(
      values: typeof applicationStageEvents.$inferInsert,
      executor: TExecutor = db,
    ): Promise<void> {
      await executor.insert(applicationStageEvents).values(values);
    },
  };
}
export type TApplicationsRepo = ReturnType<typeof createApplicationsRepo>;
