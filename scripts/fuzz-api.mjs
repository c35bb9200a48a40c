#!/usr/bin/env node
// Fuzzes the whole API with schemathesis against a seeded server (the demo organisation, an
// admin API token) and fails on any 5xx. Schemathesis lives in its own venv under .tools/
// (gitignored), built on first use. Bounded in time: FUZZ_MAX_EXAMPLES per operation, and the
// run is stopped after FUZZ_TIME_LIMIT_S; then it passes only if every operation that finished
// found no server error, and says how many finished.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const venv = join(root, ".tools", "schemathesis");
const st = join(venv, "bin", "st");
// Hypothesis pinned to one from schemathesis 3.39's time: later ones changed internals it relies on.
const SCHEMATHESIS = ["schemathesis==3.39.16", "hypothesis==6.130.13"];
const maxExamples = process.env.FUZZ_MAX_EXAMPLES ?? "15";
const timeLimitS = Number(process.env.FUZZ_TIME_LIMIT_S ?? 240);
const cli = existsSync(join(root, "dist", "cli.js"))
  ? ["dist/cli.js"]
  : ["--import", "tsx", "src/cli.ts"];

function must(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(" ")} failed`);
    process.exit(1);
  }
  return result;
}

if (!existsSync(st)) {
  must("python3", ["-m", "venv", venv]);
  must(join(venv, "bin", "pip"), ["install", "--quiet", ...SCHEMATHESIS]);
}

const port = await new Promise((resolve) => {
  const server = createServer();
  server.listen(0, "127.0.0.1", () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const dataRoot = mkdtempSync(join(tmpdir(), "shortlist-fuzz-"));
const env = {
  ...process.env,
  SHORTLIST_DATA_DIR: join(dataRoot, "data"),
  HOST: "127.0.0.1",
  PORT: String(port),
  LOG_LEVEL: "error",
  // Grading is not what is fuzzed here; the worker would only compete for the two cores.
  SHORTLIST_WORKER: "off",
};
must("node", [...cli, "seed-demo"], { env, stdio: ["ignore", "ignore", "inherit"] });
const server = spawn("node", [...cli, "serve"], {
  cwd: root,
  env,
  stdio: ["ignore", "inherit", "inherit"],
});
const cleanup = () => {
  server.kill("SIGKILL");
  rmSync(dataRoot, { recursive: true, force: true });
};
process.on("exit", cleanup);

const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  const ok = await fetch(`${base}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  if (i > 600) throw new Error("the server did not start");
  await new Promise((r) => setTimeout(r, 100));
}

// An admin API token: bearer requests skip CSRF, so the fuzzer reaches every route's logic.
const session = await fetch(`${base}/api/auth/session`);
const anonCookie = session.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ");
const { csrfToken } = await session.json();
const login = await fetch(`${base}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json", "x-csrf-token": csrfToken, cookie: anonCookie },
  body: JSON.stringify({ email: "admin@demo.shortlist.dev", password: "shortlist-demo" }),
});
const signedIn = await login.json();
const sessionCookie = login.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ");
const created = await fetch(`${base}/api/me/api-tokens`, {
  method: "POST",
  headers: {
    "content-type": "application/json",
    "x-csrf-token": signedIn.csrfToken,
    cookie: `${anonCookie}; ${sessionCookie}`,
  },
  body: JSON.stringify({ name: "fuzzer" }),
});
const { token } = await created.json();
if (!token) throw new Error("could not create an API token for the fuzzer");

const args = [
  "run",
  `${base}/api/openapi.json`,
  "--base-url",
  base,
  "--checks",
  "not_a_server_error",
  "--hypothesis-max-examples",
  maxExamples,
  "--hypothesis-seed",
  process.env.FUZZ_SEED ?? "20261201",
  "--hypothesis-suppress-health-check",
  "all",
  "--request-timeout",
  "20000",
  "--workers",
  "2",
  "-H",
  `Authorization: Bearer ${token}`,
  // Signing out or revoking the fuzzer's own token would turn the rest of the run into 401s.
  "--exclude-path-regex",
  "^/api/(auth/logout|me/api-tokens/\\{tokenId\\})$",
];
const started = Date.now();
// Output is passed through and kept: when the time limit stops the run, what it printed so far
// decides. Schemathesis 3 prints one character per operation as it finishes ("." passed, "F" a
// failed check, "E" an error, "S" skipped), then a FAILURES/ERRORS section.
const fuzz = spawn(st, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
let output = "";
fuzz.stdout.setEncoding("utf8");
fuzz.stdout.on("data", (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
let stoppedAtLimit = false;
const timer = setTimeout(() => {
  // Bounded in time: stop it like Ctrl-C, so it prints what it found so far, then kill if it hangs.
  stoppedAtLimit = true;
  console.error(`\nschemathesis reached the ${timeLimitS} s limit; stopping it`);
  fuzz.kill("SIGINT");
  setTimeout(() => fuzz.kill("SIGKILL"), 20_000).unref();
}, timeLimitS * 1000);
const code = await new Promise((resolve) => fuzz.on("exit", (c) => resolve(c ?? 1)));
clearTimeout(timer);
const seconds = Math.round((Date.now() - started) / 1000);
const progress = output
  .split("\n")
  .filter((line) => /^[.FES]+$/.test(line.trim()))
  .join("");
const finished = progress.length;
const problems = (progress.match(/[FE]/g) ?? []).length;
const reported = /^=+ (FAILURES|ERRORS) =+$/m.test(output) || /Server error/.test(output);
console.log(
  `fuzzing took ${seconds} s; ${finished} operations finished, ${problems} with a failure or error`,
);
if (!stoppedAtLimit) process.exit(code);
if (problems > 0 || reported || finished === 0) {
  console.error("schemathesis found problems before the time limit (see above)");
  process.exit(1);
}
console.log(
  `stopped at the time limit with no server error in the ${finished} operations that finished`,
);
process.exit(0);
