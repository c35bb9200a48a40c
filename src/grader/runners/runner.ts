import type { TReportDetails } from "../grade-report.js";
import type { TIntegrityFinding } from "../integrity.js";
import type { TPack } from "../pack.js";
import type { TRuntimeInfo } from "../runtime.js";
import { lastLines, runSandboxed, type TSandboxLimits, type TSandboxResult } from "../sandbox.js";
import { venvPython } from "../paths.js";

export interface TRunnerCheck {
  group: string;
  name: string;
  passed: boolean;
  message: string;
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
  /** Set by django-project-health; later runners skip what needs a database. */
  migrationFailure: string | null;
  /** Set by a runner with more to report than checks (fail-to-pass, mutation-testing). */
  details?: TReportDetails;
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
    env,
    mounts,
  });
  ctx.timings[step] = result.durationMs;
  return result;
}

/** "Migrations failed: <output>" / "… did not finish within 60 s: <output>". */
export function describeFailure(what: string, result: TSandboxResult, wallClockMs: number): string {
  const output = lastLines(result);
  if (result.timedOut)
    return `${what} did not finish within ${Math.round(wallClockMs / 1000)} s${output ? `:\n${output}` : "."}`;
  return `${what} failed${output ? `:\n${output}` : " without output."}`;
}
