import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../demo/seed-demo.js";
import { multipartBody } from "../test-support/multipart-body.js";
import { buildResumePdf } from "../test-support/resume-fixtures.js";

/**
 * Real processes, real kill -9: `shortlist serve` on an embedded data directory is killed in the
 * middle of a grading and of a bulk intake, started again, and must finish both within 60 s. A
 * graceful SIGTERM must end the process within 30 s.
 */
const CLI = ["--import", "tsx", "src/cli.ts"];
const RECOVERY_LIMIT_MS = 60_000;
const dataRoot = mkdtempSync(join(tmpdir(), "shortlist-crash-"));
const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dataRoot, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("port")),
      );
    });
  });
}

function serverEnv(dataDir: string, port: number) {
  return {
    ...process.env,
    SHORTLIST_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    SHORTLIST_GRADER_SLOT_BASE: "700",
  };
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startServe(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn("node", [...CLI, "serve"], {
    env: serverEnv(dataDir, port),
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  await until(async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    return response.ok ? true : undefined;
  }, 60_000);
  return child;
}

async function killHard(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** Signs in as the demo admin in a browser-like way and trades the session for an API token. */
async function adminToken(base: string): Promise<string> {
  const session = await fetch(`${base}/api/auth/session`);
  const csrfCookie = session.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const headers = {
    "content-type": "application/json",
    "x-csrf-token": csrfToken,
    cookie: csrfCookie.join("; "),
  };
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers,
    body: JSON.stringify({ email: "admin@demo.shortlist.dev", password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookies = [...csrfCookie, ...login.headers.getSetCookie().map((c) => c.split(";")[0])];
  const loggedIn = await fetch(`${base}/api/auth/session`, {
    headers: { cookie: cookies.join("; ") },
  });
  const fresh = (await loggedIn.json()) as { csrfToken: string };
  const rotated = loggedIn.headers.getSetCookie().map((c) => c.split(";")[0]);
  const created = await fetch(`${base}/api/me/api-tokens`, {
    method: "POST",
    headers: {
      ...headers,
      "x-csrf-token": fresh.csrfToken,
      cookie: [...cookies, ...rotated].join("; "),
    },
    body: JSON.stringify({ name: "crash test" }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { token: string }).token;
}

async function getJson<T>(base: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

type TAssessment = {
  id: string;
  parts: { submissions: { latestGrading: { id: string; status: string } | null }[] }[];
};

describe("recovery from kill -9 of a real server process", () => {
  const dataDir = join(dataRoot, "data");
  let port = 0;
  let base = "";
  let token = "";
  let child: ChildProcess | undefined;

  it("finishes a grading interrupted by kill -9 within 60 s of the restart", async () => {
    const seeded = spawnSync("node", [...CLI, "seed-demo"], {
      env: serverEnv(dataDir, 3999),
      encoding: "utf8",
    });
    expect(seeded.status, seeded.stderr).toBe(0);
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = await startServe(dataDir, port);
    token = await adminToken(base);
    // The demo's submitted assessment is graded on the first start: find it and wait until running.
    const { applications } = await getJson<{ applications: { id: string }[] }>(
      base,
      token,
      "/api/applications?limit=200",
    );
    let assessmentPath = "";
    for (const application of applications) {
      const { assessments } = await getJson<{ assessments: TAssessment[] }>(
        base,
        token,
        `/api/applications/${application.id}/assessments`,
      );
      const graded = assessments.find((a) => a.parts[0]?.submissions[0]?.latestGrading);
      if (graded) assessmentPath = `/api/assessments/${graded.id}`;
    }
    expect(assessmentPath).not.toBe("");
    const status = async () =>
      (await getJson<{ assessment: TAssessment }>(base, token, assessmentPath)).assessment.parts[0]
        ?.submissions[0]?.latestGrading?.status;
    await until(async () => ((await status()) === "running" ? true : undefined), 120_000);

    await killHard(child);
    const restarted = Date.now();
    child = await startServe(dataDir, port);
    const finished = await until(async () => {
      const now = await status();
      return now === "graded" || now === "error" ? now : undefined;
    }, RECOVERY_LIMIT_MS);
    const recoveryMs = Date.now() - restarted;
    console.log(`grading recovered in ${recoveryMs} ms after the restart (${finished})`);
    expect(recoveryMs).toBeLessThan(RECOVERY_LIMIT_MS);
  }, 300_000);

  it("finishes a bulk intake interrupted by kill -9 within 60 s of the restart", async () => {
    if (!child) throw new Error("the first test did not start the server");
    const { roles } = await getJson<{ roles: { id: string }[] }>(base, token, "/api/roles");
    const roleId = roles[0]?.id ?? "";
    const files = await Promise.all(
      Array.from({ length: 120 }, async (_, i) => ({
        field: "files",
        filename: `applicant-${i}.pdf`,
        contentType: "application/pdf",
        bytes: await buildResumePdf([
          { heading: `Applicant Number${i}` },
          `applicant.${i}@crash-test.example`,
          "Django, PostgreSQL, Celery; five years building REST APIs.",
        ]),
      })),
    );
    const body = multipartBody(files);
    const uploaded = await fetch(`${base}/api/roles/${roleId}/intake-batches`, {
      method: "POST",
      headers: { ...body.headers, authorization: `Bearer ${token}` },
      body: body.payload,
    });
    expect(uploaded.status).toBe(202);
    const { batch } = (await uploaded.json()) as { batch: { id: string } };
    const progress = () =>
      getJson<{ batch: { status: string; processed: number; total: number } }>(
        base,
        token,
        `/api/intake-batches/${batch.id}`,
      ).then((r) => r.batch);
    // Kill while the batch is part way through.
    await until(async () => {
      const now = await progress();
      return now.processed > 0 && now.processed < now.total ? true : undefined;
    }, 60_000);
    await killHard(child);
    const restarted = Date.now();
    child = await startServe(dataDir, port);
    const done = await until(async () => {
      const now = await progress();
      return now.status === "done" ? now : undefined;
    }, RECOVERY_LIMIT_MS);
    const recoveryMs = Date.now() - restarted;
    console.log(`intake recovered in ${recoveryMs} ms after the restart`);
    expect(recoveryMs).toBeLessThan(RECOVERY_LIMIT_MS);
    // Resumed, not restarted: every file once.
    expect(done.processed).toBe(120);
  }, 300_000);

  it("exits within 30 s of SIGTERM", async () => {
    if (!child) throw new Error("the first test did not start the server");
    const exited = new Promise<number | null>((resolve) => child?.once("exit", resolve));
    const signalled = Date.now();
    child.kill("SIGTERM");
    const code = await exited;
    expect(Date.now() - signalled).toBeLessThan(30_000);
    expect(code).toBe(0);
    // Stopped accepting: nothing answers any more.
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  }, 60_000);
});
