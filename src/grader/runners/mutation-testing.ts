import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { TMutationDetails } from "../grade-report.js";
import type { TRunnerConfig } from "../pack.js";
import {
  applyUnifiedDiff,
  changedFiles,
  chownTree,
  copyProjectFiles,
  hashFiles,
  isTestFile,
} from "../project-files.js";
import type { TRunnerCheck, TRunnerContext } from "./runner.js";
import { failingTests, runSuite, type TSuiteRun } from "./suite-run.js";

type TMutationConfig = Extract<TRunnerConfig, { runner: "mutation-testing" }>;
type TGateRun = TMutationDetails["gate"]["runs"][number];
type TMutantResult = TMutationDetails["mutants"][number];

const ZCatalogue = z.object({
  mutants: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        title: z.string().min(1).max(200),
        group: z.string().min(1).max(64),
        patch: z
          .string()
          .max(100)
          .regex(/^[\w.-]+\.patch$/),
      }),
    )
    .min(1)
    .max(60),
});

/** Suites run side by side within one grading; they share its uid and so its process limit. */
export const parallelSuites = Math.max(1, Math.min(3, os.cpus().length));

/** A counting semaphore where the trust gate's runs go before any waiting mutant. */
class Slots {
  private free: number;
  private readonly urgent: (() => void)[] = [];
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async run<T>(urgent: boolean, task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => (urgent ? this.urgent : this.waiting).push(resolve));
    try {
      return await task();
    } finally {
      const next = this.urgent.shift() ?? this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

function gateRun(
  target: TGateRun["target"],
  run: number,
  suite: TSuiteRun,
  changed: string[],
): TGateRun {
  const base = { target, run, seconds: seconds(suite.durationMs) };
  if (changed.length > 0) {
    return {
      ...base,
      status: "changed-files",
      failing: [],
      message: `The tests changed or deleted the app's own files: ${changed.slice(0, 10).join(", ")}. Tests must leave the code they test alone.`,
    };
  }
  if (suite.status !== "ran")
    return { ...base, status: suite.status, failing: [], message: suite.message };
  const failing = failingTests(suite);
  if (suite.tests.length === 0)
    return { ...base, status: "failed", failing: [], message: "The suite has no tests." };
  return {
    ...base,
    status: failing.length === 0 ? "passed" : "failed",
    failing: failing.slice(0, 50),
    message:
      failing.length === 0
        ? `${suite.tests.length} tests passed`
        : failing
            .slice(0, 8)
            .map((id) => `${id} — ${suite.results.failures[id] ?? "error"}`)
            .join("\n"),
  };
}

/**
 * The write-the-tests pack. The candidate's test files go into our copy of the app; the suite
 * must pass `gateRuns` times on it (each run with another hash seed, in one checkout so leftovers
 * show) and once on a second, independently written implementation. Only then do the curated
 * mutants run, each in its own copy: a mutant is caught when a test fails on it; one that stops the
 * suite or runs out of time is shown apart and never caught.
 */
export async function runMutationTesting(
  ctx: TRunnerContext,
  config: TMutationConfig,
): Promise<TRunnerCheck[]> {
  const { pack } = ctx;
  const catalogue = ZCatalogue.parse(
    JSON.parse(await readFile(path.join(pack.dir, config.mutants), "utf8")),
  ).mutants;
  const appFile = (relative: string) => !isTestFile(relative);

  const baseDir = await mkdtemp(path.join(ctx.gradeDir, "base-"));
  await copyProjectFiles(pack.referenceDir, baseDir, appFile);
  await copyProjectFiles(ctx.projectDir, baseDir, isTestFile);
  const appHashes = await hashFiles(baseDir, appFile);

  const copyOfBase = async (name: string, change?: (dir: string) => Promise<unknown>) => {
    const dir = await mkdtemp(path.join(ctx.gradeDir, `${name}-`));
    await copyProjectFiles(baseDir, dir);
    if (change) await change(dir);
    await chownTree(dir, ctx.uid);
    return dir;
  };
  const suite = (
    dir: string,
    extra: { coverage?: string[]; seed?: number; wallClockMs?: number } = {},
  ) =>
    runSuite(ctx, {
      dir,
      paths: ["."],
      conftest: true,
      coverage: extra.coverage,
      wallClockMs: extra.wallClockMs,
      env: { PYTHONHASHSEED: String(extra.seed ?? 0) },
    });

  const slots = new Slots(parallelSuites);
  const started = performance.now();
  let gateFailed = false;
  const durations: number[] = [];
  let coverage: TMutationDetails["coverage"] = null;
  let testCount = 0;

  const referenceChain = slots.run(true, async () => {
    const dir = await copyOfBase("reference");
    const runs: TGateRun[] = [];
    for (let run = 1; run <= config.gateRuns && !gateFailed; run += 1) {
      const result = await suite(dir, {
        coverage: run === 1 ? config.appPackages : undefined,
        seed: run,
      });
      durations.push(result.durationMs);
      if (result.status === "ran") {
        testCount = result.tests.length;
        coverage ??= result.results.coverage;
      }
      const outcome = gateRun(
        "reference",
        run,
        result,
        changedFiles(appHashes, await hashFiles(dir, appFile)),
      );
      runs.push(outcome);
      if (outcome.status !== "passed") gateFailed = true;
    }
    return runs;
  });
  const alternative = slots.run(true, async () => {
    const dir = await copyOfBase("alternative", (target) =>
      copyProjectFiles(path.join(pack.dir, config.alternative), target),
    );
    const altHashes = await hashFiles(dir, appFile);
    const result = await suite(dir);
    durations.push(result.durationMs);
    const outcome = gateRun(
      "alternative",
      1,
      result,
      changedFiles(altHashes, await hashFiles(dir, appFile)),
    );
    if (outcome.status !== "passed") gateFailed = true;
    return outcome;
  });

  // Mutants start as soon as a slot is free; if the gate fails meanwhile, the rest never start.
  const mutantLimit = () =>
    Math.min(ctx.steps.stepMs, Math.max(15_000, 3 * Math.max(0, ...durations) + 5_000));
  const mutants = catalogue.map((mutant) =>
    slots.run(false, async (): Promise<TMutantResult> => {
      const row = {
        id: mutant.id,
        title: mutant.title,
        group: mutant.group,
        caughtBy: [],
        seconds: 0,
      };
      if (gateFailed) return { ...row, status: "not-run" };
      const patch = await readFile(
        path.join(pack.dir, path.dirname(config.mutants), mutant.patch),
        "utf8",
      );
      const dir = await copyOfBase(`mutant-${mutant.id}`, (target) =>
        applyUnifiedDiff(target, patch),
      );
      const result = await suite(dir, { wallClockMs: mutantLimit() });
      const timing = { seconds: seconds(result.durationMs) };
      if (result.status === "timed-out") return { ...row, ...timing, status: "timed-out" };
      if (result.status !== "ran") return { ...row, ...timing, status: "broke-suite" };
      const failing = failingTests(result);
      return failing.length > 0
        ? { ...row, ...timing, status: "caught", caughtBy: failing.slice(0, 5) }
        : { ...row, ...timing, status: "survived" };
    }),
  );

  const gateRuns = [...(await referenceChain), await alternative];
  ctx.timings.gate = Math.round(performance.now() - started);
  const results = await Promise.all(mutants);
  ctx.timings.mutants = Math.round(performance.now() - started);
  const gatePassed = !gateFailed && gateRuns.every((run) => run.status === "passed");
  const table = gatePassed
    ? results
    : results.map((row) => ({ ...row, status: "not-run" as const, caughtBy: [], seconds: 0 }));
  const caught = table.filter((row) => row.status === "caught").length;

  ctx.details = {
    kind: "mutation-testing",
    tests: testCount,
    gate: { passed: gatePassed, runs: gateRuns },
    mutants: table,
    caught,
    score: gatePassed ? Math.round((caught / table.length) * 1000) / 10 : null,
    coverage,
  };
  if (!gatePassed) {
    const reason = gateRuns.find((run) => run.status !== "passed");
    const message =
      `Not scored: the suite is not trustworthy — ${reason?.target ?? "reference"} run ${reason?.run ?? 1}: ${reason?.message ?? ""}`.slice(
        0,
        4000,
      );
    const groups = [...new Set(catalogue.map((mutant) => mutant.group))];
    return groups.map((group) => ({
      group,
      name: "the suite passes the trust gate",
      passed: false,
      message,
    }));
  }
  return table.map((row) => ({
    group: row.group,
    name: row.title,
    passed: row.status === "caught",
    message:
      row.status === "caught"
        ? `caught by ${row.caughtBy.slice(0, 3).join(", ")}`
        : row.status === "survived"
          ? "survived: every test passed on this bug"
          : row.status === "timed-out"
            ? "not counted as caught: the suite ran out of time on this bug"
            : "not counted as caught: the suite could not run on this bug",
  }));
}
