/**
 * The adverse-impact report at the scale, on PostgreSQL.
 *
 *     npx tsx bench/fairness.bench.ts [--requests=50] [--applications=10000] [--postgres=postgres://postgres@127.0.0.1:5432/test]
 *
 * A fresh PostgreSQL database filled by bench/support/scale-data.ts (one role, 10,000
 * applications with their append-only stage history), and voluntary self-identification for
 * seven candidates in ten, spread over every answer (bench/support/self-identification.ts). Then,
 * through `app.inject` (bench/support/bench-app.ts: database, app and timer), one request at a
 * time after five warm-up calls, as the hiring manager: the report for the role (per stage), for
 * every role in reach (per stage kind), and beside them the role itself as a baseline.
 * Target (issue 15): every analytics API ≤ 500 ms p95. Exits 1 when missed.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { timeRequests, withBenchApp } from "./support/bench-app.js";
import type { TTiming } from "./support/bench-app.js";
import { generateScaleData } from "./support/scale-data.js";
import { addSelfIdentification } from "./support/self-identification.js";

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "50" },
    applications: { type: "string", default: "10000" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/test" },
  },
});
const REQUESTS = Number(args.requests);
const TARGET_MS = 500;

await withBenchApp(
  args.postgres,
  async (handle) => {
    const started = performance.now();
    const applications = Number(args.applications);
    // Scorecards play no part in this report: a few keep the generation quick.
    const data = await generateScaleData(handle.db, {
      applications,
      interviews: Math.ceil(applications / 10),
      scorecards: Math.ceil(applications / 4),
      pendingScorecards: 50,
    });
    await addSelfIdentification(handle.db);
    await handle.db.execute(sql`analyze`);
    console.log(
      `data: ${data.counts.applications} applications (${data.counts.activeApplications} active), 70% self-identified, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return data;
  },
  async ({ app, data }) => {
    const token = data.hiringManager.sessionToken;
    const results: Record<string, TTiming> = {
      "role (baseline)": await timeRequests(app, `/api/roles/${data.roleId}`, token, REQUESTS),
      "fairness, one role": await timeRequests(
        app,
        `/api/analytics/fairness?roleId=${data.roleId}`,
        token,
        REQUESTS,
      ),
      "fairness, all roles": await timeRequests(app, "/api/analytics/fairness", token, REQUESTS),
    };
    const base = results["role (baseline)"]?.p50 ?? NaN;
    console.log("\n| request | p50 | p95 | p50 ÷ baseline | bytes |\n|---|---|---|---|---|");
    for (const [name, r] of Object.entries(results))
      console.log(
        `| ${name} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${(r.p50 / base).toFixed(1)}× | ${r.bytes.toLocaleString("en")} |`,
      );
    const met = Object.entries(results)
      .filter(([name]) => name.startsWith("fairness"))
      .every(([, r]) => r.p95 <= TARGET_MS);
    console.log(`\n${met ? "met    " : "MISSED "} fairness report p95 ≤ ${TARGET_MS} ms`);
    process.exitCode = met ? 0 : 1;
  },
);
