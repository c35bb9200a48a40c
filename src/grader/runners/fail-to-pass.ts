import { mkdtemp, readFile } from "node:fs/promises";
import path from "node:path";
import { diffLines } from "diff";
import type { TFailToPassDetails } from "../grade-report.js";
import type { TRunnerConfig } from "../pack.js";
import { chownTree, copyProjectFiles, isTestFile, listFiles } from "../project-files.js";
import type { TRunnerCheck, TRunnerContext } from "./runner.js";
import { describeTest, passingTests, runSuite, type TSuiteRun } from "./suite-run.js";

type TFailToPassConfig = Extract<TRunnerConfig, { runner: "fail-to-pass" }>;

const hiddenMount = "/sandbox/hidden";

const underAny = (relative: string, roots: string[]) =>
  roots.some((root) => relative === root || relative.startsWith(`${root}/`));

/** "…::OpenEndedCodeTests::test_code_with_no_dates_at_all_applies" → "code with no dates at all applies" */
function humanName(id: string): string {
  const last = id.split("::").pop() ?? id;
  return last.replace(/^test_?/, "").replace(/_/g, " ") || last;
}

/** Files and lines changed between two trees, leaving out tests and notes (*.md). */
async function codeChanges(before: string, after: string) {
  const isCode = (file: string) => !isTestFile(file) && !file.endsWith(".md");
  const files = new Set([
    ...(await listFiles(before)).filter(isCode),
    ...(await listFiles(after)).filter(isCode),
  ]);
  const changes: TFailToPassDetails["locality"]["changes"] = [];
  for (const file of [...files].sort()) {
    const [old, now] = await Promise.all([
      readFile(path.join(before, file), "utf8").catch(() => ""),
      readFile(path.join(after, file), "utf8").catch(() => ""),
    ]);
    if (old === now) continue;
    let added = 0;
    let removed = 0;
    for (const part of diffLines(old, now)) {
      if (part.added) added += part.count;
      if (part.removed) removed += part.count;
    }
    changes.push({ path: file, added, removed });
  }
  return changes.slice(0, 200);
}

async function freshCopy(ctx: TRunnerContext, name: string, fill: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(path.join(ctx.gradeDir, `${name}-`));
  await fill(dir);
  await chownTree(dir, ctx.uid);
  return dir;
}

/**
 * The debugging pack, graded the way SWE-bench made standard: hidden tests that reproduce the
 * bug in several variants must now pass (fail-to-pass), and the project's own suite, restored from
 * the starter so edits to it never count, must still pass (pass-to-pass). Reported beside it,
 * not scored: whether the candidate's own test catches the bug on the original code, and how
 * large the change is next to the reference fix.
 */
export async function runFailToPass(
  ctx: TRunnerContext,
  config: TFailToPassConfig,
): Promise<TRunnerCheck[]> {
  const { pack } = ctx;
  const started = performance.now();
  const restored = (relative: string) => underAny(relative, config.passToPass);

  const gradedDir = await freshCopy(ctx, "graded", async (dir) => {
    await copyProjectFiles(ctx.projectDir, dir, (file) => !restored(file));
    await copyProjectFiles(pack.starterDir, dir, restored);
  });
  const fixDir = await freshCopy(ctx, "fix", (dir) =>
    copyProjectFiles(ctx.projectDir, dir).then(() => undefined),
  );
  const originalDir = await freshCopy(ctx, "original", async (dir) => {
    await copyProjectFiles(pack.starterDir, dir, (file) => !isTestFile(file));
    await copyProjectFiles(ctx.projectDir, dir, isTestFile);
  });

  const [graded, onFix, onOriginal] = await Promise.all([
    runSuite(ctx, {
      dir: gradedDir,
      paths: [...config.passToPass, hiddenMount],
      conftest: false,
      mounts: [{ hostPath: path.join(pack.dir, config.failToPass), sandboxPath: hiddenMount }],
    }),
    runSuite(ctx, { dir: fixDir, paths: ["."], conftest: true }),
    runSuite(ctx, { dir: originalDir, paths: ["."], conftest: true }),
  ]);

  const checks: TRunnerCheck[] = [];
  let failToPass = { passed: 0, total: 0 };
  let passToPass = { passed: 0, total: 0 };
  const tests: NonNullable<TFailToPassDetails["tests"]> = [];
  if (graded.status !== "ran") {
    const message = `Not evaluated: ${graded.message}`;
    checks.push({
      group: config.fixGroup,
      name: "the hidden tests of the bug ran",
      passed: false,
      message,
    });
    checks.push({
      group: config.keepGroup,
      name: "the existing test suite ran",
      passed: false,
      message,
    });
  } else {
    const passed = new Set(passingTests(graded));
    const isHidden = (id: string) => id.startsWith(`${hiddenMount}/`);
    for (const id of graded.tests) {
      const hidden = isHidden(id);
      const message = passed.has(id)
        ? "passes"
        : describeTest(graded, id).replace(`${hiddenMount}/`, "");
      checks.push({
        group: hidden ? config.fixGroup : config.keepGroup,
        name: hidden ? `hidden: ${humanName(id)}` : `existing: ${id}`,
        passed: passed.has(id),
        message,
      });
      tests.push({
        kind: hidden ? "fail-to-pass" : "pass-to-pass",
        name: (hidden ? humanName(id) : id).slice(0, 1000),
        passed: passed.has(id),
        message: passed.has(id) ? "" : message.slice(0, 1000),
      });
    }
    const count = (hidden: boolean) => {
      const ids = graded.tests.filter((id) => isHidden(id) === hidden);
      return { passed: ids.filter((id) => passed.has(id)).length, total: ids.length };
    };
    failToPass = count(true);
    passToPass = count(false);
  }

  const result: TFailToPassDetails["result"] =
    failToPass.total > 0 &&
    failToPass.passed === failToPass.total &&
    passToPass.passed === passToPass.total &&
    graded.status === "ran"
      ? "full"
      : failToPass.passed > 0
        ? "partial"
        : "none";
  ctx.details = {
    kind: "fail-to-pass",
    result,
    failToPass,
    passToPass,
    tests: tests.slice(0, 300),
    regressionTest: regressionTest(onFix, onOriginal),
    locality: {
      changes: await codeChanges(pack.starterDir, ctx.projectDir),
      reference: await codeChanges(pack.starterDir, pack.referenceDir),
    },
  };
  ctx.timings["fail-to-pass"] = Math.round(performance.now() - started);
  return checks;
}

function regressionTest(
  onFix: TSuiteRun,
  onOriginal: TSuiteRun,
): TFailToPassDetails["regressionTest"] {
  if (onFix.status !== "ran") {
    return {
      status: "not-run",
      tests: [],
      message: `The candidate's tests did not run on their fix: ${onFix.message}`,
    };
  }
  if (onOriginal.status === "timed-out" || onOriginal.status === "tampered") {
    return {
      status: "not-run",
      tests: [],
      message: `The candidate's tests did not run on the original code: ${onOriginal.message}`,
    };
  }
  const fixed = new Set(passingTests(onFix));
  const caught =
    onOriginal.status === "ran"
      ? onFix.tests.filter(
          (id) =>
            fixed.has(id) && ["failed", "error"].includes(onOriginal.results.outcomes[id] ?? ""),
        )
      : [];
  if (caught.length > 0) {
    return {
      status: "found",
      tests: caught.slice(0, 50),
      message: `${caught.length} of the candidate's tests fail on the original code and pass on the fix.`,
    };
  }
  return {
    status: "none",
    tests: [],
    message:
      onOriginal.status === "broken"
        ? "The candidate's tests could not run on the original code, so none shows the bug there."
        : "No test of the candidate's fails on the original code: the fix has no regression test.",
  };
}
