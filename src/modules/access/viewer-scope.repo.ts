import { eq, sql } from "drizzle-orm";
import type { AnyColumn, SQL } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import type { TTeamRole } from "../../db/schema/index.js";
import { applications, interviews, roleTeamMembers } from "../../db/schema/index.js";
import { rememberedScope } from "./viewer-scope.js";
import type { TViewer, TViewerScope } from "./viewer-scope.js";

type TScopeLists = {
  memberships: readonly (readonly [string, TTeamRole])[];
  assigned: readonly (readonly [string, string])[];
};

/**
 * The scope's two lists as JSON columns of a statement that already selects the user (the session
 * or token lookup), so that a request resolves its principal and scope in one statement.
 */
export function scopeColumns(userId: AnyColumn): {
  [K in keyof TScopeLists]: SQL<TScopeLists[K]>;
} {
  return {
    memberships: sql<TScopeLists["memberships"]>`coalesce((
      select json_agg(json_build_array(m.role_id, m.team_role))
      from ${roleTeamMembers} m where m.user_id = ${userId}), '[]'::json)`,
    assigned: sql<TScopeLists["assigned"]>`coalesce((
      select json_agg(json_build_array(x.application_id, x.role_id)) from (
        select distinct i.application_id, a.role_id from ${interviews} i
        join ${applications} a on a.id = i.application_id
        where i.interviewer_id = ${userId}) x), '[]'::json)`,
  };
}

export function scopeFromLists(viewer: TViewer, lists: TScopeLists): TViewerScope {
  return {
    userId: viewer.id,
    isAdmin: viewer.role === "admin",
    teamRoleByRole: new Map(lists.memberships.map(([roleId, teamRole]) => [roleId, teamRole])),
    assignedApplicationIds: new Set(lists.assigned.map(([applicationId]) => applicationId)),
    assignedRoleIds: new Set(lists.assigned.map(([, roleId]) => roleId)),
  };
}

export function createViewerScopeRepo(db: TDatabase) {
  return {
    /**
     * The viewer's scope. Outside a transaction, the scope resolved with this request's session is
     * reused (no statement); inside one, or for a viewer without it, it is read afresh, so a write
     * that changes a team sees the change.
     */
    async loadScope(viewer: TViewer, executor?: TExecutor): Promise<TViewerScope> {
      const remembered = executor === undefined ? rememberedScope(viewer) : undefined;
      if (remembered) return remembered;
      const on = executor ?? db;
      const memberships = await on
        .select({ roleId: roleTeamMembers.roleId, teamRole: roleTeamMembers.teamRole })
        .from(roleTeamMembers)
        .where(eq(roleTeamMembers.userId, viewer.id));
      const assigned = await on
        .selectDistinct({ applicationId: interviews.applicationId, roleId: applications.roleId })
        .from(interviews)
        .innerJoin(applications, eq(applications.id, interviews.applicationId))
        .where(eq(interviews.interviewerId, viewer.id));
      return scopeFromLists(viewer, {
        memberships: memberships.map((m) => [m.roleId, m.teamRole] as const),
        assigned: assigned.map((a) => [a.applicationId, a.roleId] as const),
      });
    },
  };
}
export type TViewerScopeRepo = ReturnType<typeof createViewerScopeRepo>;
