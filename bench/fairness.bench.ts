/**
 * The adverse-impact report at the scale, on PostgreSQL.
 *
 *     npx tsx bench/fairness.bench.ts [--requests=50] [--applications=10000] [--postgres=postgres://postgres@127.0.0.1:5432/test]
 *
 * A fresh PostgreSQL database filled by bench/support/scale-data.ts (one role, 10,000
 * applications with their append-only stage history), and voluntary self-identification for
 * seven candidates in ten, spread over every answer. Then, in process through `app.inject`, one
 * request at a time after five warm-up calls, as the hiring manager: the report for the role (per
 * stage), for every role in reach (per stage kind), and beside them the role itself as a baseline.
 * Target (issue 15): every analytics API ≤ 500 ms p95. Exits 1 when missed.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { composeServices } from "../src/compose.js";
import { openServerDatabase } from "../src/db/client.js";
import { runMigrations } from "../src/db/migrate.js";
import { buildApp } from "../src/routes.js";
import { createServerDatabase } from "./support/bench-servers.js";
import { generateScaleData } from "./support/scale-data.js";

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "50" },
    applications: { type: "string", default: "10000" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/test" },
  },
});
const REQUESTS = Number(args.requests);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main() {
  const database = await createServerDatabase(args.postgres);
  const handle = await openServerDatabase(database.url, 10);
  try {
    await runMigrations(handle.db);
    const services = composeServices(handle, { sessionTtlHours: 24, publicUrl: "http://bench" });
    await services.questionsService.ensureQuestionBankSeeded();
    let t = performance.now();
    const applications = Number(args.applications);
    // Scorecards play no part in this report: a few keep the generation quick.
    const data = await generateScaleData(handle.db, {
      applications,
      interviews: Math.ceil(applications / 10),
      scorecards: Math.ceil(applications / 4),
      pendingScorecards: 50,
    });
    // Seven in ten candidates answer; every answer (and "prefer not to say") occurs.
    await handle.db.execute(sql`
      insert into self_identifications (candidate_id, sex, race_ethnicity, veteran_status, disability)
      select id,
        (array['female', 'male', 'female', 'male', 'another', 'prefer_not_to_say'])[1 + n % 6],
        (array['white', 'asian', 'black_or_african_american', 'hispanic_or_latino', 'white',
          'two_or_more', 'native_hawaiian_or_pacific_islander', 'american_indian_or_alaska_native',
          'prefer_not_to_say'])[1 + n % 9],
        (array['not_protected_veteran', 'not_protected_veteran', 'protected_veteran', null])[1 + n % 4],
        (array['no', 'no', 'no', 'yes', 'prefer_not_to_say'])[1 + n % 5]
      from (select id, row_number() over (order by id) as n from candidates) c
      where n % 10 < 7`);
    await handle.db.execute(sql`analyze`);
    console.log(
      `data: ${data.counts.applications} applications (${data.counts.activeApplications} active), 70% self-identified, in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const app = await buildApp({
      services,
      cookieSecret: randomBytes(32).toString("hex"),
      sessionTtlHours: 24,
      bodyLimitBytes: 1024 * 1024,
      trustProxy: false,
      logger: false,
      version: "bench",
      databaseKind: handle.kind,
      loginRateLimitPerMinute: 1000,
      webDistDir: undefined,
      secureCookies: false,
    });
    await app.ready();
    const cookie = `sl_session=${data.hiringManager.sessionToken}`;
    const time = async (url: string, n: number) => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < n + 5; i++) {
        t = performance.now();
        const response = await app.inject({ method: "GET", url, headers: { cookie } });
        const ms = performance.now() - t;
        if (response.statusCode !== 200)
          throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
        bytes = response.rawPayload.length;
        if (i >= 5) times.push(ms); // the first five warm the JIT and the pool
      }
      times.sort((a, b) => a - b);
      return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
    };
    const results = {
      "role (baseline)": await time(`/api/roles/${data.roleId}`, REQUESTS),
      "fairness, one role": await time(`/api/analytics/fairness?roleId=${data.roleId}`, REQUESTS),
      "fairness, all roles": await time(`/api/analytics/fairness`, REQUESTS),
    };
    const base = results["role (baseline)"].p50;
    console.log("\n| request | p50 | p95 | p50 ÷ baseline | bytes |\n|---|---|---|---|---|");
    for (const [name, r] of Object.entries(results))
      console.log(
        `| ${name} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${(r.p50 / base).toFixed(1)}× | ${r.bytes.toLocaleString("en")} |`,
      );
    const met =
      results["fairness, one role"].p95 <= 500 && results["fairness, all roles"].p95 <= 500;
    console.log(`\n${met ? "met    " : "MISSED "} fairness report p95 ≤ 500 ms`);
    await app.close();
    process.exitCode = met ? 0 : 1;
  } finally {
    await handle.close();
    await database.drop();
  }
}

await main();
