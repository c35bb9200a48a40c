/**
 * Every analytics API at the scale, on PostgreSQL.
 *
 *     npx tsx bench/analytics.bench.ts [--requests=30] [--applications=10000] [--scorecards=60000] [--postgres=postgres://postgres@127.0.0.1:5432/test]
 *
 * A fresh PostgreSQL database filled by bench/support/scale-data.ts: one organisation with 10,000
 * applications, their append-only stage history, 15,000 panel interviews of four and 60,000
 * submitted scorecards (every kit question and stage competency rated, each interviewer with a
 * bias of their own), plus self-identification for seven candidates in ten for the fairness report.
 * Then, as the admin through `app.inject`, one request at a time after five warm-up calls: each
 * report across every role (stages pooled by kind) and for the one role (its own stages), and the
 * role itself as a baseline. Target (issue 15): every analytics API p95 ≤ 500 ms. Exits 1 when
 * one is missed.
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
    requests: { type: "string", default: "30" },
    applications: { type: "string", default: "10000" },
    scorecards: { type: "string", default: "60000" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/test" },
  },
});
const REQUESTS = Number(args.requests);
const TARGET_MS = 500;

await withBenchApp(
  args.postgres,
  async (handle) => {
    const started = performance.now();
    const scorecards = Number(args.scorecards);
    // Panels of four: 60,000 scorecards are 15,000 meetings.
    const data = await generateScaleData(handle.db, {
      applications: Number(args.applications),
      interviews: Math.ceil(scorecards / 4),
      scorecards,
      pendingScorecards: 200,
    });
    await addSelfIdentification(handle.db);
    await handle.db.execute(sql`analyze`);
    console.log(
      `data: ${data.counts.applications} applications (${data.counts.activeApplications} active), ${data.counts.submittedScorecards} submitted scorecards in ${data.counts.meetings} meetings, 70% self-identified, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return data;
  },
  async ({ app, data }) => {
    const token = data.admin.sessionToken;
    const role = `roleId=${data.roleId}`;
    const reports = ["process", "calibration", "reliability", "questions", "fairness"];
    const results: Record<string, TTiming> = {
      "role (baseline)": await timeRequests(app, `/api/roles/${data.roleId}`, token, REQUESTS),
    };
    for (const report of reports) {
      results[`${report}, all roles`] = await timeRequests(
        app,
        `/api/analytics/${report}`,
        token,
        REQUESTS,
      );
      results[`${report}, one role`] = await timeRequests(
        app,
        `/api/analytics/${report}?${role}`,
        token,
        REQUESTS,
      );
    }
    const base = results["role (baseline)"]?.p50 ?? NaN;
    console.log(
      "\n| request | p50 | p95 | max | p50 ÷ baseline | bytes |\n|---|---|---|---|---|---|",
    );
    for (const [name, r] of Object.entries(results))
      console.log(
        `| ${name} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${(r.p50 / base).toFixed(1)}× | ${r.bytes.toLocaleString("en")} |`,
      );
    console.log("");
    let met = true;
    for (const [name, r] of Object.entries(results)) {
      if (name.startsWith("role")) continue;
      const ok = r.p95 <= TARGET_MS;
      met &&= ok;
      console.log(`${ok ? "met    " : "MISSED "} ${name} p95 ≤ ${TARGET_MS} ms`);
    }
    process.exitCode = met ? 0 : 1;
  },
);
