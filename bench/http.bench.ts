/**
 * Shortlist's pages at a real team's scale, side by side with a bare Fastify hello in one run.
 *
 *     npx tsx bench/http.bench.ts [--seconds=10] [--rounds=3] [--sequential=200] [--quick]
 *
 * Starts three servers, each in its own process: a bare Fastify hello, `shortlist serve` on an
 * embedded PGlite data dir and on a fresh PostgreSQL database, both filled by
 * bench/support/scale-data.ts (2,000 applications, 6,000 interviews, 20,000 scorecards). Then:
 *
 * 1. load: autocannon, 50 connections, in alternating rounds (hello, then each page API), so each
 *    ratio compares two measurements taken seconds apart on the same machine;
 * 2. sequential: every page API on PostgreSQL and PGlite, one request at a time, p50/p95;
 * 3. health under load: /api/health one at a time while 20 connections load the dashboard;
 * 4. transfer: the application page opened in Chromium, bytes on the wire (assets and API).
 *
 * It ends with the targets, each as met or not, and exits 1 when one is missed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { composeServices } from "../src/compose.js";
import { openEmbeddedDatabase, openServerDatabase } from "../src/db/client.js";
import type { TDatabaseHandle } from "../src/db/client.js";
import { runMigrations } from "../src/db/migrate.js";
import { createServerDatabase, startProcess, startShortlist } from "./support/bench-servers.js";
import type { TBenchServer } from "./support/bench-servers.js";
import { generateScaleData } from "./support/scale-data.js";
import type { TScaleData } from "./support/scale-data.js";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    sequential: { type: "string", default: "200" },
    quick: { type: "boolean", default: false },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/test" },
  },
});
const SECONDS = args.quick ? 3 : Number(args.seconds);
const ROUNDS = args.quick ? 1 : Number(args.rounds);
const SEQUENTIAL = args.quick ? 40 : Number(args.sequential);
const PORTS = { hello: 4650, pglite: 4651, postgres: 4652 };

/**
 * The application page's bytes before this work (main at 1f40d1d, which compressed nothing): the
 * raw bundle (418,461 B JS + 26,352 B CSS + index.html) plus its three API responses (65,997 B).
 */
const BEFORE_APPLICATION_PAGE_BYTES = 418_461 + 26_352 + 500 + 65_997;

type TRequest = { path: string; as: "manager" | "interviewer" | "admin" };
const SEQUENTIAL_SECONDS = 30;
type TPage = { name: string; requests: TRequest[] };

/** What each page asks the API for when it opens, as the web app does. */
function pagesOf(d: TScaleData): TPage[] {
  const m = (path: string): TRequest => ({ path, as: "manager" });
  const app = d.featured.applicationId;
  return [
    { name: "dashboard", requests: [m("/api/dashboard")] },
    {
      name: "board",
      requests: [
        m(`/api/roles/${d.roleId}`),
        // What PipelineBoard asks for when it opens: every column's first page, newest first.
        m(`/api/roles/${d.roleId}/board?sort=recent&limit=20`),
      ],
    },
    {
      name: "application",
      requests: [
        m(`/api/applications/${app}`),
        m(`/api/roles/${d.roleId}`),
        m(`/api/applications/${app}/decision`),
      ],
    },
    { name: "decision", requests: [m(`/api/applications/${app}/decision`)] },
    {
      name: "interview kit",
      requests: [
        { path: `/api/interviews/${d.featured.interviewId}/kit`, as: "interviewer" },
        { path: `/api/interviews/${d.featured.interviewId}/scorecard`, as: "interviewer" },
        { path: `/api/applications/${app}/scorecards`, as: "interviewer" },
      ],
    },
    {
      name: "candidate",
      requests: [
        m(`/api/candidates/${d.featured.candidateId}`),
        m(`/api/applications/${app}`),
        m(`/api/applications/${app}/scorecards`),
        m(`/api/applications/${app}/decision`),
      ],
    },
    { name: "my interviews", requests: [{ path: "/api/me/interviews", as: "interviewer" }] },
    { name: "candidate search", requests: [m("/api/candidates?q=okafor&limit=100")] },
    { name: "audit", requests: [{ path: "/api/audit?action=scorecard.submitted", as: "admin" }] },
  ];
}

/** The API call whose speed a page's load test stands for: its heaviest. */
function loadTargets(d: TScaleData): { name: string; request: TRequest }[] {
  const pages = pagesOf(d);
  const heaviest = (name: string) => {
    const page = pages.find((p) => p.name === name);
    const request = page?.requests.at(name === "board" ? -1 : 0);
    if (!request) throw new Error(`no page ${name}`);
    return { name, request };
  };
  return [heaviest("dashboard"), heaviest("board"), heaviest("application")];
}

function cookieOf(d: TScaleData, as: TRequest["as"]) {
  // The interviewer is the featured interview's own: the kit is shown only to its interviewer.
  const account =
    as === "manager" ? d.hiringManager : as === "admin" ? d.admin : d.featured.interviewer;
  if (!account) throw new Error("no account");
  return `sl_session=${account.sessionToken}`;
}

async function prepare(handle: TDatabaseHandle): Promise<TScaleData> {
  await runMigrations(handle.db);
  const services = composeServices(handle, {
    sessionTtlHours: 24,
    publicUrl: "http://localhost:3000",
  });
  await services.questionsService.ensureQuestionBankSeeded();
  const started = performance.now();
  const data = await generateScaleData(handle.db);
  console.log(
    `  ${handle.kind}: data generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return data;
}

type TLoad = {
  rps: number;
  p50: number;
  p99: number;
  timeouts: number;
  errors: number;
  non2xx: number;
};

async function load(
  url: string,
  cookie: string | undefined,
  connections: number,
  seconds = SECONDS,
) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    headers: cookie ? { cookie, "accept-encoding": "br, gzip" } : {},
  });
  await drain(url);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    timeouts: result.timeouts,
    errors: result.errors,
    non2xx: result.non2xx,
  } satisfies TLoad;
}

/**
 * autocannon stops sending, but the server still works through what it had queued: wait until it
 * answers /api/health promptly, so the next measurement starts on an idle machine.
 */
async function drain(url: string) {
  const health = new URL("/api/health", url).toString();
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    const started = performance.now();
    await fetch(health).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
    if (performance.now() - started < 20) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function quantile(sorted: readonly number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
const median = (values: readonly number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

async function timedGet(url: string, cookie?: string) {
  const started = performance.now();
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { ms: performance.now() - started, bytes: body.byteLength };
}

async function sequential(server: TBenchServer, d: TScaleData, page: TPage, count: number) {
  const times: number[] = [];
  let bytes = 0;
  const until = performance.now() + SEQUENTIAL_SECONDS * 1000;
  for (let i = 0; i < count + 5 && (i < 25 || performance.now() < until); i++) {
    const started = performance.now();
    bytes = 0;
    for (const r of page.requests)
      bytes += (await timedGet(server.url + r.path, cookieOf(d, r.as))).bytes;
    if (i >= 5) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), bytes };
}

/** /api/health one request at a time while `connections` load the dashboard. */
async function healthUnderLoad(server: TBenchServer, d: TScaleData, connections: number) {
  const loading = load(server.url + "/api/dashboard", cookieOf(d, "manager"), connections);
  const times: number[] = [];
  const until = performance.now() + SECONDS * 1000 - 500;
  await new Promise((resolve) => setTimeout(resolve, 500));
  while (performance.now() < until) {
    times.push((await timedGet(server.url + "/api/health")).ms);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const dashboard = await loading;
  times.sort((a, b) => a - b);
  return {
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    probes: times.length,
    dashboard,
  };
}

/** The application page in Chromium with an empty cache: every byte received, assets and API. */
async function pageTransfer(server: TBenchServer, d: TScaleData) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  try {
    const context = await browser.newContext();
    await context.addCookies([
      { name: "sl_session", value: d.hiringManager.sessionToken, url: server.url },
    ]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const kinds = new Map<string, string>();
    const sizes = { api: 0, assets: 0, requests: 0 };
    cdp.on("Network.responseReceived", (e) =>
      kinds.set(e.requestId, new URL(e.response.url).pathname),
    );
    cdp.on("Network.loadingFinished", (e) => {
      const path = kinds.get(e.requestId) ?? "";
      sizes.requests++;
      if (path.startsWith("/api/")) sizes.api += e.encodedDataLength;
      else sizes.assets += e.encodedDataLength;
    });
    await page.goto(`${server.url}/applications/${d.featured.applicationId}`, {
      waitUntil: "networkidle",
    });
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    return sizes;
  } finally {
    await browser.close();
  }
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const pct = (n: number) => `${(n * 100).toFixed(2)}%`;

async function main() {
  const work = mkdtempSync(join(tmpdir(), "shortlist-http-bench-"));
  const dataDir = join(work, "data");
  const servers: TBenchServer[] = [];
  const pgDatabase = await createServerDatabase(args.postgres);
  try {
    console.log("Preparing data (2,000 applications, 6,000 interviews, 20,000 scorecards)");
    const embedded = await openEmbeddedDatabase(dataDir);
    const litData = await prepare(embedded);
    await embedded.close();
    const server = await openServerDatabase(pgDatabase.url, 4);
    const pgData = await prepare(server);
    await server.close();

    const hello = await startProcess({
      name: "hello",
      script: ["bench/support/hello-server.ts"],
      port: PORTS.hello,
      healthPath: "/",
    });
    servers.push(hello);
    const lite = await startShortlist({ name: "pglite", port: PORTS.pglite, dataDir });
    servers.push(lite);
    const postgres = await startShortlist({
      name: "postgres",
      port: PORTS.postgres,
      databaseUrl: pgDatabase.url,
    });
    servers.push(postgres);
    const targets = [
      ...loadTargets(pgData).map((t) => ({ ...t, server: postgres, data: pgData })),
      ...loadTargets(litData)
        .filter((t) => t.name === "dashboard")
        .map((t) => ({ ...t, server: lite, data: litData })),
    ];
    // Warm both: JIT, plan caches, PGlite's buffers.
    for (const t of targets)
      await load(t.server.url + t.request.path, cookieOf(t.data, t.request.as), 10, 2);

    console.log(`\n1. Load: 50 connections, ${SECONDS} s each, ${ROUNDS} alternating round(s)`);
    const byTarget = new Map<string, { share: number[]; load: TLoad[] }>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const t of targets) {
        const base = await load(hello.url + "/", undefined, 50);
        const measured = await load(
          t.server.url + t.request.path,
          cookieOf(t.data, t.request.as),
          50,
        );
        const key = `${t.name} (${t.server.name})`;
        const entry = byTarget.get(key) ?? { share: [], load: [] };
        entry.share.push(measured.rps / base.rps);
        entry.load.push(measured);
        byTarget.set(key, entry);
        console.log(
          `  round ${round} ${key}: ${fmt(measured.rps)} req/s vs hello ${fmt(base.rps)} (${pct(measured.rps / base.rps)}), p50 ${measured.p50} ms, p99 ${measured.p99} ms, timeouts ${measured.timeouts}, non-2xx ${measured.non2xx}`,
        );
      }
    }
    console.log("\n| Route | Database | Share of hello's req/s | req/s | p50 | p99 | timeouts |");
    console.log("|---|---|---|---|---|---|---|");
    const loadSummary = new Map<string, { share: number; p99: number; timeouts: number }>();
    for (const [key, entry] of byTarget) {
      const [route, db] = key.replace(")", "").split(" (");
      const summary = {
        share: median(entry.share),
        p99: Math.max(...entry.load.map((l) => l.p99)),
        timeouts: entry.load.reduce((sum, l) => sum + l.timeouts, 0),
      };
      loadSummary.set(key, summary);
      console.log(
        `| ${route} | ${db} | ${pct(summary.share)} | ${fmt(median(entry.load.map((l) => l.rps)))} | ${median(entry.load.map((l) => l.p50))} ms | ${summary.p99} ms | ${summary.timeouts} |`,
      );
    }

    console.log(
      `\n2. Sequential: each page's API calls, one request at a time, ${SEQUENTIAL} times`,
    );
    console.log("\n| Page | Database | p50 | p95 | JSON bytes |");
    console.log("|---|---|---|---|---|");
    const sequentialP95 = new Map<string, number>();
    for (const [server, data] of [
      [postgres, pgData],
      [lite, litData],
    ] as const) {
      for (const page of pagesOf(data)) {
        const s = await sequential(server, data, page, SEQUENTIAL).catch((error: unknown) => {
          console.log(`| ${page.name} | ${server.name} | failed: ${String(error)} | | |`);
          return undefined;
        });
        if (!s) continue;
        if (server === postgres) sequentialP95.set(page.name, s.p95);
        console.log(
          `| ${page.name} | ${server.name} | ${fmt(s.p50, 1)} ms | ${fmt(s.p95, 1)} ms | ${s.bytes} |`,
        );
      }
    }

    console.log("\n3. /api/health one at a time while 20 connections load the dashboard");
    console.log(
      "\n| Database | health p95 | health p99 | probes | dashboard req/s | dashboard timeouts |",
    );
    console.log("|---|---|---|---|---|---|");
    const health = new Map<string, Awaited<ReturnType<typeof healthUnderLoad>>>();
    for (const [server, data] of [
      [lite, litData],
      [postgres, pgData],
    ] as const) {
      const h = await healthUnderLoad(server, data, 20);
      health.set(server.name, h);
      console.log(
        `| ${server.name} | ${fmt(h.p95, 1)} ms | ${fmt(h.p99, 1)} ms | ${h.probes} | ${fmt(h.dashboard.rps)} | ${h.dashboard.timeouts} |`,
      );
    }

    console.log("\n4. Transfer: the application page in Chromium, empty cache (PostgreSQL)");
    const transfer = await pageTransfer(postgres, pgData);
    const total = transfer.api + transfer.assets;
    console.log(
      `  ${transfer.requests} responses: assets ${transfer.assets} B, API ${transfer.api} B, total ${total} B`,
    );

    const pgShare = (name: string) => loadSummary.get(`${name} (postgres)`);
    const lines: [string, boolean, string][] = [];
    for (const name of ["dashboard", "board"]) {
      const s = pgShare(name);
      lines.push([
        `${name} on PostgreSQL ≥ 5% of hello, p99 ≤ 250 ms`,
        !!s && s.share >= 0.05 && s.p99 <= 250,
        s ? `${pct(s.share)}, p99 ${s.p99} ms` : "not measured",
      ]);
    }
    const slowest = [...sequentialP95].sort((a, b) => b[1] - a[1])[0];
    lines.push([
      "every page API on PostgreSQL p95 ≤ 50 ms sequential",
      [...sequentialP95.values()].every((p95) => p95 <= 50),
      slowest ? `slowest: ${slowest[0]} ${fmt(slowest[1], 1)} ms` : "",
    ]);
    const lite50 = loadSummary.get("dashboard (pglite)");
    lines.push([
      "PGlite: no timeouts at 50 connections",
      lite50?.timeouts === 0,
      `${lite50?.timeouts ?? "?"} timeouts`,
    ]);
    const liteHealth = health.get("pglite");
    lines.push([
      "PGlite: /api/health p99 ≤ 50 ms under 20 dashboard connections",
      !!liteHealth && liteHealth.p99 <= 50,
      `p99 ${fmt(liteHealth?.p99 ?? NaN, 1)} ms`,
    ]);
    lines.push([
      "application page transfer ≤ ⅓ of before",
      BEFORE_APPLICATION_PAGE_BYTES > 0 && total <= BEFORE_APPLICATION_PAGE_BYTES / 3,
      BEFORE_APPLICATION_PAGE_BYTES > 0
        ? `${total} B = ${pct(total / BEFORE_APPLICATION_PAGE_BYTES)} of ${BEFORE_APPLICATION_PAGE_BYTES} B`
        : `${total} B (no before figure recorded)`,
    ]);
    console.log("\nTargets");
    for (const [what, met, figure] of lines)
      console.log(`  ${met ? "MET    " : "MISSED "} ${what}: ${figure}`);
    process.exitCode = lines.every(([, met]) => met) ? 0 : 1;
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await pgDatabase.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
