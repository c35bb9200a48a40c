import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config.js";
import type { TDatabaseHandle } from "../db/client.js";
import { outboxMessages } from "../db/schema/index.js";
import { NO_SMTP_ERROR } from "../modules/mail/mail.service.js";
import { openServices } from "../open-services.js";
import type { TOpenServices } from "../open-services.js";
import { openTestDatabase, testDatabaseKinds } from "../test-support/test-app.js";

/**
 * The server deployment: `shortlist serve` without its worker and a separate `shortlist worker`
 * process on one PostgreSQL database. A job sent by one process (here, the test's own services, as
 * `serve` would) is run by the other through pg-boss, woken by NOTIFY rather than by its poll.
 */
const CLI = ["--import", "tsx", "src/cli.ts"];

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!testDatabaseKinds().includes("postgres"))("a separate worker process", () => {
  let database: TDatabaseHandle | undefined;
  let opened: TOpenServices | undefined;
  let worker: ChildProcess | undefined;
  afterAll(async () => {
    worker?.kill("SIGKILL");
    await opened?.close();
    await database?.close();
  });

  it("runs a job another process sent on the shared server, and stops within 30 s on SIGTERM", async () => {
    database = await openTestDatabase("postgres");
    const url = database.url;
    if (!url) throw new Error("the test database has no URL");
    const env = {
      DATABASE_URL: url,
      SESSION_SECRET: randomBytes(32).toString("hex"),
      LOG_LEVEL: "warn",
    };
    // The web side first: it migrates and creates the queues, as `serve` does.
    opened = await openServices(parseConfig({ ...process.env, ...env }));
    const services = opened.services;

    worker = spawn(process.execPath, [...CLI, "worker"], {
      // At info the worker says when it is running.
      env: { ...process.env, ...env, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await until(
      () => Promise.resolve(output.includes("Shortlist worker is running") || undefined),
      60_000,
    ).catch(() => {
      throw new Error(`the worker did not start:\n${output}`);
    });

    const db = opened.handle.db;
    const sent = performance.now();
    const message = await db.transaction((tx) =>
      services.mailService.enqueueMail(
        { kind: "team_invite", to: "grace@example.com", values: {} },
        tx,
      ),
    );
    await services.mailService.wake();
    // Without SMTP the delivery job keeps the message in the outbox with the reason: proof it ran.
    const held = await until(async () => {
      const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, message.id));
      return row?.lastError ? row : undefined;
    }, 20_000);
    const ms = performance.now() - sent;
    expect(held).toMatchObject({ status: "queued", lastError: NO_SMTP_ERROR });
    // pg-boss's fallback poll is 2 s: well under it, the worker was woken by NOTIFY.
    expect(ms).toBeLessThan(1_500);

    const exited = new Promise<number | null>((resolve) => worker?.once("exit", resolve));
    const stopping = Date.now();
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(30_000);
    worker = undefined;
  }, 120_000);
});
