/**
 * What comparing one submission with a pack's others costs in the database, as the pack grows.
 *
 *     npx tsx bench/similarity-compare.bench.ts [submissions=300] [pglite|postgres]
 *
 * Builds `submissions` real submissions through the API (their own candidates, applications and
 * assessments), gives each a fingerprint set of the size the rest-api reference has (about 240
 * distinct), 80% its own and 20% drawn from a shared pool (the idioms honest solutions share),
 * then times recordFingerprints (the one query joining on hash, the top 5, the mirror entries)
 * and getSimilarity (the panel, regions read back from the zips) for a new submission that
 * copied one of them. postgres uses a scratch database on TEST_DATABASE_URL (default the local
 * server), dropped afterwards.
 */
import { buildZip } from "../src/test-support/grader-submissions.js";
import { sendRestApiAssessment, uploadTo } from "../src/test-support/assessment-world.js";
import { buildHiringWorld, expectStatus } from "../src/test-support/hiring-world.js";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openServerDatabase } from "../src/db/client.js";
import { createTestApp } from "../src/test-support/test-app.js";
import type { TFingerprint } from "../src/grader/similarity/winnow.js";
import { FINGERPRINT_ALGORITHM } from "../src/grader/similarity/winnow.js";

const count = Number(process.argv[2] ?? 300);
const kind = (process.argv[3] ?? "pglite") as "pglite" | "postgres";
const SET_SIZE = 240;

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed;
};
const pool = Array.from({ length: 600 }, () => random() * 1000 + 7);
const setOf = (): TFingerprint[] =>
  Array.from({ length: SET_SIZE }, (_, n) => ({
    hash: n % 5 === 0 ? (pool[random() % pool.length] ?? 0) : random() * 4096 + n,
    path: "tasks/views.py",
    startLine: 1 + (n % 20),
    endLine: 2 + (n % 20),
  }));

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const scratchName = `shortlist_bench_${randomBytes(4).toString("hex")}`;
async function onServer(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}
const ctx = await createTestApp(kind, {
  ...(kind === "postgres"
    ? {
        openDatabase: async () => {
          await onServer(`create database ${scratchName}`);
          const url = new URL(serverUrl);
          url.pathname = `/${scratchName}`;
          return openServerDatabase(url.toString(), 4);
        },
      }
    : {}),
});
const world = await buildHiringWorld(ctx.app);
const zip = await buildZip([
  { name: "p/manage.py", data: "import sys\n" },
  {
    name: "p/tasks/views.py",
    data: Array.from({ length: 30 }, (_, n) => `x${n} = ${n}\n`).join(""),
  },
]);

async function newSubmission(): Promise<string> {
  const { applicationId } = await world.newApplication();
  const sent = await sendRestApiAssessment(world.recruiterOn.agent, applicationId);
  expectStatus(await world.anonymous.post(`/api/portal/${sent.token}/start`), 200);
  expectStatus(await uploadTo(world.anonymous, sent.token, "s.zip", zip), 201);
  const read = expectStatus(
    await world.recruiterOn.agent.get(`/api/assessments/${sent.assessmentId}`),
    200,
  ).json<{ assessment: { submissions: { id: string }[] } }>();
  return read.assessment.submissions[0]?.id ?? "";
}

const service = ctx.services.similarityService;
let setup = performance.now();
const sets: TFingerprint[][] = [];
for (let n = 0; n < count; n += 1) {
  const submissionId = await newSubmission();
  const fingerprints = setOf();
  sets.push(fingerprints);
  if ((n + 1) % 25 === 0) console.log(`${n + 1} submissions set up`);
  await service.recordFingerprints({
    submissionId,
    fingerprints: { algorithm: FINGERPRINT_ALGORITHM, fingerprints },
  });
}
setup = performance.now() - setup;

const times: number[] = [];
const reads: number[] = [];
for (let round = 0; round < 5; round += 1) {
  const submissionId = await newSubmission();
  let started = performance.now();
  const recorded = await service.recordFingerprints({
    submissionId,
    fingerprints: { algorithm: FINGERPRINT_ALGORITHM, fingerprints: sets[round * 7] ?? [] },
  });
  times.push(performance.now() - started);
  started = performance.now();
  const panel = await service.getSimilarity(submissionId, {
    id: world.managerOn.userId,
    role: "hiring_manager",
    name: "Manager",
  });
  reads.push(performance.now() - started);
  if (round === 0)
    console.log(
      `first copy: ${recorded.matches} match rows written, top match ${panel.similarity.matches[0]?.percent}%`,
    );
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(
  `${kind}, ${count} submissions of ${SET_SIZE} fingerprints (setup ${(setup / 1000).toFixed(1)} s): ` +
    `record + compare median ${median(times).toFixed(0)} ms, panel median ${median(reads).toFixed(0)} ms`,
);
await ctx.close();
if (kind === "postgres") await onServer(`drop database if exists ${scratchName} with (force)`);
