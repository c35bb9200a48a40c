import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeServices } from "../compose.js";
import { openMemoryDatabase } from "../db/client.js";
import type { TDatabaseHandle } from "../db/client.js";
import { runMigrations } from "../db/migrate.js";
import { loggerOptions } from "../logger.js";
import { HttpAgent, STRONG_PASSWORD } from "../test-support/http-agent.js";
import { buildApp } from "../routes.js";
import { startJobQueue } from "../job-registry.js";
import type { TApp } from "./types.js";

describe("request logging", () => {
  const lines: string[] = [];
  let app: TApp;
  let handle: TDatabaseHandle;
  let boss: Awaited<ReturnType<typeof startJobQueue>>;

  beforeAll(async () => {
    handle = await openMemoryDatabase();
    await runMigrations(handle.db);
    // The invite below enqueues its e-mail, so pg-boss must be up with its queues, as in serve.
    boss = await startJobQueue(handle, { schedule: false });
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
        done();
      },
    });
    app = await buildApp({
      services: composeServices(handle, {
        sessionTtlHours: 24,
        publicUrl: "http://localhost:3000",
        boss,
      }),
      cookieSecret: randomBytes(32).toString("hex"),
      sessionTtlHours: 24,
      bodyLimitBytes: 1024 * 1024,
      trustProxy: false,
      logger: { ...loggerOptions("info"), stream },
      version: "test",
      databaseKind: "pglite",
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await boss.stop({ graceful: false, wait: true });
    await handle.close();
  });

  it("writes one structured line per request with its id, and no password, token or cookie", async () => {
    const agent = new HttpAgent(app);
    await agent.post("/api/auth/setup", {
      email: "log@example.com",
      name: "Log",
      password: STRONG_PASSWORD,
    });
    const token = (await agent.post("/api/me/api-tokens", { name: "t" })).json<{ token: string }>()
      .token;
    const invite = await app.inject({
      method: "POST",
      url: "/api/invites",
      headers: { authorization: `Bearer ${token}` },
      payload: { email: "new@example.com", name: "New", role: "interviewer" },
    });
    const inviteToken = invite.json<{ inviteUrl: string }>().inviteUrl.split("/invite/")[1] ?? "";
    await app.inject({ method: "GET", url: `/api/invite-links/${inviteToken}` });

    const requestLines = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === "request");
    expect(requestLines).toHaveLength(5);
    for (const line of requestLines) {
      expect(line).toMatchObject({
        reqId: expect.any(String) as string,
        status: expect.any(Number) as number,
      });
    }
    expect(requestLines.at(-1)).toMatchObject({ route: "/api/invite-links/:token", status: 200 });
    const everything = lines.join("\n");
    for (const secret of [
      STRONG_PASSWORD,
      token,
      inviteToken,
      agent.cookie("sl_session") ?? "no-cookie",
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});
