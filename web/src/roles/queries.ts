import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TCompetency, TRole } from "../api/hiring-types";
import { after, firstPage, nextPage, unwrap } from "../api/query-helpers";
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

type TRoleListQuery = { status?: "open" | "closed"; q?: string };

/** How many roles a picker loads at once; past it, the picker says how many it does not show. */
export const ROLE_PICKER_LIMIT = 100;

/** The roles the caller may see, newest first, a page at a time (Show more loads the next). */
export function useRoles(filter: TRoleListQuery = {}, limit = 50, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: [...roleKeys.list(), filter, limit],
    initialPageParam: firstPage,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/roles", { params: { query: { ...filter, limit, ...after(pageParam) } } }),
      ),
    getNextPageParam: nextPage,
  });
}

/**
 * The newest roles for a picker (a filter, a menu): one page of up to 100, with the total so the
 * picker can say when there are more than it lists.
 */
export function useRoleOptions(filter: TRoleListQuery = {}) {
  const query = useRoles(filter, ROLE_PICKER_LIMIT);
  const roles = query.data?.pages.flatMap((p) => p.roles);
  return { ...query, roles, total: query.data?.pages[0]?.total ?? 0 };
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

/** Enabled people in alphabetical order, 50 a page, optionally those matching `q`. */
export function usePeople(q = "") {
  return useInfiniteQuery({
    queryKey: [...roleKeys.people, q],
    initialPageParam: firstPage,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/people", {
          params: { query: { limit: 50, ...(q ? { q } : {}), ...after(pageParam) } },
        }),
      ),
    getNextPageParam: nextPage,
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
