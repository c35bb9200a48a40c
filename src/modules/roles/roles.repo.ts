import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  ilike,
  inArray,
  isNull,
  notInArray,
  or,
  sql,
} from "drizzle-orm";
import { afterText, alphabetical, newestFirst, olderThan } from "../../db/keyset.js";
import type { TTextKey, TTimeKey } from "../../shared/keyset-cursor.js";
import { containsPattern } from "../../db/like.js";
import type { TDatabase, TExecutor } from "../../db/client.js";
import {
  applications,
  decisions,
  interviews,
  roles,
  roleStages,
  roleTeamMembers,
  users,
} from "../../db/schema/index.js";
import type { TApplicationStatus, TTeamRole } from "../../db/schema/index.js";

export type TRoleRow = typeof roles.$inferSelect;
export type TNewRole = typeof roles.$inferInsert;
export type TRoleStageRow = typeof roleStages.$inferSelect;
export type TNewRoleStage = Omit<typeof roleStages.$inferInsert, "roleId">;

/** A role with what its page shows beside it: plan, team and application counts. */
export type TRoleWithDetails = TRoleRow & {
  stages: Omit<TRoleStageRow, "roleId" | "createdAt">[];
  team: { userId: string; teamRole: TTeamRole; name: string; email: string }[];
  counts: { stageId: string; status: TApplicationStatus; n: number }[];
};

/**
 * The role's columns and its plan, team and counts as JSON columns, so a role page is one
 * statement rather than four. The orders are those of the separate lookups (listStages, listTeams).
 */
// Qualified by hand: drizzle writes a one-table select's columns unqualified, and a bare "id"
// inside these subqueries would name the subquery's own table.
const outerRoleId = sql.raw(`"roles"."id"`);
const roleWithDetails = {
  ...getTableColumns(roles),
  stages: sql<TRoleWithDetails["stages"]>`coalesce((
    select json_agg(json_build_object('id', s.id, 'position', s.position, 'kind', s.kind,
      'name', s.name, 'purpose', s.purpose, 'durationMinutes', s.duration_minutes,
      'competencies', s.competencies, 'kit', s.kit, 'checklist', s.checklist)
      order by s.position)
    from ${roleStages} s where s.role_id = ${outerRoleId}), '[]'::json)`,
  team: sql<TRoleWithDetails["team"]>`coalesce((
    select json_agg(json_build_object('userId', m.user_id, 'teamRole', m.team_role,
      'name', u.name, 'email', u.email) order by u.name)
    from ${roleTeamMembers} m join ${users} u on u.id = m.user_id
    where m.role_id = ${outerRoleId}), '[]'::json)`,
  counts: sql<TRoleWithDetails["counts"]>`coalesce((
    select json_agg(json_build_object('stageId', x.current_stage_id, 'status', x.status, 'n', x.n))
    from (select a.current_stage_id, a.status, count(*)::int as n from ${applications} a
      where a.role_id = ${outerRoleId} group by a.current_stage_id, a.status) x), '[]'::json)`,
};

/** `"all"` for admins, else the role ids the caller may see. */
type TRoleFilter = "all" | readonly string[];
const byRoles = (filter: TRoleFilter) =>
  filter === "all" ? undefined : inArray(roles.id, [...filter]);

/** The roles list's own filters: open or closed, and part of the title. */
type TRoleListFilter = { status?: "open" | "closed" | undefined; q?: string | undefined };
const listed = (filter: TRoleFilter, list: TRoleListFilter) =>
  and(
    byRoles(filter),
    list.status ? eq(roles.status, list.status) : undefined,
    list.q ? ilike(roles.title, containsPattern(list.q)) : undefined,
  );

export function createRolesRepo(db: TDatabase) {
  return {
    async insertRole(values: TNewRole, executor: TExecutor = db): Promise<TRoleRow> {
      const [row] = await executor.insert(roles).values(values).returning();
      if (!row) throw new Error("insert into roles returned no row");
      return row;
    },

    async updateRole(
      id: string,
      patch: Partial<Omit<TNewRole, "id">>,
      executor: TExecutor = db,
    ): Promise<TRoleRow | undefined> {
      const [row] = await executor
        .update(roles)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(roles.id, id))
        .returning();
      return row;
    },

    async findRole(id: string, executor: TExecutor = db): Promise<TRoleRow | undefined> {
      const [row] = await executor.select().from(roles).where(eq(roles.id, id));
      return row;
    },

    /** The role and its plan, team and counts, in one statement. */
    async findRoleWithDetails(
      id: string,
      executor: TExecutor = db,
    ): Promise<TRoleWithDetails | undefined> {
      const [row] = await executor.select(roleWithDetails).from(roles).where(eq(roles.id, id));
      return row;
    },

    /**
     * A page of the visible roles, newest first, each with its plan, team and counts, in one
     * statement, with one row more than asked for (keyset: after the last page's key).
     */
    async listRolesWithDetails(
      filter: TRoleFilter,
      page: TRoleListFilter & { limit: number; after?: TTimeKey | undefined },
      executor: TExecutor = db,
    ): Promise<TRoleWithDetails[]> {
      if (filter !== "all" && filter.length === 0) return [];
      return executor
        .select(roleWithDetails)
        .from(roles)
        .where(and(listed(filter, page), olderThan(roles.createdAt, roles.id, page.after)))
        .orderBy(...newestFirst(roles.createdAt, roles.id))
        .limit(page.limit + 1);
    },

    /** How many roles the caller may see (with the status filter), for "Showing 50 of N". */
    async countRoles(
      filter: TRoleFilter,
      list: TRoleListFilter,
      executor: TExecutor = db,
    ): Promise<number> {
      if (filter !== "all" && filter.length === 0) return 0;
      const [row] = await executor.select({ n: count() }).from(roles).where(listed(filter, list));
      return row?.n ?? 0;
    },

    async listStages(roleIds: readonly string[], executor: TExecutor = db) {
      if (roleIds.length === 0) return [];
      return executor
        .select()
        .from(roleStages)
        .where(inArray(roleStages.roleId, [...roleIds]))
        .orderBy(asc(roleStages.roleId), asc(roleStages.position));
    },

    async findStage(stageId: string, executor: TExecutor = db) {
      const [row] = await executor.select().from(roleStages).where(eq(roleStages.id, stageId));
      return row;
    },

    async insertStages(roleId: string, stages: TNewRoleStage[], executor: TExecutor = db) {
      if (stages.length === 0) return [];
      return executor
        .insert(roleStages)
        .values(stages.map((s) => ({ ...s, roleId })))
        .returning();
    },

    async updateStage(
      stageId: string,
      values: Omit<TNewRoleStage, "id">,
      executor: TExecutor = db,
    ): Promise<void> {
      await executor.update(roleStages).set(values).where(eq(roleStages.id, stageId));
    },

    async deleteStagesExcept(roleId: string, keep: readonly string[], executor: TExecutor = db) {
      await executor
        .delete(roleStages)
        .where(
          and(
            eq(roleStages.roleId, roleId),
            keep.length ? notInArray(roleStages.id, [...keep]) : undefined,
          ),
        );
    },

    /** Stages something still points at (applications, interviews, decisions): not deletable. */
    async findStagesInUse(stageIds: readonly string[], executor: TExecutor = db) {
      if (stageIds.length === 0) return new Set<string>();
      const ids = [...stageIds];
      const rows = await executor
        .select({ id: roleStages.id })
        .from(roleStages)
        .where(
          and(
            inArray(roleStages.id, ids),
            sql`(exists (select 1 from ${applications} where ${applications.currentStageId} = ${roleStages.id})
              or exists (select 1 from ${interviews} where ${interviews.stageId} = ${roleStages.id})
              or exists (select 1 from ${decisions} where ${decisions.stageId} = ${roleStages.id}))`,
          ),
        );
      return new Set(rows.map((r) => r.id));
    },

    async listTeams(roleIds: readonly string[], executor: TExecutor = db) {
      if (roleIds.length === 0) return [];
      return executor
        .select({
          roleId: roleTeamMembers.roleId,
          userId: roleTeamMembers.userId,
          teamRole: roleTeamMembers.teamRole,
          name: users.name,
          email: users.email,
        })
        .from(roleTeamMembers)
        .innerJoin(users, eq(users.id, roleTeamMembers.userId))
        .where(inArray(roleTeamMembers.roleId, [...roleIds]))
        .orderBy(asc(users.name));
    },

    async replaceTeam(
      roleId: string,
      members: readonly { userId: string; teamRole: TTeamRole }[],
      executor: TExecutor = db,
    ) {
      await executor.delete(roleTeamMembers).where(eq(roleTeamMembers.roleId, roleId));
      if (members.length)
        await executor.insert(roleTeamMembers).values(members.map((m) => ({ ...m, roleId })));
    },

    async findUsers(userIds: readonly string[], executor: TExecutor = db) {
      if (userIds.length === 0) return [];
      return executor
        .select({
          id: users.id,
          role: users.role,
          name: users.name,
          email: users.email,
          disabledAt: users.disabledAt,
        })
        .from(users)
        .where(inArray(users.id, [...userIds]));
    },

    /**
     * A page of the enabled users in alphabetical order (one row more than asked for), optionally
     * those whose name or e-mail contains `q`, with how many match.
     */
    async listEnabledUsers(
      page: { limit: number; after?: TTextKey | undefined; q?: string | undefined },
      executor: TExecutor = db,
    ) {
      const pattern = page.q ? containsPattern(page.q) : undefined;
      const matches = and(
        isNull(users.disabledAt),
        pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        executor
          .select({ id: users.id, name: users.name, email: users.email, role: users.role })
          .from(users)
          .where(and(matches, afterText(users.name, users.id, page.after)))
          .orderBy(...alphabetical(users.name, users.id))
          .limit(page.limit + 1),
        executor.select({ n: count() }).from(users).where(matches),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
  };
}
export type TRolesRepo = ReturnType<typeof createRolesRepo>;
