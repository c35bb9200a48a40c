import { randomBytes } from "node:crypto";
import { z } from "zod";
import { cleanPaths } from "../root-cause.js";
import {
  describeFailure,
  readResults,
  resultsDir,
  runProjectStep,
  type TRunnerCheck,
  type TRunnerContext,
} from "./runner.js";

const ZPytestResults = z.object({
  nonce: z.string().max(64),
  exitCode: z.int(),
  collected: z.array(z.string().max(1000)).max(10_000),
  sentinels: z.array(z.string().max(1000)).max(10),
  outcomes: z.record(z.string().max(1000), z.enum(["passed", "failed", "skipped", "error"])),
  messages: z.record(z.string().max(1000), z.string().max(1000)).default({}),
});

/** The run's whole output for the report (flushed by run_pytest.py), paths cleaned, capped. */
const outputCap = 16_000;
function fullOutput(stdout: string, stderr: string): string {
  // Durations out: the same submission must produce the same report.
  const text = cleanPaths(`${stdout}${stderr.trim() ? `\n${stderr}` : ""}`.trim()).replace(
    / in \d+(\.\d+)?s\b/g,
    "",
  );
  return text.length <= outputCap ? text : `…${text.slice(-outputCap)}`;
}

const sentinelExpectations: Record<string, "passed" | "failed"> = {
  test_sentinel_must_pass: "passed",
  test_sentinel_must_fail: "failed",
  "SentinelUnittest::test_sentinel_must_pass": "passed",
  "SentinelUnittest::test_sentinel_must_fail": "failed",
};

/**
 * The candidate's own tests, under a results contract (see runtime/grader/run_pytest.py):
 * the file must carry this run's nonce, report an outcome for every collected test, and the
 * sentinels must come out as known in advance.
 */
export async function runCandidateTests(
  ctx: TRunnerContext,
  group: string,
  minimumTests: number,
): Promise<TRunnerCheck[]> {
  const hasTests = "the project has its own tests";
  const testsPass = "the project's own tests pass";
  const out = await resultsDir(ctx, "pytest-out");
  const nonce = randomBytes(16).toString("hex");
  const result = await runProjectStep(
    ctx,
    "tests",
    ["/grader/run_pytest.py", nonce, "/sandbox/out/results.json"],
    {},
    { PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1" },
    [out],
  );
  const details = fullOutput(result.stdout, result.stderr);
  const fail = (message: string): TRunnerCheck[] => [
    { group, name: hasTests, passed: false, message },
    { group, name: testsPass, passed: false, message, details },
  ];

  const results = await readResults(out, "results.json", ZPytestResults);
  if (results === null || results.nonce !== nonce) {
    return fail(
      describeFailure("The test run ended without reporting results; it", result, ctx.steps.stepMs),
    );
  }
  const sentinels = results.sentinels;
  const sentinelProblems = Object.entries(sentinelExpectations).filter(([suffix, expected]) => {
    const id = sentinels.find((candidate) => candidate.endsWith(`::${suffix}`));
    return id === undefined || results.outcomes[id] !== expected;
  });
  if (results.exitCode >= 2 && sentinelProblems.length > 0) {
    return fail(
      collectionFailure(result.stdout) ??
        describeFailure("Collecting the tests", result, ctx.steps.stepMs),
    );
  }
  if (
    sentinelProblems.length > 0 ||
    results.collected.some((id) => results.outcomes[id] === undefined)
  ) {
    ctx.findings.push({
      file: "(test run)",
      line: 0,
      severity: "tampering",
      reason:
        "test results were altered during the run: tests with a known outcome were reported otherwise",
      excerpt: sentinelProblems
        .map(([name, expected]) => `${name} should be ${expected}`)
        .join("; ")
        .slice(0, 200),
    });
    return fail(
      "The test results cannot be trusted: code in the submission changed how test outcomes are reported.",
    );
  }

  const own = results.collected.filter((id) => !sentinels.includes(id));
  const failing = own.filter(
    (id) => results.outcomes[id] === "failed" || results.outcomes[id] === "error",
  );
  return [
    {
      group,
      name: hasTests,
      passed: own.length >= Math.max(1, minimumTests),
      message:
        own.length >= Math.max(1, minimumTests)
          ? `${own.length} tests`
          : `Found ${own.length} tests; expected at least ${Math.max(1, minimumTests)}.`,
    },
    {
      group,
      name: testsPass,
      passed: own.length > 0 && failing.length === 0,
      message:
        own.length === 0
          ? "There are no tests to run."
          : failing.length === 0
            ? `${own.length} passed`
            : `${failing.length} of ${own.length} tests failed:\n${failing
                .slice(0, 10)
                .map(
                  (id) =>
                    `- ${id}: ${cleanPaths(results.messages[id] ?? results.outcomes[id] ?? "")}`,
                )
                .join("\n")}${failing.length > 10 ? `\nand ${failing.length - 10} more` : ""}`,
      details,
    },
  ];
}

/** pytest's "ERROR collecting tasks/test_x.py" with the error line under it, when it says so. */
function collectionFailure(stdout: string): string | null {
  const lines = stdout.split("\n");
  const at = lines.findIndex((line) => /ERROR collecting /.test(line));
  if (at === -1) return null;
  const file = /ERROR collecting (\S+)/.exec(lines[at] ?? "")?.[1] ?? "a test file";
  const error = lines.slice(at + 1).find((line) => /^E\s+\w+(Error|Exception)\b/.test(line));
  return `Collecting the tests failed in ${cleanPaths(file)}${error ? `: ${cleanPaths(error.replace(/^E\s+/, ""))}` : ""}`;
}
