import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import { unwrap } from "../api/query-helpers";

export const dashboardKeys = { all: ["dashboard"] as const };

export function useDashboard() {
  return useQuery({
    queryKey: dashboardKeys.all,
    queryFn: () => unwrap(api.GET("/api/dashboard")),
  });
}
