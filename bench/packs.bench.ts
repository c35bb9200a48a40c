/**
 * Pack grading benchmark: `npx tsx bench/packs.bench.ts [--serial]`. See bench/README.md.
 *
 * Grades every test submission of the debug and unit-tests packs (the starter, the reference and
 * our wrong solutions) and the architecture documents, one after the other, and prints each one's
 * wall time and result. With --serial it also grades the unit-tests reference with one suite at
 * a time, for the ratio the parallel mutant runs buy.
 */
import os from "node:os";
import path from "node:path";
import { gradeSubmission, type TGradeReport } from "../src/grader/grade.js";
import { loadPack } from "../src/grader/pack.js";
import { setParallelSuites } from "../src/grader/runners/mutation-testing.js";
import { ensureRuntime } from "../src/grader/runtime.js";
import { patchedStarter } from "../src/test-support/pack-submissions.js";

// Another helper's bench or tests may hold slot 720; SHORTLIST_BENCH_SLOT picks another.
const slot = Number(process.env.SHORTLIST_BENCH_SLOT ?? 720);

function outcome(report: TGradeReport): string {
  if (report.status === "error") return `error: ${report.error?.message.slice(0, 70) ?? ""}`;
  const details = report.details;
  if (details?.kind === "fail-to-pass")
    return `${details.result}; hidden ${details.failToPass.passed}/${details.failToPass.total}, existing ${details.passToPass.passed}/${details.passToPass.total}; regression test ${details.regressionTest.status}`;
  if (details?.kind === "mutation-testing") {
    if (!details.gate.passed) {
      const failed = details.gate.runs.find((run) => run.status !== "passed");
      return `gate failed (${failed?.target} run ${failed?.run}: ${failed?.status})`;
    }
    const cov = details.coverage;
    const lines = cov ? Math.round((cov.lines.covered / Math.max(1, cov.lines.total)) * 100) : 0;
    return `caught ${details.caught}/${details.mutants.length}; line coverage ${lines}%`;
  }
  if (details?.kind === "document")
    return `${details.sections.filter((s) => s.status === "present").length}/${details.sections.length} sections present`;
  return "graded";
}

async function timed(
  packId: string,
  name: string,
  source: string | Promise<string>,
  stepMs?: number,
) {
  const started = performance.now();
  const report = await gradeSubmission({
    packId,
    source: await source,
    concurrencySlot: slot,
    ...(stepMs ? { steps: { stepMs } } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `| ${packId} | ${name} | ${seconds.toFixed(1)} s | ${report.score} | ${outcome(report)} |`,
  );
  return seconds;
}

await ensureRuntime();
console.log(
  `load average at start: ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")}`,
);
console.log("| pack | submission | wall | score | result |\n| --- | --- | --- | --- | --- |");
const debug = await loadPack("debug");
await timed("debug", "starter", debug.starterDir);
await timed("debug", "reference", debug.referenceDir);
for (const wrong of ["checkout-only", "drops-expiry", "save-default", "special-case"])
  await timed("debug", wrong, patchedStarter("debug", `${wrong}.patch`));

const unitTests = await loadPack("unit-tests");
const parallel = await timed("unit-tests", "reference", unitTests.referenceDir);
await timed("unit-tests", "starter", unitTests.starterDir);
for (const wrong of ["shallow", "flaky-leftovers", "over-specified", "deletes-files"])
  await timed("unit-tests", wrong, patchedStarter("unit-tests", `${wrong}.patch`));
await timed(
  "unit-tests",
  "loops-forever (15 s limit)",
  patchedStarter("unit-tests", "loops-forever.patch"),
  15_000,
);

const architecture = await loadPack("architecture");
await timed("architecture", "reference", path.join(architecture.referenceDir, "DESIGN.md"));
await timed("architecture", "partial", path.join(architecture.dir, "test-submissions/partial.md"));
await timed("architecture", "empty", path.join(architecture.dir, "test-submissions/empty.md"));

if (process.argv.includes("--serial")) {
  setParallelSuites(1);
  const serial = await timed(
    "unit-tests",
    "reference, one suite at a time",
    unitTests.referenceDir,
  );
  console.log(`parallel / serial wall time: ${(parallel / serial).toFixed(2)}`);
}
console.log(
  `load average at end: ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")}`,
);
