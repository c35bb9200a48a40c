import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { chownTree } from "../project-files.js";
import type { TSandboxMount, TSandboxResult } from "../sandbox.js";
import { describeFailure, runProjectStep, type TRunnerContext } from "./runner.js";

const ZOutcome = z.enum(["passed", "failed", "skipped", "error"]);
const ZCount = z.object({ covered: z.int().min(0), total: z.int().min(0) });

const ZSuiteResults = z.object({
  nonce: z.string().max(64),
  exitCode: z.int(),
  collected: z.array(z.string().max(1000)).max(10_000),
  sentinels: z.array(z.string().max(1000)).max(10),
  outcomes: z.record(z.string().max(1000), ZOutcome),
  failures: z.record(z.string().max(1000), z.string().max(1000)),
  coverage: z.object({ lines: ZCount, branches: ZCount }).nullable(),
});
export type TSuiteResults = z.infer<typeof ZSuiteResults>;

const sentinelExpectations: Record<string, "passed" | "failed"> = {
  test_sentinel_must_pass: "passed",
  test_sentinel_must_fail: "failed",
  "SentinelUnittest::test_sentinel_must_pass": "passed",
  "SentinelUnittest::test_sentinel_must_fail": "failed",
};

export type TSuiteRun =
  | {
      status: "ran";
      results: TSuiteResults;
      /** The candidate's and the hidden tests, without the grader's sentinels. */
      tests: string[];
      durationMs: number;
    }
  /** timed-out: past its wall clock; broken: it ended without results or could not collect. */
  | { status: "timed-out" | "broken" | "tampered"; message: string; durationMs: number };

export interface TSuiteOptions {
  /** Host dir of the project copy to run in, owned by ctx.uid. */
  dir: string;
  paths: string[];
  /** Load the project's conftest.py files (the candidate's fixtures). */
  conftest: boolean;
  coverage?: string[];
  wallClockMs?: number;
  env?: Record<string, string>;
  mounts?: TSandboxMount[];
}

/**
 * One pytest session on one project copy, under the same results contract as the candidate-tests
 * runner (nonce, an outcome for every collected test, sentinels with known outcomes), through
 * runtime/grader/run_selected.py.
 */
export async function runSuite(ctx: TRunnerContext, options: TSuiteOptions): Promise<TSuiteRun> {
  const outDir = await mkdtemp(path.join(ctx.gradeDir, "suite-"));
  const nonce = randomBytes(16).toString("hex");
  const spec = {
    nonce,
    results: "/sandbox/out/results.json",
    paths: options.paths,
    conftest: options.conftest,
    coverage: options.coverage ?? [],
  };
  await writeFile(path.join(outDir, "spec.json"), JSON.stringify(spec));
  await chownTree(outDir, ctx.uid);
  const wallClockMs = options.wallClockMs ?? ctx.steps.stepMs;
  // A context of its own: a pack runs dozens of suites, and the report keeps one timing per runner.
  const result: TSandboxResult = await runProjectStep(
    { ...ctx, projectDir: options.dir, timings: {} },
    "suite",
    ["/grader/run_selected.py", "/sandbox/out/spec.json"],
    { wallClockMs, cpuSeconds: Math.ceil(wallClockMs / 1000) },
    { PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1", ...options.env },
    [{ hostPath: outDir, sandboxPath: "/sandbox/out", writable: true }, ...(options.mounts ?? [])],
  );
  const durationMs = result.durationMs;
  if (result.timedOut) {
    return {
      status: "timed-out",
      message: describeFailure("The test run", result, wallClockMs),
      durationMs,
    };
  }
  const raw = await readFile(path.join(outDir, "results.json"), "utf8").catch(() => null);
  let parsed: TSuiteResults | null = null;
  try {
    const checked = raw === null ? null : ZSuiteResults.safeParse(JSON.parse(raw));
    parsed = checked?.success === true && checked.data.nonce === nonce ? checked.data : null;
  } catch {
    parsed = null;
  }
  if (parsed === null) {
    return {
      status: "broken",
      message: describeFailure(
        "The test run ended without reporting results; it",
        result,
        wallClockMs,
      ),
      durationMs,
    };
  }
  const results = parsed;
  const wrong = Object.entries(sentinelExpectations).filter(([suffix, expected]) => {
    const id = results.sentinels.find((candidate) => candidate.endsWith(`::${suffix}`));
    return id === undefined || results.outcomes[id] !== expected;
  });
  if (wrong.length > 0 && results.exitCode >= 2) {
    return {
      status: "broken",
      message: describeFailure("Collecting the tests", result, wallClockMs),
      durationMs,
    };
  }
  if (wrong.length > 0 || results.collected.some((id) => results.outcomes[id] === undefined)) {
    return {
      status: "tampered",
      message:
        "The test results cannot be trusted: code in the submission changed how test outcomes are reported.",
      durationMs,
    };
  }
  const tests = results.collected.filter((id) => !results.sentinels.includes(id));
  // Interrupted (a collection error in one file) still reports the rest; say so rather than guess.
  if (results.exitCode >= 2 && tests.length === 0) {
    return {
      status: "broken",
      message: describeFailure("Collecting the tests", result, wallClockMs),
      durationMs,
    };
  }
  return { status: "ran", results, tests, durationMs };
}

export function failingTests(run: Extract<TSuiteRun, { status: "ran" }>): string[] {
  return run.tests.filter((id) => {
    const outcome = run.results.outcomes[id];
    return outcome === "failed" || outcome === "error";
  });
}

export function passingTests(run: Extract<TSuiteRun, { status: "ran" }>): string[] {
  return run.tests.filter((id) => run.results.outcomes[id] === "passed");
}

/** "orders/tests/test_x.py::Class::test_y — AssertionError: 400 != 201" */
export function describeTest(run: Extract<TSuiteRun, { status: "ran" }>, id: string): string {
  const why = run.results.failures[id];
  return why ? `${id} — ${why}` : id;
}
