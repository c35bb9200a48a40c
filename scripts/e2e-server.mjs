#!/usr/bin/env node
// Starts the built server on a fresh temporary data dir for the browser suite and removes it on exit.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dataDir = mkdtempSync(join(tmpdir(), "shortlist-e2e-"));
const child = spawn("node", ["dist/cli.js", "serve"], {
  stdio: "inherit",
  env: {
    ...process.env,
    SHORTLIST_DATA_DIR: join(dataDir, "data"),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
  },
});
const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code) => {
  cleanup();
  process.exit(code ?? 0);
});
