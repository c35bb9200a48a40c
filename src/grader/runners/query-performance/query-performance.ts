import { chmod, chown, cp, lstat, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { TQueryPerformanceDetails } from "../../grade-report.js";
import type { TAppRoleName } from "../../postgres/cluster.js";
import type { TPostgresGrading } from "../../postgres/grading-database.js";
import { venvPython } from "../../paths.js";
import { lastLines, startSandboxed, type TSandboxHandle } from "../../sandbox.js";
import {
  describeFailure,
  runProjectStep,
  type TRunnerCheck,
  type TRunnerContext,
} from "../runner.js";
import { firstDifference } from "./compare.js";
import { scanCounterPatches } from "./counter-patches.js";
import { dataSets, loadDataSet, type TDataSet } from "./data-sets.js";
import { getOverSocket, type TAnswer } from "./server-client.js";
import {
  logOffset,
  readPlans,
  readStatements,
  resetStatements,
  shortStatement,
  topNodes,
  totalCalls,
  usesIndex,
  type TStatement,
} from "./statements.js";

export interface TQueryGroups {
  correctness: string;
  queries: string;
  index: string;
  speed: string;
  /** Where the candidate's own tests were counted (marked not passing when they patch counters). */
  hygiene: string;
}

export const listLimit = 4;
export const statsLimit = 4;

/** One measured request: the answer and the statements the server saw for it. */
interface TMeasured {
  url: string;
  answer: TAnswer;
  statements: TStatement[];
  queries: number;
}

interface TServer {
  socket: string;
  handle: TSandboxHandle;
}

/** The report's table of one request's statements (the UI shows it; text reports print it). */
export function statementsTable(measured: TMeasured): string {
  return measured.statements
    .map(
      (statement) =>
        `  ${String(statement.calls).padStart(5)} × ${shortStatement(statement.query, 200)}`,
    )
    .join("\n");
}

/**
 * The slow-query pack's measurements, all on the grader's PostgreSQL: correctness against the
 * reference (served in the same grading, on the same seeded data), queries per request counted
 * by pg_stat_statements for the candidate's role, index use from auto_explain's plans, and speed
 * next to the reference. Nothing is measured inside the candidate's process.
 */
export async function runQueryPerformance(
  ctx: TRunnerContext,
  postgres: TPostgresGrading,
  groups: TQueryGroups,
  earlierChecks: TRunnerCheck[],
): Promise<TRunnerCheck[]> {
  const checks: TRunnerCheck[] = [];
  const patches = await scanCounterPatches(ctx.projectDir);
  ctx.findings.push(...patches);
  if (patches.length > 0) {
    for (const check of earlierChecks) {
      if (
        check.group === groups.hygiene &&
        check.name === "the project's own tests pass" &&
        check.passed
      ) {
        check.passed = false;
        check.message =
          "Not counted: the submission patches Django's query counters, so its own tests can pass only through the patch.";
      }
    }
  }
  const blocked = (message: string): TRunnerCheck[] =>
    [groups.correctness, groups.queries, groups.index, groups.speed].map((group) => ({
      group,
      name: "measured",
      passed: false,
      message,
    }));
  if (ctx.migrationFailure !== null)
    return blocked("Not checked: the migrations failed, so the app could not run.");

  const referenceDir = path.join(ctx.gradeDir, "reference");
  await cp(ctx.pack.referenceDir, referenceDir, { recursive: true });
  await chownTree(referenceDir, ctx.checkerUid);
  const referenceCtx: TRunnerContext = {
    ...ctx,
    projectDir: referenceDir,
    uid: ctx.checkerUid,
    timings: {},
    projectDatabase: postgres.projectDatabase("reference"),
  };
  const migrated = await runProjectStep(referenceCtx, "referenceMigrate", [
    "/grader/run_django.py",
    "migrate",
    "--noinput",
  ]);
  if (migrated.exitCode !== 0)
    throw new Error(describeFailure("The reference's migrations", migrated, ctx.steps.stepMs));

  const admins: Record<TAppRoleName, pg.Client> = {
    candidate: await postgres.connect("candidate"),
    reference: await postgres.connect("reference"),
  };
  const servers: TServer[] = [];
  try {
    const candidate = await startServer(ctx, "candidate");
    servers.push(candidate);
    if ("failure" in candidate) return blocked(candidate.failure);
    const reference = await startServer(referenceCtx, "reference");
    servers.push(reference);
    if ("failure" in reference)
      throw new Error(`the reference did not start: ${reference.failure}`);

    const load = async (set: TDataSet): Promise<void> => {
      const time = performance.now();
      await Promise.all([loadDataSet(admins.candidate, set), loadDataSet(admins.reference, set)]);
      ctx.timings[`seed_${set.name}`] = Math.round(performance.now() - time);
    };
    const measure = async (url: string): Promise<TMeasured> => {
      await resetStatements(postgres.cluster.admin);
      const answer = await getOverSocket(candidate.socket, url);
      const statements = await readStatements(
        postgres.cluster.admin,
        postgres.cluster.roles.candidate.name,
        postgres.databases.candidate,
      );
      return { url, answer, statements, queries: totalCalls(statements) };
    };
    const referenceAnswer = (url: string): Promise<TAnswer> => getOverSocket(reference.socket, url);

    // Correctness and query counts on the tiny and the 1,000-book catalogue.
    const counted: { set: TDataSet; kind: "list" | "stats"; measured: TMeasured; items: number }[] =
      [];
    const mismatches: string[] = [];
    const badInput: string[] = [];
    for (const set of [dataSets.tiny, dataSets.small]) {
      await load(set);
      for (const url of await probeUrls(admins.candidate, set)) {
        const measured = await measure(url);
        const expected = await referenceAnswer(url);
        const difference = compareAnswers(measured.answer, expected);
        if (difference !== null) {
          const target = /page=(abc|9999)|published_after=(2024-02-30|yesterday)|99999/.test(url)
            ? badInput
            : mismatches;
          target.push(`GET ${url} (${set.books} books): ${difference}`);
        }
        if (expected.status === 200) {
          const kind = url.startsWith("/api/books/") ? "list" : "stats";
          const items = kind === "list" ? resultsLength(expected.body) : bookCount(expected.body);
          counted.push({ set, kind, measured, items });
        }
      }
    }
    checks.push({
      group: groups.correctness,
      name: "answers equal the reference's on seeded catalogues",
      passed: mismatches.length === 0,
      message:
        mismatches.length === 0
          ? `${counted.length} answers on 10 and 1,000 books matched.`
          : `${mismatches.length} answers differ from the reference's:\n${mismatches.slice(0, 8).join("\n")}`,
    });
    checks.push({
      group: groups.correctness,
      name: "bad dates, pages and publishers answer 400 and 404",
      passed: badInput.length === 0,
      message: badInput.length === 0 ? "ok" : badInput.slice(0, 6).join("\n"),
    });
    checks.push(await checkWrites(admins, candidate.socket, reference.socket, groups.correctness));

    const details: TQueryPerformanceDetails = {
      kind: "query-performance",
      requests: [],
      plans: [],
      speed: [],
    };
    ctx.details = details;
    checks.push(...queryChecks(counted, groups.queries, details));

    await load(dataSets.index);
    checks.push(
      await checkIndexUse(ctx, postgres, admins.candidate, candidate.socket, groups.index, details),
    );

    await load(dataSets.speed);
    checks.push(
      ...(await checkSpeed(
        candidate.socket,
        reference.socket,
        admins.candidate,
        groups.speed,
        details,
      )),
    );
    return checks;
  } finally {
    for (const server of servers) server.handle.stop();
    await Promise.all(servers.map((server) => server.handle.result));
    await Promise.all(Object.values(admins).map((client) => client.end().catch(() => undefined)));
  }
}

function resultsLength(body: unknown): number {
  const results = (body as { results?: unknown } | null)?.results;
  return Array.isArray(results) ? results.length : 0;
}
function bookCount(body: unknown): number {
  const count = (body as { book_count?: unknown } | null)?.book_count;
  return typeof count === "number" ? count : 0;
}

function compareAnswers(candidate: TAnswer, reference: TAnswer): string | null {
  if (candidate.status !== reference.status)
    return `answered ${candidate.status || "nothing"}, expected ${reference.status}${candidate.status >= 500 ? ` (${String(candidate.body).slice(0, 200)})` : ""}`;
  if (reference.status === 400) {
    const body = candidate.body as Record<string, unknown> | null;
    return body !== null && typeof body === "object" && "published_after" in body
      ? null
      : "a 400 without an error for published_after";
  }
  if (reference.status !== 200) return null;
  return firstDifference(candidate.body, reference.body);
}

/** The URLs compared with the reference; the first request to each is counted. */
async function probeUrls(admin: pg.Client, set: TDataSet): Promise<string[]> {
  const { rows } = await admin.query<{ fifth: string | null; middle: string | null }>(
    `SELECT (SELECT published_on::text FROM catalog_book ORDER BY published_on DESC OFFSET 5 LIMIT 1) AS fifth,
            (SELECT published_on::text FROM catalog_book ORDER BY published_on OFFSET ${Math.floor(set.books / 2)} LIMIT 1) AS middle`,
  );
  const fifth = rows[0]?.fifth ?? "2012-01-03";
  const middle = rows[0]?.middle ?? "2012-01-03";
  const lastPage = Math.max(1, Math.ceil(set.books / 20));
  const publishers = Array.from(
    { length: Math.min(set.publishers + 1, 6) },
    (_, index) => index + 1,
  );
  return [
    "/api/books/",
    `/api/books/?published_after=${fifth}`,
    "/api/books/?page=2",
    `/api/books/?page=${lastPage}`,
    `/api/books/?published_after=${middle}`,
    `/api/books/?published_after=${middle}&author_country=SE&page=2`,
    "/api/books/?author_country=JP",
    "/api/books/?published_after=&author_country=FR",
    "/api/books/?page=9999",
    "/api/books/?page=abc",
    "/api/books/?published_after=2024-02-30",
    "/api/books/?published_after=yesterday",
    ...publishers.map((id) => `/api/publishers/${id}/stats/`),
    `/api/publishers/${set.publishers + 1}/stats/`.replace(/\d+/, String(set.publishers + 1)),
    "/api/publishers/99999/stats/",
  ].filter((url, index, all) => all.indexOf(url) === index);
}

/** The grader writes between requests; answers must show it (no cache may hide a change). */
async function checkWrites(
  admins: Record<TAppRoleName, pg.Client>,
  candidateSocket: string,
  referenceSocket: string,
  group: string,
): Promise<TRunnerCheck> {
  const urls = ["/api/books/", "/api/publishers/1/stats/"];
  const problems: string[] = [];
  for (const [step, sql] of [
    [
      "a review added",
      `INSERT INTO catalog_review (book_id, rating, created_at)
         SELECT id, 1, now() FROM catalog_book ORDER BY published_on DESC, id LIMIT 1`,
    ],
    [
      "a book added",
      `INSERT INTO catalog_book (title, author_id, publisher_id, published_on, price)
         SELECT 'Added between requests', 1, 1, max(published_on) + 1, 9.99 FROM catalog_book`,
    ],
  ] as const) {
    for (const client of Object.values(admins)) await client.query(sql);
    for (const url of urls) {
      const difference = compareAnswers(
        await getOverSocket(candidateSocket, url),
        await getOverSocket(referenceSocket, url),
      );
      if (difference !== null) problems.push(`after ${step}, GET ${url}: ${difference}`);
    }
  }
  return {
    group,
    name: "answers reflect writes made between requests",
    passed: problems.length === 0,
    message: problems.length === 0 ? "ok" : problems.join("\n"),
  };
}

function queryChecks(
  counted: { set: TDataSet; kind: "list" | "stats"; measured: TMeasured; items: number }[],
  group: string,
  details: TQueryPerformanceDetails,
): TRunnerCheck[] {
  return (["list", "stats"] as const).map((kind) => {
    const limit = kind === "list" ? listLimit : statsLimit;
    const route = kind === "list" ? "GET /api/books/" : "GET /api/publishers/{id}/stats/";
    const unit = kind === "list" ? "books on the page" : "books of the publisher";
    const mine = counted.filter((entry) => entry.kind === kind && entry.items > 0);
    // The request that ran the most statements; on a tie, the one with the most books.
    const worst = mine.reduce<(typeof mine)[number] | undefined>(
      (top, entry) =>
        top === undefined ||
        entry.measured.queries > top.measured.queries ||
        (entry.measured.queries === top.measured.queries && entry.items > top.items)
          ? entry
          : top,
      undefined,
    );
    if (worst === undefined)
      return {
        group,
        name: `${route}: queries per request`,
        passed: false,
        message: "No successful answer to count.",
      };
    const counts = new Set(mine.map((entry) => entry.measured.queries));
    const fewest = mine.reduce((low, entry) =>
      entry.measured.queries < low.measured.queries ? entry : low,
    );
    const constant = counts.size === 1;
    const passed = constant && worst.measured.queries <= limit;
    const grew = worst.measured.statements.find(
      (statement) => statement.calls > 1 && statement.calls >= worst.items / 2,
    );
    const per = kind === "list" ? ("book" as const) : ("book or review" as const);
    details.requests.push({
      endpoint: route,
      url: worst.measured.url.slice(0, 500),
      items: worst.items,
      booksInDatabase: worst.set.books,
      queries: worst.measured.queries,
      statements: worst.measured.statements
        .slice(0, 50)
        .map((row) => ({ query: row.query.slice(0, 2000), calls: row.calls })),
      ...(grew === undefined || passed
        ? {}
        : { grew: { query: grew.query.slice(0, 2000), calls: grew.calls, per } }),
    });
    const why =
      grew === undefined
        ? ""
        : `; \`${shortStatement(grew.query)}\` ran ${grew.calls} times, once per ${per}`;
    const summary = passed
      ? `${worst.measured.queries} queries for every request (${fewest.items} to ${worst.items} ${unit}, catalogues of 10 and 1,000 books).`
      : `${route} ran ${worst.measured.queries} queries for ${worst.items} ${unit} (GET ${worst.measured.url}, ${worst.set.books} books in the database)${why}. ` +
        (constant
          ? `The count is constant but above ${limit}.`
          : `With ${fewest.items} ${unit} it ran ${fewest.measured.queries}: the count must not grow with the data; at most ${limit}.`);
    return {
      group,
      name: `${route}: a constant number of queries, at most ${limit}`,
      passed,
      message: `${summary}\nStatements of GET ${worst.measured.url}:\n${statementsTable(worst.measured)}`,
    };
  });
}

async function checkIndexUse(
  ctx: TRunnerContext,
  postgres: TPostgresGrading,
  admin: pg.Client,
  socket: string,
  group: string,
  details: TQueryPerformanceDetails,
): Promise<TRunnerCheck> {
  const name = "filtering by published_after uses an index on catalog_book.published_on";
  const { rows } = await admin.query<{ index: string; after: string }>(
    `SELECT i.indexrelid::regclass::text AS index,
            (SELECT published_on::text FROM catalog_book ORDER BY published_on DESC
               OFFSET (SELECT count(*) / 100 FROM catalog_book) LIMIT 1) AS after
       FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = 'catalog_book'::regclass AND a.attname = 'published_on'`,
  );
  const indexes = new Set(rows.map((row) => row.index));
  const after =
    rows[0]?.after ??
    (
      await admin.query<{ after: string }>(
        `SELECT published_on::text AS after FROM catalog_book ORDER BY published_on DESC
           OFFSET (SELECT count(*) / 100 FROM catalog_book) LIMIT 1`,
      )
    ).rows[0]?.after;
  const database = postgres.databases.candidate;
  const cluster = postgres.cluster;
  const offset = await logOffset(cluster.logFile);
  // Only this database's new connections (Django opens one per request) log their plans.
  await cluster.admin.query(`ALTER DATABASE "${database}" SET auto_explain.log_min_duration = 0`);
  const urls = [
    `/api/books/?published_after=${after}`,
    `/api/books/?published_after=${after}&page=2`,
  ];
  try {
    for (const url of urls) await getOverSocket(socket, url);
  } finally {
    await cluster.admin.query(`ALTER DATABASE "${database}" RESET auto_explain.log_min_duration`);
  }
  let plans: Awaited<ReturnType<typeof readPlans>> = [];
  for (let attempt = 0; attempt < 40; attempt += 1) {
    plans = (
      await readPlans(cluster.logFile, offset, cluster.roles.candidate.name, database)
    ).filter((plan) => /published_on"?\s*>/i.test(plan.query));
    if (plans.length > 0 && attempt > 4) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  ctx.timings.indexPlans = plans.length;
  if (plans.length === 0)
    return {
      group,
      name,
      passed: false,
      message: `No statement filtering published_on was run for GET ${urls[0]}.`,
    };
  const without = plans.filter((plan) => !usesIndex(plan.plan, indexes));
  details.plans = plans.slice(0, 6).map((plan) => ({
    query: plan.query.slice(0, 2000),
    nodes: topNodes(plan.plan).slice(0, 1000),
    usesIndex: usesIndex(plan.plan, indexes),
  }));
  const described = plans
    .slice(0, 4)
    .map((plan) => `- \`${shortStatement(plan.query, 140)}\`\n  ${topNodes(plan.plan)}`)
    .join("\n");
  const known =
    indexes.size === 0
      ? "catalog_book has no index covering published_on"
      : `indexes covering published_on: ${[...indexes].join(", ")}`;
  return {
    group,
    name,
    passed: without.length === 0,
    message:
      without.length === 0
        ? `At 50,000 books, every statement filtering published_on (about 1% of the books) used an index (${known}).\nPlans:\n${described}`
        : `At 50,000 books, after ANALYZE, ${without.length} of ${plans.length} statements filtering published_on (about 1% of the books) read catalog_book without an index on published_on (${known}).\nPlans:\n${described}`,
  };
}

async function checkSpeed(
  candidateSocket: string,
  referenceSocket: string,
  admin: pg.Client,
  group: string,
  details: TQueryPerformanceDetails,
): Promise<TRunnerCheck[]> {
  const { rows } = await admin.query<{ after: string }>(
    `SELECT published_on::text AS after FROM catalog_book ORDER BY published_on DESC OFFSET 4000 LIMIT 1`,
  );
  const after = rows[0]?.after ?? "2012-01-01";
  const kinds = {
    list: [1, 2, 7, 30, 200]
      .map((page) => `/api/books/?page=${page}`)
      .concat([`/api/books/?published_after=${after}`, "/api/books/?author_country=GB&page=3"]),
    stats: [1, 2, 3, 5, 8].map((id) => `/api/publishers/${id}/stats/`),
  };
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  };
  const checks: TRunnerCheck[] = [];
  for (const [kind, urls] of Object.entries(kinds)) {
    const mine: number[] = [];
    const theirs: number[] = [];
    for (const url of urls) {
      // Alternating, so a slower moment of the machine falls on both.
      mine.push((await getOverSocket(candidateSocket, url, 60_000)).ms);
      theirs.push((await getOverSocket(referenceSocket, url, 60_000)).ms);
    }
    const ratio = median(mine) / Math.max(0.1, median(theirs));
    const figures = `p50 ${median(mine).toFixed(1)} ms against the reference's ${median(theirs).toFixed(1)} ms (${ratio.toFixed(2)}×), over ${urls.length} distinct URLs at 20,000 books and 100,000 reviews`;
    const route = kind === "list" ? "GET /api/books/" : "GET /api/publishers/{id}/stats/";
    details.speed.push({
      endpoint: route,
      candidateMs: Math.round(median(mine) * 10) / 10,
      referenceMs: Math.round(median(theirs) * 10) / 10,
      urls: urls.length,
    });
    checks.push(
      { group, name: `${route}: within 4× of the reference`, passed: ratio <= 4, message: figures },
      { group, name: `${route}: within 2× of the reference`, passed: ratio <= 2, message: figures },
    );
  }
  return checks;
}

async function startServer(
  ctx: TRunnerContext,
  role: TAppRoleName,
): Promise<TServer | (TServer & { failure: string })> {
  const socketDir = path.join(ctx.gradeDir, `sock-${role}`);
  await mkdir(socketDir, { recursive: true });
  await chown(socketDir, ctx.uid, ctx.uid);
  await chmod(socketDir, 0o755);
  const database = ctx.projectDatabase;
  if (database === undefined) throw new Error("the slow-query pack needs its PostgreSQL database");
  let output = "";
  let announce: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (announce = resolve));
  const limitMs = ctx.steps.serverStartMs + 10 * ctx.steps.checksMs;
  const handle = startSandboxed({
    uid: ctx.uid,
    argv: [venvPython, "-I", "/grader/serve_unix.py", "/sandbox/sock/api.sock", "[]"],
    workDir: ctx.projectDir,
    mounts: [
      ...database.mounts,
      { hostPath: socketDir, sandboxPath: "/sandbox/sock", writable: true },
    ],
    env: database.env,
    pythonBasePrefix: ctx.runtime.basePrefix,
    limits: { wallClockMs: limitMs, cpuSeconds: Math.ceil(limitMs / 1000) },
    onOutput: (stream, text) => {
      if (stream !== "stdout") return;
      output += text;
      if (output.includes("SHORTLIST-SERVER-READY")) announce();
    },
  });
  const server = { socket: path.join(socketDir, "api.sock"), handle };
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready.then(() => "ready" as const),
    handle.result.then(() => "exited" as const),
    new Promise<"slow">(
      (resolve) => (timer = setTimeout(() => resolve("slow"), ctx.steps.serverStartMs)),
    ),
  ]);
  clearTimeout(timer);
  if (outcome === "ready") return server;
  handle.stop();
  const tail = lastLines(await handle.result);
  return {
    ...server,
    failure: `Not checked: the server did not start${tail ? `:\n${tail}` : "."}`,
  };
}

async function chownTree(dir: string, uid: number): Promise<void> {
  await chown(dir, uid, uid);
  for (const entry of await readdir(dir)) {
    const child = path.join(dir, entry);
    const info = await lstat(child);
    if (info.isDirectory()) await chownTree(child, uid);
    else if (info.isFile()) await chown(child, uid, uid);
  }
}
