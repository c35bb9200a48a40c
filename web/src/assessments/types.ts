import type { TJson } from "../api/json-types";

export type TPortalAssessment = TJson<"/api/portal/{token}", "get">["assessment"];
export type TPortalPart = TPortalAssessment["parts"][number];
export type TPortalSubmitResponse = TJson<
  "/api/portal/{token}/parts/{part}/submissions",
  "post",
  201
>;
export type TAssessmentSummary = TJson<"/api/assessments/{assessmentId}", "get">["assessment"];
export type TPackSummary = TJson<
  "/api/applications/{applicationId}/assessment-packs",
  "get"
>["packs"][number];
export type TGradingDetail = TJson<"/api/gradings/{gradingId}", "get">["grading"];
export type TGradeReport = NonNullable<TGradingDetail["report"]>;
export type TSubmissionFile = TJson<
  "/api/submissions/{submissionId}/files",
  "get"
>["files"][number];

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} hour${h > 1 ? "s" : ""}${m ? ` ${m} minutes` : ""}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
