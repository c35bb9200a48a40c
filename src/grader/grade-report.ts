import { z } from "zod";
import { ZIntegrity } from "./integrity.js";

export const ZCheckResult = z.object({
  name: z.string().min(1).max(200),
  passed: z.boolean(),
  /** What was sent, what was expected, what came back — for a hiring manager. */
  message: z.string().max(4000),
});
export type TCheckResult = z.infer<typeof ZCheckResult>;

export const ZGroupResult = z.object({
  id: z.string().max(64),
  name: z.string().max(120),
  passed: z.int().min(0),
  total: z.int().min(0),
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
      for (const check of group.checks) {
        lines.push(`  ${check.passed ? "PASS" : "FAIL"}  ${check.name}`);
        if (!check.passed)
          lines.push(...check.message.split("\n").map((line) => `        ${line}`));
      }
    }
  }
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
