import type { TGradeReport } from "../../grader/grade-report.js";
import { readStoredReport } from "../../grader/grade-report.js";
import type { TManifest } from "../../grader/pack.js";
import { nameOfCompetency } from "../roles/templates/competencies.js";
import type { TAssessmentRow, TGradingRow, TPartRow } from "./assessments.repo.js";

/**
 * The link keeps working this long after the deadline, so a candidate who is a little late can
 * still hand in (marked late) and see what they sent. After that it reads as expired.
 */
export const LINK_GRACE_HOURS = 24;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function linkExpiresAt(assessment: Pick<TAssessmentRow, "deadlineAt">): Date {
  return new Date(assessment.deadlineAt.getTime() + LINK_GRACE_HOURS * 3_600_000);
}

/** The clock runs for the time limit from Start, and never past the deadline. */
export function dueAt(
  assessment: Pick<TAssessmentRow, "startedAt" | "timeLimitMinutes" | "deadlineAt">,
): Date | null {
  if (!assessment.startedAt) return null;
  const byLimit = assessment.startedAt.getTime() + assessment.timeLimitMinutes * 60_000;
  return new Date(Math.min(byLimit, assessment.deadlineAt.getTime()));
}

/**
 * When one part's time is up: with shared timing the assessment's one clock, else the part's own.
 * Null while that clock has not been started.
 */
export function partDueAt(
  assessment: Pick<TAssessmentRow, "timing" | "startedAt" | "timeLimitMinutes" | "deadlineAt">,
  part: Pick<TPartRow, "startedAt" | "timeLimitMinutes">,
): Date | null {
  if (assessment.timing === "shared") return dueAt(assessment);
  return dueAt({ ...part, deadlineAt: assessment.deadlineAt });
}

type TState = "sent" | "started" | "submitted" | "revoked" | "expired";

/** One part: submitted once it has an upload, started once its clock runs. */
export function partState(
  assessment: TAssessmentRow,
  part: Pick<TPartRow, "startedAt" | "submittedAt">,
  now = new Date(),
): TState {
  if (assessment.revokedAt) return "revoked";
  if (part.submittedAt) return "submitted";
  if (now > linkExpiresAt(assessment)) return "expired";
  return part.startedAt || (assessment.timing === "shared" && assessment.startedAt)
    ? "started"
    : "sent";
}

/**
 * The whole assessment: submitted when every part is or the candidate said they were finished
 * (which needs an upload), started as soon as any part is.
 */
export function assessmentState(
  assessment: TAssessmentRow,
  parts: Pick<TPartRow, "startedAt" | "submittedAt">[],
  now = new Date(),
): TState {
  if (assessment.revokedAt) return "revoked";
  if (parts.length > 0 && parts.every((part) => part.submittedAt)) return "submitted";
  if (assessment.finishedAt) return "submitted";
  // Past the link's end, what was handed in is what there is.
  if (now > linkExpiresAt(assessment))
    return parts.some((part) => part.submittedAt) ? "submitted" : "expired";
  return assessment.startedAt ? "started" : "sent";
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

type TGradingWithJob = {
  grading: TGradingRow;
  requestedByName: string | null;
  jobStatus: string | null;
  jobError: string | null;
};

/**
 * What the hiring team sees of a grading. A grading whose job is waiting to retry reads as
 * queued, and one whose job failed for good reads as an error even if the handler never wrote it.
 */
export function effectiveGradingStatus(row: TGradingWithJob): TGradingRow["status"] {
  const { status } = row.grading;
  if (status === "graded" || status === "error") return status;
  if (row.jobStatus === "failed") return "error";
  if (status === "running" && row.jobStatus === "queued") return "queued";
  return status;
}

export function presentGradingSummary(row: TGradingWithJob) {
  const g = row.grading;
  return {
    id: g.id,
    submissionId: g.submissionId,
    status: effectiveGradingStatus(row),
    score: g.score,
    createdAt: g.createdAt.toISOString(),
    startedAt: iso(g.startedAt),
    finishedAt: iso(g.finishedAt),
    requestedBy:
      g.requestedBy && row.requestedByName
        ? { id: g.requestedBy, name: row.requestedByName }
        : null,
  };
}

/** A stored report, or for a grading that failed without one, a report that says why. */
export function reportOf(row: TGradingWithJob, packId: string): TGradeReport | null {
  const stored = readStoredReport(row.grading.report);
  if (stored !== null) return stored;
  if (effectiveGradingStatus(row) !== "error") return null;
  return {
    packId,
    packVersion: 0,
    status: "error",
    score: 0,
    groups: [],
    integrity: { verdict: "clean", findings: [] },
    timings: {},
    error: {
      kind: "infrastructure",
      message:
        "Shortlist could not grade this submission after several attempts (a problem on our side, not the candidate's). Try Re-grade; if it fails again, contact your administrator.",
    },
  };
}

/** Which competencies the result feeds: each competency's groups and its weighted score. */
export function competencyScores(manifest: TManifest | null, report: TGradeReport | null) {
  return competencyScoresOfGroups(manifest, report?.status === "graded" ? report.groups : []);
}

type TScoredGroup = Pick<TGradeReport["groups"][number], "id" | "passed" | "total" | "weight">;

const groupingOfManifest = new WeakMap<TManifest, [string, string[]][]>();

/** The manifest's group ids per competency, in manifest order; worked out once per manifest. */
function groupsByCompetency(manifest: TManifest | null): [string, string[]][] {
  if (!manifest) return [];
  const known = groupingOfManifest.get(manifest);
  if (known) return known;
  const byCompetency = new Map<string, string[]>();
  for (const group of manifest.groups ?? [])
    byCompetency.set(group.competency, [...(byCompetency.get(group.competency) ?? []), group.id]);
  const grouping = [...byCompetency];
  groupingOfManifest.set(manifest, grouping);
  return grouping;
}

/**
 * The same from a graded report's group results alone; the manifest (not the report) decides
 * which competency a group feeds, so a pack's current mapping applies to old gradings too.
 */
export function competencyScoresOfGroups(
  manifest: TManifest | null,
  graded: readonly TScoredGroup[],
) {
  return groupsByCompetency(manifest).map(([competency, groupIds]) => {
    const results = graded.filter((g) => groupIds.includes(g.id) && g.total > 0);
    const weight = results.reduce((sum, g) => sum + g.weight, 0);
    const score =
      weight === 0
        ? null
        : Math.round(
            (results.reduce((sum, g) => sum + (g.weight * g.passed) / g.total, 0) / weight) * 1000,
          ) / 10;
    return { competency, name: nameOfCompetency(competency), groups: [...groupIds], score };
  });
}
