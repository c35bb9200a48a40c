import { chown, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import type { TReportDetails } from "../grade-report.js";
import type { TIntegrityFinding } from "../integrity.js";
import type { TPack } from "../pack.js";
import type { TRuntimeInfo } from "../runtime.js";
import { describeStepFailure } from "../root-cause.js";
import { runSandboxed, type TSandboxLimits, type TSandboxResult } from "../sandbox.js";
import { venvPython } from "../paths.js";

export interface TRunnerCheck {
  group: string;
  name: string;
  passed: boolean;
  message: string;
  /** Default: from `passed`. "blocked" needs `blockedBy`, the step that failed first. */
  status?: "passed" | "failed" | "blocked";
  blockedBy?: string;
  details?: string;
}

/** A check that could not run: "blocked by migrate: …". */
export function blockedCheck(
  group: string,
  name: string,
  step: string,
  reason: string,
): TRunnerCheck {
  return {
    group,
    name,
    passed: false,
    status: "blocked",
    blockedBy: step,
    message: `blocked by ${step}: ${reason}`,
  };
}

export interface TStepLimits {
  /** Wall clock for one-shot steps (migrate, check, tests). */
  stepMs: number;
  /** How long the candidate's server may take to start. */
  serverStartMs: number;
  /** How long the hidden checks may run in all. */
  checksMs: number;
}

export const defaultStepLimits: TStepLimits = {
  stepMs: 120_000,
  serverStartMs: 20_000,
  checksMs: 120_000,
};

/** What every runner gets: one grading's dirs, uids and shared state. */
export interface TRunnerContext {
  pack: TPack;
  runtime: TRuntimeInfo;
  /** Host dir holding manage.py, owned by `uid`. */
  projectDir: string;
  /** Host dir for this grading's sockets and result files. */
  gradeDir: string;
  uid: number;
  checkerUid: number;
  steps: TStepLimits;
  timings: Record<string, number>;
  findings: TIntegrityFinding[];
  /** Set by django-project-health (root cause of a failed migrate); later runners are blocked. */
  migrationFailure: string | null;
  /** Remarks for the report that cost nothing (see TGradeReport.notes). */
  notes: string[];
  /** Set by a runner with more to report than checks (fail-to-pass, mutation-testing). */
  details?: TReportDetails;
  /**
   * Packs on PostgreSQL: how every project step reaches the grading database. Its SHORTLIST_PG_*
   * env makes runtime/grader/shortlist_grader_settings.py use it instead of SQLite.
   */
  projectDatabase?: TProjectDatabase;
}

export interface TProjectDatabase {
  env: Record<string, string>;
  mounts: { hostPath: string; sandboxPath: string }[];
}

/** A grader-owned Python helper run on the candidate's project, inside the sandbox. */
export async function runProjectStep(
  ctx: TRunnerContext,
  step: string,
  args: string[],
  limits: Partial<TSandboxLimits> = {},
  env: Record<string, string> = {},
  mounts: { hostPath: string; sandboxPath: string; writable?: boolean }[] = [],
): Promise<TSandboxResult> {
  const result = await runSandboxed({
    uid: ctx.uid,
    // -I: the project's own sitecustomize/usercustomize never load (see runtime/grader).
    argv: [venvPython, "-I", ...args],
    workDir: ctx.projectDir,
    pythonBasePrefix: ctx.runtime.basePrefix,
    limits: {
      wallClockMs: ctx.steps.stepMs,
      cpuSeconds: Math.ceil(ctx.steps.stepMs / 1000),
      ...limits,
    },
    env: { ...ctx.projectDatabase?.env, ...env },
    mounts: [...(ctx.projectDatabase?.mounts ?? []), ...mounts],
  });
  ctx.timings[step] = result.durationMs;
  return result;
}

/** "migrate failed: SyntaxError: … (tasks/views.py, line 27)" / "… did not finish within 60 s". */
export function describeFailure(what: string, result: TSandboxResult, wallClockMs: number): string {
  return describeStepFailure(what, result, wallClockMs);
}

/** A fresh dir of this grading the sandboxed step may write its results to, at /sandbox/out. */
export async function resultsDir(
  ctx: TRunnerContext,
  name: string,
): Promise<{ hostPath: string; sandboxPath: string; writable: true }> {
  const hostPath = path.join(ctx.gradeDir, name);
  await mkdir(hostPath, { recursive: true });
  await chown(hostPath, ctx.uid, ctx.uid);
  return { hostPath, sandboxPath: "/sandbox/out", writable: true };
}

/** A JSON file a sandboxed step wrote, parsed by `schema`; null when missing or malformed. */
export async function readResults<T>(
  dir: { hostPath: string },
  file: string,
  schema: z.ZodType<T>,
): Promise<T | null> {
  const raw = await readFile(path.join(dir.hostPath, file), "utf8").catch(() => null);
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw) as unknown);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
