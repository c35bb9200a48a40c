import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TCompetency, TRole } from "../api/hiring-types";
import { unwrap } from "../api/query-helpers";
import type { TBody, TJson } from "../api/json-types";
import { dashboardKeys } from "../dashboard/queries";

type TCreateRoleBody = TBody<"/api/roles", "post">;
type TUpdateRoleBody = TBody<"/api/roles/{roleId}", "patch">;
type TStagesBody = TBody<"/api/roles/{roleId}/stages", "put">;
type TTeamBody = TBody<"/api/roles/{roleId}/team", "put">;
export type TRoleList = TJson<"/api/roles", "get">;

export const roleKeys = {
  all: ["roles"] as const,
  list: () => [...roleKeys.all, "list"] as const,
  detail: (roleId: string) => [...roleKeys.all, "detail", roleId] as const,
  templates: ["role-templates"] as const,
  people: ["people"] as const,
};

export function useRoles() {
  return useQuery({
    queryKey: roleKeys.list(),
    queryFn: () => unwrap(api.GET("/api/roles")),
  });
}

export function useRole(roleId: string | undefined) {
  return useQuery({
    queryKey: roleKeys.detail(roleId ?? ""),
    queryFn: () =>
      unwrap(api.GET("/api/roles/{roleId}", { params: { path: { roleId: roleId ?? "" } } })),
    enabled: Boolean(roleId),
    select: (data) => data.role,
  });
}

/** The level templates and competency catalogue: part of the release, so fetched once. */
export function useRoleTemplates() {
  return useQuery({
    queryKey: roleKeys.templates,
    queryFn: () => unwrap(api.GET("/api/role-templates")),
    staleTime: Infinity,
  });
}

/** Competency ids in words ("django-orm" → "Django ORM"); the id until the catalogue is in. */
export function useCompetencyNames(): (id: string) => string {
  const templates = useRoleTemplates().data;
  const byId = new Map<string, TCompetency>(templates?.competencies.map((c) => [c.id, c]) ?? []);
  return (id) => byId.get(id)?.name ?? id;
}

export function usePeople() {
  return useQuery({
    queryKey: roleKeys.people,
    queryFn: () => unwrap(api.GET("/api/people")),
    select: (data) => data.people,
  });
}

/** After a role changes: its page, the roles list and the dashboard's charts. */
function useRoleSaved() {
  const queryClient = useQueryClient();
  return (role: TRole) => {
    queryClient.setQueryData(roleKeys.detail(role.id), { role });
    void queryClient.invalidateQueries({ queryKey: roleKeys.list() });
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  };
}

export function useCreateRole() {
  const saved = useRoleSaved();
  return useMutation({
    mutationFn: (body: TCreateRoleBody) => unwrap(api.POST("/api/roles", { body })),
    onSuccess: (data) => saved(data.role),
  });
}

export function useUpdateRole(roleId: string) {
  const saved = useRoleSaved();
  return useMutation({
    mutationFn: (body: TUpdateRoleBody) =>
      unwrap(api.PATCH("/api/roles/{roleId}", { params: { path: { roleId } }, body })),
    onSuccess: (data) => saved(data.role),
  });
}

export function useSaveStages(roleId: string) {
  const saved = useRoleSaved();
  return useMutation({
    mutationFn: (body: TStagesBody) =>
      unwrap(api.PUT("/api/roles/{roleId}/stages", { params: { path: { roleId } }, body })),
    onSuccess: (data) => saved(data.role),
  });
}

export function useSaveTeam(roleId: string) {
  const saved = useRoleSaved();
  return useMutation({
    mutationFn: (body: TTeamBody) =>
      unwrap(api.PUT("/api/roles/{roleId}/team", { params: { path: { roleId } }, body })),
    onSuccess: (data) => saved(data.role),
  });
}
