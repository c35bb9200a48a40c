import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import { unwrap } from "../api/query-helpers";

/** Which applications a report covers: one role or all the caller may analyse, and a date range. */
export type TAnalyticsScope = { roleId?: string; from?: string; to?: string };

export type TProcessReport = Awaited<ReturnType<typeof fetchProcess>>;
export type TCalibrationReport = Awaited<ReturnType<typeof fetchCalibration>>;
export type TReliabilityReport = Awaited<ReturnType<typeof fetchReliability>>;
export type TQuestionQualityReport = Awaited<ReturnType<typeof fetchQuestionQuality>>;

const fetchProcess = (query: TAnalyticsScope) =>
  unwrap(api.GET("/api/analytics/process", { params: { query } }));
const fetchCalibration = (query: TAnalyticsScope) =>
  unwrap(api.GET("/api/analytics/calibration", { params: { query } }));
const fetchReliability = (query: TAnalyticsScope) =>
  unwrap(api.GET("/api/analytics/reliability", { params: { query } }));
const fetchQuestionQuality = (query: TAnalyticsScope) =>
  unwrap(api.GET("/api/analytics/questions", { params: { query } }));

export const analyticsKeys = {
  all: ["analytics"] as const,
  report: (report: string, scope: TAnalyticsScope) => ["analytics", report, scope] as const,
};

// Reports are aggregates over months: a minute's staleness is fine, and a new range keeps the
// previous figures on screen until the new ones arrive.
const options = { staleTime: 60_000, placeholderData: keepPreviousData } as const;

export function useProcessReport(scope: TAnalyticsScope) {
  return useQuery({
    queryKey: analyticsKeys.report("process", scope),
    queryFn: () => fetchProcess(scope),
    ...options,
  });
}
export function useCalibrationReport(scope: TAnalyticsScope) {
  return useQuery({
    queryKey: analyticsKeys.report("calibration", scope),
    queryFn: () => fetchCalibration(scope),
    ...options,
  });
}
export function useReliabilityReport(scope: TAnalyticsScope) {
  return useQuery({
    queryKey: analyticsKeys.report("reliability", scope),
    queryFn: () => fetchReliability(scope),
    ...options,
  });
}
/** Question quality; `enabled` false for callers who may not read analytics (interviewers). */
export function useQuestionQualityReport(scope: TAnalyticsScope, enabled = true) {
  return useQuery({
    queryKey: analyticsKeys.report("questions", scope),
    queryFn: () => fetchQuestionQuality(scope),
    enabled,
    ...options,
  });
}
