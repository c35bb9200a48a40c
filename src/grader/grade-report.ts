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

const ZPassCount = z.object({ passed: z.int().min(0), total: z.int().min(0) });
const ZTestIds = z.array(z.string().max(1000)).max(50);
const ZFileChange = z.object({
  path: z.string().max(300),
  added: z.int().min(0),
  removed: z.int().min(0),
});

/** The debugging pack: hidden fail-to-pass tests, the restored suite, and what is only reported. */
export const ZFailToPassDetails = z.object({
  kind: z.literal("fail-to-pass"),
  result: z.enum(["full", "partial", "none"]),
  failToPass: ZPassCount,
  passToPass: ZPassCount,
  /** Reported, not scored: a test of the candidate's that fails on the original and passes on the fix. */
  regressionTest: z.object({
    status: z.enum(["found", "none", "not-run"]),
    tests: ZTestIds,
    message: z.string().max(2000),
  }),
  /** Reported, not scored: how much code the fix touched, beside the reference fix. */
  locality: z.object({
    changes: z.array(ZFileChange).max(200),
    reference: z.array(ZFileChange).max(200),
  }),
});
export type TFailToPassDetails = z.infer<typeof ZFailToPassDetails>;

export const ZGateRun = z.object({
  target: z.enum(["reference", "alternative"]),
  run: z.int().min(1).max(10),
  status: z.enum(["passed", "failed", "timed-out", "broken", "tampered", "changed-files"]),
  failing: ZTestIds,
  message: z.string().max(2000),
  seconds: z.number().min(0),
});
export const ZMutantResult = z.object({
  id: z.string().max(64),
  title: z.string().max(200),
  group: z.string().max(64),
  /** broke-suite and timed-out are shown apart and never count as caught. */
  status: z.enum(["caught", "survived", "broke-suite", "timed-out", "not-run"]),
  caughtBy: z.array(z.string().max(1000)).max(5),
  seconds: z.number().min(0),
});
const ZCoverageCount = z.object({ covered: z.int().min(0), total: z.int().min(0) });

/** The write-the-tests pack: the trust gate, the per-mutant table (hiring team only), coverage. */
export const ZMutationDetails = z.object({
  kind: z.literal("mutation-testing"),
  tests: z.int().min(0),
  gate: z.object({ passed: z.boolean(), runs: z.array(ZGateRun).max(10) }),
  mutants: z.array(ZMutantResult).max(60),
  caught: z.int().min(0),
  /** The share caught, 0–100; null when the gate failed (no thoroughness score). */
  score: z.number().min(0).max(100).nullable(),
  coverage: z.object({ lines: ZCoverageCount, branches: ZCoverageCount }).nullable(),
});
export type TMutationDetails = z.infer<typeof ZMutationDetails>;

/** A design document: which template sections it has. Shown to reviewers, never scored. */
export const ZDocumentDetails = z.object({
  kind: z.literal("document"),
  words: z.int().min(0),
  sections: z
    .array(
      z.object({
        id: z.string().max(64),
        title: z.string().max(120),
        status: z.enum(["present", "thin", "missing"]),
        words: z.int().min(0),
        heading: z.string().max(200).nullable(),
      }),
    )
    .max(30),
});
export type TDocumentDetails = z.infer<typeof ZDocumentDetails>;

export const ZReportDetails = z.discriminatedUnion("kind", [
  ZFailToPassDetails,
  ZMutationDetails,
  ZDocumentDetails,
]);
export type TReportDetails = z.infer<typeof ZReportDetails>;

export const ZGradeReport = z.object({
  packId: z.string().max(64),
  packVersion: z.int().min(0),
  status: z.enum(["graded", "error"]),
  score: z.number().min(0).max(100),
  groups: z.array(ZGroupResult).max(30),
  integrity: ZIntegrity,
  /** Milliseconds per step (unpack, integrity, migrate, check, ... total). */
  timings: z.record(z.string().max(64), z.int().min(0)),
  /** What a pack's own runner reports beyond checks (see the Z…Details above). */
  details: ZReportDetails.optional(),
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
  if (report.details) lines.push("", ...formatDetails(report.details));
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

const percent = (part: number, whole: number) =>
  whole === 0 ? "n/a" : `${Math.round((part / whole) * 1000) / 10}%`;

function formatDetails(details: TReportDetails): string[] {
  switch (details.kind) {
    case "fail-to-pass": {
      const changed = (rows: typeof details.locality.changes) =>
        rows.length === 0
          ? "no code changed"
          : rows.map((row) => `${row.path} +${row.added} -${row.removed}`).join(", ");
      return [
        `Result: ${details.result} (hidden tests ${details.failToPass.passed}/${details.failToPass.total}, existing suite ${details.passToPass.passed}/${details.passToPass.total})`,
        `Regression test (not scored): ${details.regressionTest.message}`,
        ...details.regressionTest.tests.slice(0, 5).map((id) => `  ${id}`),
        `Change (not scored): ${changed(details.locality.changes)}`,
        `Reference fix: ${changed(details.locality.reference)}`,
      ];
    }
    case "mutation-testing":
      return [
        `Trust gate: ${details.gate.passed ? "passed" : "FAILED — no thoroughness score"}`,
        ...details.gate.runs.map(
          (run) =>
            `  ${run.target} run ${run.run}: ${run.status} (${run.seconds} s)${run.status === "passed" ? "" : ` ${run.message.split("\n")[0] ?? ""}`}`,
        ),
        `Mutants caught: ${details.caught}/${details.mutants.length}${details.score === null ? "" : ` (${details.score}%)`}`,
        ...details.mutants.map(
          (row) =>
            `  ${row.status.padEnd(11)} ${row.title}${row.caughtBy[0] ? `  <- ${row.caughtBy[0]}` : ""}`,
        ),
        details.coverage === null
          ? "Coverage: not measured"
          : `Coverage of the app: lines ${percent(details.coverage.lines.covered, details.coverage.lines.total)}, branches ${percent(details.coverage.branches.covered, details.coverage.branches.total)}`,
      ];
    case "document":
      return [
        `Design document, ${details.words} words. Sections (shown to reviewers, not scored):`,
        ...details.sections.map(
          (section) => `  ${section.status.padEnd(8)} ${section.title} (${section.words} words)`,
        ),
      ];
  }
}
