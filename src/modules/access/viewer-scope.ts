import type { TTeamRole } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import type { TUser } from "../users/users.schema.js";

/** The signed-in user a hiring service acts for. */
export type TViewer = Pick<TUser, "id" | "role" | "name">;

/**
 * What one user may see, loaded once per request. Need to know: admins see everything; team
 * recruiters and hiring managers see their roles' pipelines; interviewers see only the
 * applications they are assigned to. Every hiring service asks these questions instead of
 * checking roles itself, so the rules live in one file.
 */
export type TViewerScope = {
  userId: string;
  isAdmin: boolean;
  teamRoleByRole: ReadonlyMap<string, TTeamRole>;
  assignedApplicationIds: ReadonlySet<string>;
  assignedRoleIds: ReadonlySet<string>;
};

/**
 * Scopes resolved together with the session of a read request (one statement), keyed by the
 * request's user object, which routes pass to services as the viewer. Weak, so a finished
 * request's entry goes with it.
 */
const resolvedScopes = new WeakMap<TViewer, TViewerScope>();

export function rememberScope(viewer: TViewer, scope: TViewerScope): void {
  resolvedScopes.set(viewer, scope);
}

export function rememberedScope(viewer: TViewer): TViewerScope | undefined {
  return resolvedScopes.get(viewer);
}

export function canSeeRole(scope: TViewerScope, roleId: string): boolean {
  return scope.isAdmin || scope.teamRoleByRole.has(roleId) || scope.assignedRoleIds.has(roleId);
}

/** Recruiters and hiring managers on the team run the pipeline: applications, moves, scheduling. */
export function canManagePipeline(scope: TViewerScope, roleId: string): boolean {
  if (scope.isAdmin) return true;
  const teamRole = scope.teamRoleByRole.get(roleId);
  return teamRole === "recruiter" || teamRole === "hiring_manager";
}

/** Hiring managers on the team edit the role, see every scorecard and make decisions. */
export function canLeadRole(scope: TViewerScope, roleId: string): boolean {
  return scope.isAdmin || scope.teamRoleByRole.get(roleId) === "hiring_manager";
}

export function canSeeApplication(
  scope: TViewerScope,
  application: { id: string; roleId: string },
): boolean {
  return (
    canManagePipeline(scope, application.roleId) || scope.assignedApplicationIds.has(application.id)
  );
}

/** Role ids whose whole pipeline the viewer sees; `"all"` for admins. */
export function pipelineRoleIds(scope: TViewerScope): "all" | string[] {
  if (scope.isAdmin) return "all";
  return [...scope.teamRoleByRole]
    .filter(([, teamRole]) => teamRole !== "interviewer")
    .map(([roleId]) => roleId);
}

/** Role ids the viewer leads (hiring manager on the team); `"all"` for admins. */
export function ledRoleIds(scope: TViewerScope): "all" | string[] {
  if (scope.isAdmin) return "all";
  return [...scope.teamRoleByRole]
    .filter(([, teamRole]) => teamRole === "hiring_manager")
    .map(([roleId]) => roleId);
}

export function visibleRoleIds(scope: TViewerScope): "all" | string[] {
  if (scope.isAdmin) return "all";
  return [...new Set([...scope.teamRoleByRole.keys(), ...scope.assignedRoleIds])];
}

/** Not visible reads as not found, so ids cannot be probed for existence. */
export function assertSeesApplication(
  scope: TViewerScope,
  application: { id: string; roleId: string } | undefined,
): asserts application is { id: string; roleId: string } {
  if (!application || !canSeeApplication(scope, application)) throw notFound("That application");
}

export function assertManagesPipeline(scope: TViewerScope, roleId: string) {
  if (!canManagePipeline(scope, roleId))
    throw new AppError(
      "FORBIDDEN",
      "Only the role's recruiters and hiring managers (or an admin) can change its pipeline.",
    );
}

export function assertLeadsRole(scope: TViewerScope, roleId: string) {
  if (!canLeadRole(scope, roleId))
    throw new AppError(
      "FORBIDDEN",
      "Only a hiring manager on this role's team (or an admin) can do this.",
    );
}
