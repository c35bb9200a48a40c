import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;

function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

describe("the shortlist command", () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), "shortlist-cli-")), "data");
  const env = { SHORTLIST_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  const stops: (() => void)[] = [];
  afterAll(() => stops.forEach((stop) => stop()));

  it("validates create-admin input and names the bad option", () => {
    const result = cli(["create-admin", "--email", "not-an-email", "--password", "short"], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--email: must be a valid e-mail address");
    expect(result.stderr).toContain("--password: must be at least 10 characters");
  });

  it("creates an admin, prints an API token the running server accepts, and refuses a second process on the data dir", async () => {
    expect(
      cli(
        ["create-admin", "--email", "ops@example.com", "--password", "a long enough password"],
        env,
      ).code,
    ).toBe(0);
    const token = cli(["api-token", "--email", "ops@example.com"], env);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^slt_[A-Za-z0-9_-]{43}$/);

    const port = await freePort();
    const server = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "serve"], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: "pipe",
    });
    stops.push(() => server.kill("SIGTERM"));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 400; i++) {
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const users = await fetch(`${base}/api/users`, {
      headers: { authorization: `Bearer ${token.stdout.trim()}` },
    });
    expect(users.status).toBe(200);
    expect(JSON.stringify(await users.json())).toContain("ops@example.com");

    const second = cli(["migrate"], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/is in use by process \d+/);

    const stopped = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await stopped;
    // The lock is released on shutdown, so the next process may open it.
    expect(cli(["migrate"], env).stdout).toContain("up to date");
  }, 120_000); // Four processes start tsx (three commands and a server): slow beside other suites.

  it("seeds a demo organisation idempotently", () => {
    const first = cli(["seed-demo"], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("admin@demo.shortlist.dev");
    expect(cli(["seed-demo"], env).stdout).toContain("nothing changed");
  });

  it("stops on invalid configuration naming the variable, and refuses a foreign data dir untouched", () => {
    const badPort = cli(["migrate"], { ...env, PORT: "70000" });
    expect(badPort.code).toBe(1);
    expect(badPort.stderr).toContain("PORT");

    const foreign = mkdtempSync(join(tmpdir(), "not-shortlist-"));
    writeFileSync(join(foreign, "photo.jpg"), "x");
    const refused = cli(["migrate"], { SHORTLIST_DATA_DIR: foreign });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is not a Shortlist data directory");
    expect(readdirSync(foreign)).toEqual(["photo.jpg"]);
  });
});
