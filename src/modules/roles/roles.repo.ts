import { and, asc, count, desc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
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
import type { TTeamRole } from "../../db/schema/index.js";

export type TRoleRow = typeof roles.$inferSelect;
export type TNewRole = typeof roles.$inferInsert;
export type TRoleStageRow = typeof roleStages.$inferSelect;
export type TNewRoleStage = Omit<typeof roleStages.$inferInsert, "roleId">;

/** `"all"` for admins, else the role ids the caller may see. */
type TRoleFilter = "all" | readonly string[];
const byRoles = (filter: TRoleFilter) =>
  filter === "all" ? undefined : inArray(roles.id, [...filter]);

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

    async listRoles(
      filter: TRoleFilter,
      status: "open" | "closed" | undefined,
      executor: TExecutor = db,
    ): Promise<TRoleRow[]> {
      if (filter !== "all" && filter.length === 0) return [];
      return executor
        .select()
        .from(roles)
        .where(and(byRoles(filter), status ? eq(roles.status, status) : undefined))
        .orderBy(desc(roles.createdAt));
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
        .select({ id: users.id, role: users.role, name: users.name, disabledAt: users.disabledAt })
        .from(users)
        .where(inArray(users.id, [...userIds]));
    },

    async listEnabledUsers(executor: TExecutor = db) {
      return executor
        .select({ id: users.id, name: users.name, email: users.email, role: users.role })
        .from(users)
        .where(isNull(users.disabledAt))
        .orderBy(asc(users.name));
    },

    /** Applications per role, stage and status, for stage counts and totals. */
    async countApplications(roleIds: readonly string[], executor: TExecutor = db) {
      if (roleIds.length === 0) return [];
      return executor
        .select({
          roleId: applications.roleId,
          stageId: applications.currentStageId,
          status: applications.status,
          n: count(),
        })
        .from(applications)
        .where(inArray(applications.roleId, [...roleIds]))
        .groupBy(applications.roleId, applications.currentStageId, applications.status);
    },
  };
}
export type TRolesRepo = ReturnType<typeof createRolesRepo>;
