/**
 * `npx tsx bench/slow-query.bench.ts`: one grading of the slow-query reference, PostgreSQL's own
 * cost per grading (cluster start, template build and clone, seeding), and one rest-api grading
 * in the same run for comparison. Needs root, bubblewrap and `shortlist runtime ensure`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gradeSubmission } from "../src/grader/grade.js";
import { assessmentsDir } from "../src/grader/paths.js";
import {
  cloneDatabase,
  dropDatabase,
  ensureTemplate,
  startCluster,
  stopClusters,
} from "../src/grader/postgres/cluster.js";
import { catalogueTemplate, dataSets } from "../src/grader/runners/query-performance/data-sets.js";
import { ensureRuntime } from "../src/grader/runtime.js";

const slot = 840;
const ms = (since: number) => Math.round(performance.now() - since);

await ensureRuntime();
const rootDir = await mkdtemp(path.join(os.tmpdir(), "shortlist-pg-bench-"));
await import("node:fs/promises").then((fs) => fs.chmod(rootDir, 0o755));
let time = performance.now();
const cluster = await startCluster({ slot, rootDir });
const firstStart = ms(time);
await cluster.stop();
time = performance.now();
const again = await startCluster({ slot, rootDir });
const restart = ms(time);
const template = catalogueTemplate("slow-query", 1);
time = performance.now();
await ensureTemplate(again, template.name, template.version, template.build);
const templateBuild = ms(time);
const clones: number[] = [];
for (let round = 0; round < 5; round += 1) {
  time = performance.now();
  const name = await cloneDatabase(again, template.name, "candidate");
  clones.push(ms(time));
  await dropDatabase(again, name);
}
await stopClusters();
await rm(rootDir, { recursive: true, force: true });

time = performance.now();
const slowQuery = await gradeSubmission({
  packId: "slow-query",
  source: path.join(assessmentsDir, "slow-query", "reference"),
  concurrencySlot: slot + 1,
});
const slowQueryMs = ms(time);
time = performance.now();
const restApi = await gradeSubmission({
  packId: "rest-api",
  source: path.join(assessmentsDir, "rest-api", "reference"),
  concurrencySlot: slot + 2,
});
const restApiMs = ms(time);
await stopClusters();

const seeding = Object.entries(slowQuery.timings).filter(([step]) => step.startsWith("seed_"));
const rows = [
  ["cluster: initdb + first start", `${firstStart} ms`],
  ["cluster: start of an initialised cluster", `${restart} ms`],
  [`template build (${Object.keys(dataSets).length} seeded data sets)`, `${templateBuild} ms`],
  ["clone per database (median of 5)", `${[...clones].sort((a, b) => a - b)[2]} ms`],
  ...seeding.map(([step, value]) => [
    `load ${step.slice(5)} into both apps' tables`,
    `${value} ms`,
  ]),
  [`slow-query reference grading (score ${slowQuery.score})`, `${slowQueryMs} ms`],
  [`rest-api reference grading (score ${restApi.score})`, `${restApiMs} ms`],
];
process.stdout.write(`${rows.map(([what, value]) => `| ${what} | ${value} |`).join("\n")}\n`);
process.stdout.write(`slow-query timings: ${JSON.stringify(slowQuery.timings)}\n`);
