/**
 * Child processes for HTTP benches: each server in its own process, as in production, so the
 * load generator never shares an event loop with the server it measures.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export type TBenchServer = { name: string; url: string; stop: () => Promise<void> };

async function waitForHealth(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not answer ${url} within 120 s:\n${log()}`);
}

export async function startProcess(options: {
  name: string;
  script: string[];
  port: number;
  env?: Record<string, string>;
  healthPath: string;
}): Promise<TBenchServer> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", ...options.script], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, PORT: String(options.port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHealth(url + options.healthPath, child, () => output);
  return {
    name: options.name,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** `shortlist serve` from source on a prepared database (a data dir, or a PostgreSQL URL). */
export function startShortlist(options: {
  name: string;
  port: number;
  dataDir?: string;
  databaseUrl?: string;
}): Promise<TBenchServer> {
  return startProcess({
    name: options.name,
    script: ["src/cli.ts", "serve"],
    port: options.port,
    healthPath: "/api/health",
    env: {
      LOG_LEVEL: "warn",
      SHORTLIST_WORKER: "off",
      ...(options.dataDir ? { SHORTLIST_DATA_DIR: options.dataDir } : {}),
      ...(options.databaseUrl
        ? { DATABASE_URL: options.databaseUrl, SESSION_SECRET: randomBytes(32).toString("hex") }
        : {}),
    },
  });
}

/** A fresh database on the PostgreSQL server, dropped by the returned function. */
export async function createServerDatabase(adminUrl: string) {
  const name = `shortlist_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
