import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TJson, TQuery } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

export type TAuditFilter = Omit<TQuery<"/api/audit", "get">, "limit" | "before">;
export type TAuditPage = TJson<"/api/audit", "get">;

export const auditKeys = {
  all: ["audit"] as const,
  list: (filter: TAuditFilter) => [...auditKeys.all, filter] as const,
};

/** Newest first, 50 at a time; "Show older events" fetches the next page. */
export function useAuditEvents(filter: TAuditFilter) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filter),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/audit", {
          params: { query: { ...filter, limit: 50, ...(pageParam ? { before: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
