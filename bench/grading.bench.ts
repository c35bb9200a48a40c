/**
 * Grading benchmark: `npx tsx bench/grading.bench.ts [repetitions]`. See bench/README.md.
 *
 * 1. Sandbox overhead: the same Django steps on the reference project (migrate, check,
 *    makemigrations --check, the project's tests) run bare and under the sandbox, alternating,
 *    each repeated; ratio of median totals (target < 1.15).
 * 2. Throughput: 10 gradings of the reference queued at once through gradeSubmission's limiter.
 */
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gradeSubmission } from "../src/grader/grade.js";
import { loadPack } from "../src/grader/pack.js";
import { venvPython } from "../src/grader/paths.js";
import { ensureRuntime } from "../src/grader/runtime.js";
import { runSandboxed, sandboxUid } from "../src/grader/sandbox.js";

const steps: [string, string[]][] = [
  ["migrate", ["manage.py", "migrate", "--noinput"]],
  ["check", ["manage.py", "check"]],
  ["makemigrations", ["manage.py", "makemigrations", "--check", "--dry-run"]],
  ["tests", ["-m", "pytest", "-q", "-p", "no:cacheprovider"]],
];
const env = { PATH: "/usr/bin:/bin", HOME: "/tmp", LANG: "C.UTF-8", PYTHONDONTWRITEBYTECODE: "1" };

function runBare(cwd: string, args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(venvPython, args, { cwd, env, stdio: "ignore" });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`${args.join(" ")} exited ${code}`)),
    );
  });
}

async function runInSandbox(workDir: string, args: string[], basePrefix: string): Promise<number> {
  const started = performance.now();
  const result = await runSandboxed({
    uid: sandboxUid(90),
    argv: [venvPython, ...args],
    workDir,
    pythonBasePrefix: basePrefix,
    env,
  });
  if (result.exitCode !== 0)
    throw new Error(`${args.join(" ")} exited ${result.exitCode}: ${result.stderr}`);
  return performance.now() - started;
}

async function freshCopy(from: string, uid: number | null): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "shortlist-bench-"));
  await cp(from, dir, { recursive: true });
  if (uid !== null) {
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    await promisify(execFile)("chown", ["-R", `${uid}:${uid}`, dir]);
  }
  return dir;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const ms = (value: number): string => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  const repetitions = Number(process.argv[2] ?? 5);
  const runtime = await ensureRuntime();
  const pack = await loadPack("rest-api");

  const totals = { bare: [] as number[], sandboxed: [] as number[] };
  const perStep: Record<string, { bare: number[]; sandboxed: number[] }> = {};
  for (let round = 0; round < repetitions; round += 1) {
    for (const mode of ["bare", "sandboxed"] as const) {
      const dir = await freshCopy(pack.referenceDir, mode === "sandboxed" ? sandboxUid(90) : null);
      let total = 0;
      for (const [name, args] of steps) {
        const took =
          mode === "bare"
            ? await runBare(dir, args)
            : await runInSandbox(dir, args, runtime.basePrefix);
        (perStep[name] ??= { bare: [], sandboxed: [] })[mode].push(took);
        total += took;
      }
      totals[mode].push(total);
      await rm(dir, { recursive: true, force: true });
    }
  }
  console.log(`Sandbox overhead (${repetitions} rounds, medians):`);
  for (const [name, values] of Object.entries(perStep)) {
    console.log(
      `  ${name.padEnd(15)} bare ${ms(median(values.bare)).padStart(8)}  sandboxed ${ms(median(values.sandboxed)).padStart(8)}  ratio ${(median(values.sandboxed) / median(values.bare)).toFixed(3)}`,
    );
  }
  const ratio = median(totals.sandboxed) / median(totals.bare);
  console.log(
    `  ${"total".padEnd(15)} bare ${ms(median(totals.bare)).padStart(8)}  sandboxed ${ms(median(totals.sandboxed)).padStart(8)}  ratio ${ratio.toFixed(3)} (target < 1.15)`,
  );

  let started = performance.now();
  const single = await gradeSubmission({ packId: "rest-api", source: pack.referenceDir });
  const singleMs = performance.now() - started;
  console.log(`\nOne grading of the reference: ${ms(singleMs)} (score ${single.score})`);

  started = performance.now();
  const queued = await Promise.all(
    Array.from({ length: 10 }, () =>
      gradeSubmission({ packId: "rest-api", source: pack.referenceDir }),
    ),
  );
  const queuedMs = performance.now() - started;
  const scores = new Set(queued.map((report) => report.score));
  console.log(
    `10 gradings queued at once (concurrency ${os.cpus().length}): ${ms(queuedMs)} wall, ${ms(queuedMs / 10)} per grading; scores ${[...scores].join(", ")}`,
  );
}

await main();
