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
  /** Each test's outcome: the hidden fail-to-pass variants and the restored suite (newer reports). */
  tests: z
    .array(
      z.object({
        kind: z.enum(["fail-to-pass", "pass-to-pass"]),
        name: z.string().max(1000),
        passed: z.boolean(),
        /** Why it failed, first lines only. */
        message: z.string().max(1000),
      }),
    )
    .max(300)
    .optional(),
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

const ZCountedStatement = z.object({ query: z.string().max(2000), calls: z.int().min(0) });

/** The slow-query pack: per endpoint the statements the server counted, the plans, the timings. */
export const ZQueryPerformanceDetails = z.object({
  kind: z.literal("query-performance"),
  requests: z
    .array(
      z.object({
        endpoint: z.string().max(200),
        url: z.string().max(500),
        /** Books on the page (list) or of the publisher (stats). */
        items: z.int().min(0),
        booksInDatabase: z.int().min(0),
        queries: z.int().min(0),
        statements: z.array(ZCountedStatement).max(50),
        /** The statement whose count grew with the books, when one did ("ran 20 times, once per book"). */
        grew: z
          .object({
            query: z.string().max(2000),
            calls: z.int().min(0),
            per: z.enum(["book", "book or review"]),
          })
          .optional(),
      }),
    )
    .max(4),
  plans: z
    .array(
      z.object({
        query: z.string().max(2000),
        nodes: z.string().max(1000),
        usesIndex: z.boolean(),
      }),
    )
    .max(6),
  speed: z
    .array(
      z.object({
        endpoint: z.string().max(200),
        candidateMs: z.number().min(0),
        referenceMs: z.number().min(0),
        urls: z.int().min(0),
      }),
    )
    .max(2),
});
export type TQueryPerformanceDetails = z.infer<typeof ZQueryPerformanceDetails>;

export const ZReportDetails = z.discriminatedUnion("kind", [
  ZFailToPassDetails,
  ZMutationDetails,
  ZDocumentDetails,
  ZQueryPerformanceDetails,
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
  /** Remarks that cost nothing: requirements beyond the environment, ... */
  notes: z.array(z.string().max(1000)).max(20).optional(),
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
    case "query-performance":
      return [
        ...details.requests.flatMap((request) => [
          `${request.endpoint}: ${request.queries} queries for GET ${request.url} (${request.items} books, ${request.booksInDatabase} in the database)`,
          ...request.statements.map(
            (row) => `  ${String(row.calls).padStart(5)} × ${row.query.slice(0, 160)}`,
          ),
          ...(request.grew === undefined
            ? []
            : [`  grew: ran ${request.grew.calls} times, once per ${request.grew.per}`]),
        ]),
        ...details.plans.map((plan) => `Plan${plan.usesIndex ? "" : " (no index)"}: ${plan.nodes}`),
        ...details.speed.map(
          (row) =>
            `Speed ${row.endpoint}: p50 ${row.candidateMs} ms, reference ${row.referenceMs} ms (${row.urls} URLs)`,
        ),
      ];
  }
}
