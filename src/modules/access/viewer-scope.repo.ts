import { eq } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { applications, interviews, roleTeamMembers } from "../../db/schema/index.js";
import type { TViewer, TViewerScope } from "./viewer-scope.js";

export function createViewerScopeRepo(db: TDatabase) {
  return {
    async loadScope(viewer: TViewer, executor: TExecutor = db): Promise<TViewerScope> {
      const memberships = await executor
        .select({ roleId: roleTeamMembers.roleId, teamRole: roleTeamMembers.teamRole })
        .from(roleTeamMembers)
        .where(eq(roleTeamMembers.userId, viewer.id));
      const assigned = await executor
        .selectDistinct({ applicationId: interviews.applicationId, roleId: applications.roleId })
        .from(interviews)
        .innerJoin(applications, eq(applications.id, interviews.applicationId))
        .where(eq(interviews.interviewerId, viewer.id));
      return {
        userId: viewer.id,
        isAdmin: viewer.role === "admin",
        teamRoleByRole: new Map(memberships.map((m) => [m.roleId, m.teamRole])),
        assignedApplicationIds: new Set(assigned.map((a) => a.applicationId)),
        assignedRoleIds: new Set(assigned.map((a) => a.roleId)),
      };
    },
  };
}
export type TViewerScopeRepo = ReturnType<typeof createViewerScopeRepo>;
