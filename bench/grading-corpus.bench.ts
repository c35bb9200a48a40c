/**
 * Grading the corpus: `npx tsx bench/grading-corpus.bench.ts [rounds=3] [ratioRounds=2]`.
 * See bench/README.md.
 *
 * 1. Every corpus submission (src/test-support/grader-corpus) graded `rounds` times end to end:
 *    a table of score, groups and seconds, then the median and p95 seconds per submission.
 * 2. The sandbox's cost on the same steps: each graded submission's project steps (migrate,
 *    check, the migrations check, the project's tests, all with the grader's settings) run bare
 *    and under the sandbox, alternating, `ratioRounds` times; the ratio of summed medians
 *    (must be ≤ 1.10).
 * 3. A submission that dies at start-up (its settings raise ImportError) must end in < 5 s.
 *
 * BENCH_SLOT (default 172) picks the sandbox uid slot, away from the test suites' slots.
 */
import { execFile, spawn } from "node:child_process";
import { cp, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gradeSubmission, type TGradeReport } from "../src/grader/grade.js";
import { loadPack } from "../src/grader/pack.js";
import { graderPythonDir, venvPython } from "../src/grader/paths.js";
import { ensureRuntime } from "../src/grader/runtime.js";
import { runSandboxed, sandboxUid } from "../src/grader/sandbox.js";
import { corpus } from "../src/test-support/grader-corpus/corpus.js";
import { appendTo, variantOf, zipDirectory } from "../src/test-support/grader-submissions.js";

const slot = Number(process.env.BENCH_SLOT ?? 172);
const rounds = Number(process.argv[2] ?? 3);
const ratioRounds = Number(process.argv[3] ?? 2);

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
};
const median = (values: number[]) => quantile(values, 0.5);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

function groupsOf(report: TGradeReport): string {
  if (report.status === "error") return "error";
  return report.groups.map((g) => `${g.id} ${g.passed}/${g.total}`).join(", ");
}

// The same helpers the grader runs, as the same commands on both sides; only the wrapper
// differs. Bare, the helpers' folder is on sys.path as the script's own dir (the sandbox
// mounts it at /grader and the helpers add that); -I is dropped on both sides for that reason.
const pytestMain =
  "import sys; from project_setup import use_project; use_project(); import pytest; sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider']))";
function stepsFor(graderDir: string): [string, string[]][] {
  return [
    ["migrate", [`${graderDir}/run_django.py`, "migrate", "--noinput"]],
    ["check", [`${graderDir}/run_django.py`, "check"]],
    ["makemigrations", [`${graderDir}/check_migrations.py`, "/tmp/migrations.json"]],
    ["tests", ["-c", pytestMain]],
  ];
}
const env = (graderDir: string) => ({
  PATH: "/usr/bin:/bin",
  HOME: "/tmp",
  LANG: "C.UTF-8",
  TZ: "UTC",
  PYTHONDONTWRITEBYTECODE: "1",
  PYTHONHASHSEED: "0",
  PYTHONPATH: graderDir,
  PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1",
});

function runBare(cwd: string, args: string[]): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(venvPython, args, { cwd, env: env(graderPythonDir), stdio: "ignore" });
    child.on("error", reject);
    child.on("close", (code) => resolve({ ms: performance.now() - started, code }));
  });
}

async function runInSandbox(workDir: string, args: string[], basePrefix: string) {
  const result = await runSandboxed({
    uid: sandboxUid(slot),
    argv: [venvPython, ...args],
    workDir,
    pythonBasePrefix: basePrefix,
    env: env("/grader"),
  });
  return { ms: result.durationMs, code: result.exitCode };
}

async function projectDirOf(source: string): Promise<string> {
  if (source.endsWith(".zip")) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "shortlist-bench-unzip-"));
    await promisify(execFile)("unzip", ["-q", source, "-d", dir]);
    const top = await stat(path.join(dir, "manage.py")).then(
      () => dir,
      async () => {
        const { readdir } = await import("node:fs/promises");
        const [first] = await readdir(dir);
        return path.join(dir, first ?? "");
      },
    );
    return top;
  }
  return source;
}

async function freshCopy(from: string, uid: number | null): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "shortlist-bench-"));
  await cp(from, dir, { recursive: true });
  if (uid !== null) await promisify(execFile)("chown", ["-R", `${uid}:${uid}`, dir]);
  return dir;
}

async function main(): Promise<void> {
  const runtime = await ensureRuntime();
  const pack = await loadPack("rest-api");
  const sources = new Map<string, string>();
  for (const entry of corpus) sources.set(entry.name, await entry.build(pack.referenceDir));

  // 1. The corpus, graded end to end.
  const rows: { name: string; score: number; groups: string; ms: number[] }[] = [];
  for (const entry of corpus) {
    const source = sources.get(entry.name) ?? "";
    const row = { name: entry.name, score: 0, groups: "", ms: [] as number[] };
    for (let round = 0; round < rounds; round += 1) {
      const started = performance.now();
      const report = await gradeSubmission({ packId: "rest-api", source, concurrencySlot: slot });
      row.ms.push(performance.now() - started);
      row.score = report.score;
      row.groups = groupsOf(report);
    }
    rows.push(row);
    console.log(`graded ${entry.name}: ${row.ms.map(seconds).join(", ")} s`);
  }
  console.log(`\n| submission | score | groups | seconds (median of ${rounds}) |`);
  console.log("| --- | --- | --- | --- |");
  for (const row of rows)
    console.log(`| ${row.name} | ${row.score} | ${row.groups} | ${seconds(median(row.ms))} |`);
  const perSubmission = rows.map((row) => median(row.ms));
  const every = rows.flatMap((row) => row.ms);
  console.log(
    `\nPer submission: median ${seconds(median(perSubmission))} s, p95 ${seconds(quantile(perSubmission, 0.95))} s` +
      ` (all ${every.length} gradings: median ${seconds(median(every))} s, p95 ${seconds(quantile(every, 0.95))} s)`,
  );

  // 2. The sandbox's cost on the same steps, bare and sandboxed alternating.
  const totals = { bare: [] as number[], sandboxed: [] as number[] };
  const disagreements: string[] = [];
  for (const entry of corpus.filter((e) => e.status === "graded")) {
    const project = await projectDirOf(sources.get(entry.name) ?? "");
    const per = { bare: [] as number[], sandboxed: [] as number[] };
    for (let round = 0; round < ratioRounds; round += 1) {
      const codes: Record<string, (number | null)[]> = { bare: [], sandboxed: [] };
      for (const mode of round % 2 === 0
        ? (["bare", "sandboxed"] as const)
        : (["sandboxed", "bare"] as const)) {
        const dir = await freshCopy(project, mode === "sandboxed" ? sandboxUid(slot) : null);
        let total = 0;
        const graderDir = mode === "bare" ? graderPythonDir : "/grader";
        for (const [, args] of stepsFor(graderDir)) {
          const run =
            mode === "bare"
              ? await runBare(dir, args)
              : await runInSandbox(dir, args, runtime.basePrefix);
          codes[mode]?.push(run.code);
          total += run.ms;
        }
        per[mode].push(total);
        await rm(dir, { recursive: true, force: true });
      }
      if (JSON.stringify(codes.bare) !== JSON.stringify(codes.sandboxed))
        disagreements.push(
          `${entry.name}: bare ${String(codes.bare)} vs sandboxed ${String(codes.sandboxed)}`,
        );
    }
    totals.bare.push(median(per.bare));
    totals.sandboxed.push(median(per.sandboxed));
    console.log(
      `steps ${entry.name}: bare ${seconds(median(per.bare))} s, sandboxed ${seconds(median(per.sandboxed))} s`,
    );
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const ratio = sum(totals.sandboxed) / sum(totals.bare);
  console.log(
    `\nSandbox/bare on the same steps (${totals.bare.length} submissions, ${ratioRounds} alternating rounds): ` +
      `bare ${seconds(sum(totals.bare))} s, sandboxed ${seconds(sum(totals.sandboxed))} s, ratio ${ratio.toFixed(3)} (must be ≤ 1.10)`,
  );
  for (const line of disagreements) console.log(`  exit codes differ: ${line}`);

  // 3. Dies at start-up: settings that raise ImportError end the grading at once.
  const dying = await variantOf(pack.referenceDir, {});
  await appendTo(
    dying,
    "config/settings.py",
    'raise ImportError("settings need the vault client")\n',
  );
  const zip = await zipDirectory(dying);
  const started = performance.now();
  const report = await gradeSubmission({ packId: "rest-api", source: zip, concurrencySlot: slot });
  const dyingMs = performance.now() - started;
  console.log(
    `\nDies at start-up (settings raise ImportError): ${seconds(dyingMs)} s, score ${report.score}, ${groupsOf(report)} (must be < 5 s)`,
  );

  await Promise.all([...sources.values()].map((s) => rm(s, { recursive: true, force: true })));
  if (ratio > 1.1 || dyingMs >= 5000) process.exitCode = 1;
}

await main();
