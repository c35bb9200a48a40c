import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TJson } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

export const dashboardKeys = { all: ["dashboard"] as const };

export function useDashboard() {
  return useQuery({
    queryKey: dashboardKeys.all,
    queryFn: () => unwrap(api.GET("/api/dashboard")),
  });
}

/** The home page's waiting lists in full, each on its own page. */
export const WAITING_LISTS = {
  "scorecards-to-submit": "/api/dashboard/scorecards-to-submit",
  "applications-to-screen": "/api/dashboard/applications-to-screen",
  "decisions-to-make": "/api/dashboard/decisions-to-make",
} as const;
export type TWaitingListName = keyof typeof WAITING_LISTS;
export type TWaitingPages = {
  "scorecards-to-submit": TJson<"/api/dashboard/scorecards-to-submit", "get">;
  "applications-to-screen": TJson<"/api/dashboard/applications-to-screen", "get">;
  "decisions-to-make": TJson<"/api/dashboard/decisions-to-make", "get">;
};
export type TWaitingPage<L extends TWaitingListName> = TWaitingPages[L];
type TAnyWaitingPage = TWaitingPages[TWaitingListName];

function fetchWaitingPage(
  list: TWaitingListName,
  after: string | undefined,
): Promise<TAnyWaitingPage> {
  const params = { query: { limit: 25, ...(after ? { after } : {}) } };
  switch (list) {
    case "scorecards-to-submit":
      return unwrap(api.GET("/api/dashboard/scorecards-to-submit", { params }));
    case "applications-to-screen":
      return unwrap(api.GET("/api/dashboard/applications-to-screen", { params }));
    case "decisions-to-make":
      return unwrap(api.GET("/api/dashboard/decisions-to-make", { params }));
  }
}

/** 25 at a time in the preview's order; "Show more" fetches the next page by its cursor. */
export function useWaitingList(list: TWaitingListName) {
  return useInfiniteQuery({
    queryKey: [...dashboardKeys.all, "list", list] as const,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchWaitingPage(list, pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
