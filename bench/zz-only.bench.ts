/**
 * The shortlist at the scale, on PostgreSQL.
 *
 *     npx tsx bench/shortlist.bench.ts [--requests=100] [--postgres=postgres://postgres@127.0.0.1:5432/test]
 *
 * A fresh PostgreSQL database filled by bench/support/scale-data.ts (one role, 2,000
 * applications, 20,000 submitted scorecards), plus a graded practical assessment for every
 * application that reached the practical stage, so the counting-grading statement has real work.
 * Then, in process through `app.inject` (routing, session, access, SQL, the TypeScript pass,
 * response validation and serialisation; no socket), one request at a time after a warm-up:
 *
 * - `GET /api/roles/{id}/shortlist?sort=lower` (every active application), p50/p95;
 * - `GET /api/applications/{id}/evidence` and the CSV export, p50/p95;
 * - `GET /api/applications/{id}/packet.pdf`, p50/max.
 *
 * Targets (issue 13): shortlist p95 ≤ 150 ms, the PDF under 3 s. Exits 1 when one is missed.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { TDatabase } from "../src/db/client.js";
import {
  applications,
  assessmentParts,
  assessments,
  assessmentSubmissions,
  gradings,
  roleStages,
  storedFiles,
} from "../src/db/schema/index.js";
import { and, eq, inArray, sql } from "drizzle-orm";
import { timeRequests, withBenchApp } from "./support/bench-app.js";
import type { TTiming } from "./support/bench-app.js";
import { generateScaleData } from "./support/scale-data.js";
import type { TScaleData } from "./support/scale-data.js";

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "100" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/test" },
  },
});
const REQUESTS = Number(args.requests);

/** One graded rest-api assessment per application at or past the practical stage. */
async function addGradedAssessments(db: TDatabase, data: TScaleData) {
  const stages = await db.select().from(roleStages).where(eq(roleStages.roleId, data.roleId));
  const practical = stages.find((s) => s.kind === "practical-assessment");
  if (!practical) return 0;
  const later = stages.filter((s) => s.position >= practical.position).map((s) => s.id);
  const reached = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.roleId, data.roleId), inArray(applications.currentStageId, later)));
  const [file] = await db
    .insert(storedFiles)
    .values({
      filename: "solution.zip",
      mediaType: "application/zip",
      sizeBytes: 4,
      sha256: "0".repeat(64),
      content: Buffer.from("PK\u0005\u0006"),
    })
    .returning({ id: storedFiles.id });
  if (!file) throw new Error("no file");
  const groups = (seed: number) =>
    [
      ["auth", "security", 15],
      ["crud", "api-design-drf", 20],
      ["validation", "api-design-drf", 15],
      ["isolation", "security", 20],
      ["pagination", "orm-data-modelling", 10],
      ["filtering", "orm-data-modelling", 10],
      ["hygiene", "testing", 10],
    ].map(([id, competency, weight], i) => ({
      id,
      name: id,
      passed: (seed + i * 3) % 6,
      blocked: 0,
      total: 5,
      weight,
      competency,
      checks: [],
    }));
  for (let start = 0; start < reached.length; start += 500) {
    const slice = reached.slice(start, start + 500);
    const rows = await db
      .insert(assessments)
      .values(
        slice.map((a) => ({
          applicationId: a.id,
          timeLimitMinutes: 120,
          deadlineAt: new Date(),
          tokenHash: randomBytes(16).toString("hex"),
        })),
      )
      .returning({ id: assessments.id });
    const parts = await db
      .insert(assessmentParts)
      .values(
        rows.map((r) => ({
          assessmentId: r.id,
          position: 1,
          packId: "rest-api",
          timeLimitMinutes: 120,
        })),
      )
      .returning({ id: assessmentParts.id, assessmentId: assessmentParts.assessmentId });
    const submissions = await db
      .insert(assessmentSubmissions)
      .values(
        parts.map((p) => ({
          assessmentId: p.assessmentId,
          partId: p.id,
          version: 1,
          fileId: file.id,
        })),
      )
      .returning({ id: assessmentSubmissions.id });
    await db.insert(gradings).values(
      submissions.map((s, i) => {
        const g = groups(start + i).map((x) => ({ ...x, passed: Math.min(x.passed, x.total) }));
        return {
          submissionId: s.id,
          status: "graded" as const,
          score: 60,
          finishedAt: new Date(),
          report: {
            packId: "rest-api",
            packVersion: 2,
            status: "graded",
            score: 60,
            groups: g,
            integrity: { verdict: (start + i) % 40 === 0 ? "suspicious" : "clean", findings: [] },
            timings: {},
          },
        };
      }),
    );
  }
  await db.execute(sql`analyze`);
  return reached.length;
}

await withBenchApp(
  args.postgres,
  async (handle) => {
    const started = performance.now();
    const data = await generateScaleData(handle.db);
    const graded = await addGradedAssessments(handle.db, data);
    console.log(
      `data: ${data.counts.applications} applications (${data.counts.activeApplications} active), ${data.counts.submittedScorecards} submitted scorecards, ${graded} graded assessments, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return data;
  },
  async ({ app, data }) => {
    const time = (url: string, n: number) =>
      timeRequests(app, url, data.hiringManager.sessionToken, n);
    const app1 = data.featured.applicationId;
    const results: Record<string, TTiming> = {
      shortlist: await time(`/api/roles/${data.roleId}/shortlist?sort=lower`, REQUESTS),
      /*evidence: await time(`/api/applications/${app1}/evidence`, Math.min(REQUESTS, 50)),
      csv: await time(`/api/roles/${data.roleId}/shortlist.csv`, Math.min(REQUESTS, 30)),
      pdf: await time(`/api/applications/${app1}/packet.pdf`, 20),*/
    };
    console.log("\n| request | p50 | p95 | max | bytes |\n|---|---|---|---|---|");
    for (const [name, r] of Object.entries(results))
      console.log(
        `| ${name} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${r.bytes.toLocaleString("en")} |`,
      );
    const targets = [
      { name: "shortlist p95 ≤ 150 ms", met: (results.shortlist?.p95 ?? NaN) <= 150 },
      { name: "PDF packet < 3 s", met: (results.pdf?.max ?? NaN) < 3000 },
    ];
    console.log("");
    for (const target of targets)
      console.log(`${target.met ? "met    " : "MISSED "} ${target.name}`);
    process.exitCode = targets.every((x) => x.met) ? 0 : 1;
  },
);
