#!/usr/bin/env node
// Starts the built server on a fresh temporary data dir for the browser suite and removes it on exit.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dataDir = mkdtempSync(join(tmpdir(), "shortlist-e2e-"));
// E2E_FROM_SOURCE=1 runs src/ through tsx, so a developer need not rebuild dist/ between runs.
const command = process.env.E2E_FROM_SOURCE
  ? ["--import", "tsx", "src/cli.ts", "serve"]
  : ["dist/cli.js", "serve"];
const env = {
  ...process.env,
  SHORTLIST_DATA_DIR: join(dataDir, "data"),
  HOST: "127.0.0.1",
  LOG_LEVEL: "warn",
};
// E2E_SEED_DEMO=1 fills the fresh data dir with the demo organisation before the server opens it,
// for specs that walk through a populated product rather than a first run.
if (process.env.E2E_SEED_DEMO) {
  const seeded = spawnSync("node", [...command.slice(0, -1), "seed-demo"], {
    stdio: "inherit",
    env,
  });
  if (seeded.status !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(seeded.status ?? 1);
  }
}
const child = spawn("node", command, { stdio: "inherit", env });
const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code) => {
  cleanup();
  process.exit(code ?? 0);
});
