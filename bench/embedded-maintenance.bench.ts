/**
 * What PGlite's missing autovacuum costs, and what the embedded maintenance pass gives back.
 *
 *     npx tsx bench/embedded-maintenance.bench.ts [--requests=9]
 *
 * An embedded data dir filled by bench/support/scale-data.ts (2,000 applications, 6,000
 * interviews, 20,000 scorecards), then the pages' API calls in process through `app.inject`,
 * one at a time, on two data dirs filled with the same seeded rows: one as it stands after the
 * bulk load (never analyzed, as every PGlite database was before src/db/embedded-maintenance.ts),
 * one after a maintenance pass (VACUUM (ANALYZE) of each table that grew). Requests alternate
 * between the two, so the ratio holds on a noisy machine. Exits 1 when a page is clearly slower
 * after the pass (more than 1.25× and 25 ms).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { composeServices } from "../src/compose.js";
import { openEmbeddedDatabase } from "../src/db/client.js";
import type { TDatabaseHandle } from "../src/db/client.js";
import { runMaintenancePass } from "../src/db/embedded-maintenance.js";
import { runMigrations } from "../src/db/migrate.js";
import { buildBenchApp } from "./support/bench-app.js";
import { generateScaleData } from "./support/scale-data.js";

const { values: args } = parseArgs({ options: { requests: { type: "string", default: "9" } } });
const REQUESTS = Number(args.requests);

const work = mkdtempSync(join(tmpdir(), "shortlist-maintenance-bench-"));
const handles: TDatabaseHandle[] = [];

/** A data dir with the scale data and an app on it; the same seed gives the same rows in both. */
async function prepare(name: string) {
  const handle = await openEmbeddedDatabase(join(work, name));
  handles.push(handle);
  await runMigrations(handle.db);
  const services = composeServices(handle, {
    sessionTtlHours: 24,
    publicUrl: "http://localhost:3000",
  });
  await services.questionsService.ensureQuestionBankSeeded();
  const t = performance.now();
  const data = await generateScaleData(handle.db);
  console.log(`${name}: data generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const app = await buildBenchApp(services, handle.kind);
  return { handle, app, data };
}

type TSide = Awaited<ReturnType<typeof prepare>>;

function pagesOf(d: TSide["data"]) {
  const manager = `sl_session=${d.hiringManager.sessionToken}`;
  const interviewer = `sl_session=${d.featured.interviewer.sessionToken}`;
  return [
    { name: "dashboard", url: "/api/dashboard", cookie: manager },
    { name: "board", url: `/api/roles/${d.roleId}/board`, cookie: manager },
    { name: "application", url: `/api/applications/${d.featured.applicationId}`, cookie: manager },
    { name: "candidate", url: `/api/candidates/${d.featured.candidateId}`, cookie: manager },
    {
      name: "interview kit",
      url: `/api/interviews/${d.featured.interviewId}/kit`,
      cookie: interviewer,
    },
    { name: "my interviews", url: "/api/me/interviews", cookie: interviewer },
  ];
}

async function timeOne(side: TSide, page: { name: string; url: string; cookie: string }) {
  const t = performance.now();
  const response = await side.app.inject({
    method: "GET",
    url: page.url,
    headers: { cookie: page.cookie },
  });
  if (response.statusCode !== 200)
    throw new Error(`${page.name}: ${response.statusCode} ${response.body.slice(0, 200)}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

try {
  const never = await prepare("never-analyzed");
  const kept = await prepare("maintained");
  const pass = await runMaintenancePass(kept.handle.db);
  console.log(`maintenance pass on "maintained": ${pass.tables.length} tables in ${pass.ms} ms`);
  const pagesNever = pagesOf(never.data);
  const pagesKept = pagesOf(kept.data);
  console.log(`\nmedian of ${REQUESTS} requests per side, alternating, ms\n`);
  console.log("| page | never analyzed | after the pass | ratio |");
  console.log("|---|---|---|---|");
  let worse = 0;
  for (const [i, page] of pagesNever.entries()) {
    const pageKept = pagesKept[i];
    if (!pageKept) continue;
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < REQUESTS; r++) {
      // Alternate which side goes first, so neither always meets a warmer cache.
      if (r % 2 === 0) {
        b.push(await timeOne(never, page));
        a.push(await timeOne(kept, pageKept));
      } else {
        a.push(await timeOne(kept, pageKept));
        b.push(await timeOne(never, page));
      }
    }
    const before = median(b);
    const after = median(a);
    if (after > before * 1.25 && after - before > 25) worse++;
    console.log(
      `| ${page.name} | ${before.toFixed(0)} | ${after.toFixed(0)} | ${(after / before).toFixed(2)} |`,
    );
  }
  await never.app.close();
  await kept.app.close();
  if (worse > 0) process.exitCode = 1;
} finally {
  for (const handle of handles) await handle.close();
  rmSync(work, { recursive: true, force: true });
}
