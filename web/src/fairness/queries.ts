import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TJson, TQuery } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

export type TFairnessReport = TJson<"/api/analytics/fairness", "get">;
export type TFairnessQuery = TQuery<"/api/analytics/fairness", "get">;
export type TImpactTable = TFairnessReport["overall"][number];
export type TGroupImpact = TImpactTable["groups"][number];

export const fairnessKeys = {
  report: (query: TFairnessQuery) => ["analytics", "fairness", query] as const,
};

export function useFairnessReport(query: TFairnessQuery) {
  return useQuery({
    queryKey: fairnessKeys.report(query),
    queryFn: () => unwrap(api.GET("/api/analytics/fairness", { params: { query } })),
  });
}
