import { z } from "zod";
import { ZIntegrity } from "./integrity.js";

export const ZCheckStatus = z.enum(["passed", "failed", "blocked"]);

export const ZCheckResult = z.object({
  name: z.string().min(1).max(200),
  passed: z.boolean(),
  /** "blocked": the check could not run because an earlier step failed (never a finding). */
  status: ZCheckStatus,
  /** The step that blocked it: "migrate", "the server start", "sign-in"… */
  blockedBy: z.string().max(100).optional(),
  /** What was sent, what was expected, what came back — for a hiring manager. */
  message: z.string().max(4000),
  /** Longer output kept for the reader (a test run's output, capped). */
  details: z.string().max(20_000).optional(),
});
export type TCheckResult = z.infer<typeof ZCheckResult>;

export const ZGroupResult = z.object({
  id: z.string().max(64),
  name: z.string().max(120),
  passed: z.int().min(0),
  /** Checks that could not run; counted in total, never as failures. */
  blocked: z.int().min(0),
  total: z.int().min(0),
  /** "not evaluated: could not sign in" when every check of the group was blocked. */
  note: z.string().max(300).optional(),
  weight: z.number().min(0).max(100),
  competency: z.string().max(64),
  checks: z.array(ZCheckResult).max(500),
});
export type TGroupResult = z.infer<typeof ZGroupResult>;

export const ZGradeReport = z.object({
  packId: z.string().max(64),
  packVersion: z.int().min(0),
  status: z.enum(["graded", "error"]),
  score: z.number().min(0).max(100),
  groups: z.array(ZGroupResult).max(30),
  integrity: ZIntegrity,
  /** Milliseconds per step (unpack, integrity, migrate, check, ... total). */
  timings: z.record(z.string().max(64), z.int().min(0)),
  /** Remarks that cost nothing: requirements beyond the environment, ... */
  notes: z.array(z.string().max(1000)).max(20).optional(),
  error: z
    .object({
      /** "submission": the upload itself is unusable; "infrastructure": ours, retry later. */
      kind: z.enum(["submission", "infrastructure"]),
      message: z.string().max(4000),
    })
    .optional(),
});
export type TGradeReport = z.infer<typeof ZGradeReport>;

/** Weighted by group weight; a group without checks (a runner not run) does not count. */
export function scoreGroups(groups: TGroupResult[]): number {
  const counted = groups.filter((group) => group.total > 0);
  const weights = counted.reduce((sum, group) => sum + group.weight, 0);
  if (weights === 0) return 0;
  const earned = counted.reduce(
    (sum, group) => sum + (group.weight * group.passed) / group.total,
    0,
  );
  return Math.round((earned / weights) * 1000) / 10;
}

export function formatReport(report: TGradeReport): string {
  const lines: string[] = [];
  if (report.status === "error") {
    lines.push(`Could not grade this submission (${report.packId}).`, report.error?.message ?? "");
  } else {
    lines.push(`Score ${report.score} / 100   (${report.packId} v${report.packVersion})`, "");
    for (const group of report.groups) {
      lines.push(`${group.name}  ${group.passed}/${group.total}  (weight ${group.weight})`);
      if (group.note !== undefined) lines.push(`  (${group.note})`);
      for (const check of group.checks) {
        const label = { passed: "PASS", failed: "FAIL", blocked: "BLOCKED" }[check.status];
        lines.push(`  ${label}  ${check.name}`);
        if (!check.passed)
          lines.push(...check.message.split("\n").map((line) => `        ${line}`));
      }
    }
  }
  for (const note of report.notes ?? []) lines.push(`Note: ${note}`);
  lines.push("", `Integrity: ${report.integrity.verdict}`);
  for (const finding of report.integrity.findings) {
    lines.push(
      `  ${finding.severity}: ${finding.file}:${finding.line} ${finding.reason}${finding.excerpt ? `  | ${finding.excerpt}` : ""}`,
    );
  }
  const timings = Object.entries(report.timings).map(([step, ms]) => `${step} ${ms} ms`);
  lines.push("", `Timings: ${timings.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/**
 * A report as stored: reports written before checks had a status (and groups a blocked count)
 * are read as they were meant: a check passed or failed, nothing blocked.
 */
export function readStoredReport(raw: unknown): TGradeReport | null {
  const direct = ZGradeReport.safeParse(raw);
  if (direct.success) return direct.data;
  if (
    typeof raw !== "object" ||
    raw === null ||
    !Array.isArray((raw as { groups?: unknown }).groups)
  )
    return null;
  const old = raw as { groups: Record<string, unknown>[] };
  const upgraded = {
    ...old,
    groups: old.groups.map((group) => ({
      blocked: 0,
      ...group,
      checks: Array.isArray(group.checks)
        ? (group.checks as Record<string, unknown>[]).map((check) => ({
            status: check.passed === true ? "passed" : "failed",
            ...check,
          }))
        : group.checks,
    })),
  };
  const parsed = ZGradeReport.safeParse(upgraded);
  return parsed.success ? parsed.data : null;
}
