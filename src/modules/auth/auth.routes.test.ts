import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { errorOf, HttpAgent, setupAdmin, STRONG_PASSWORD } from "../../test-support/http-agent.js";

describe.each(testDatabaseKinds())("auth over HTTP on %s", (kind) => {
  let ctx: TTestContext;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
  });
  afterAll(async () => ctx.close());

  it("reports setup needed, creates the first admin once, then refuses a second setup", async () => {
    const visitor = new HttpAgent(ctx.app);
    const session = await visitor.refreshSession();
    expect(session.json()).toMatchObject({ user: null, setupNeeded: true });
    // Anonymous visitors get a CSRF cookie but no session row.
    expect(visitor.cookie("sl_session")).toBeUndefined();

    const admin = await setupAdmin(ctx.app);
    const me = await admin.get("/api/auth/session");
    expect(me.json()).toMatchObject({
      user: { email: "admin@example.com", role: "admin" },
      setupNeeded: false,
    });

    const again = await new HttpAgent(ctx.app).post("/api/auth/setup", {
      email: "mallory@example.com",
      name: "Mallory",
      password: STRONG_PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe("ALREADY_SET_UP");
  });

  it("logs in, and answers a wrong password and an unknown account identically", async () => {
    const agent = new HttpAgent(ctx.app);
    const wrong = await agent.post("/api/auth/login", {
      email: "admin@example.com",
      password: "nope-nope-nope",
    });
    const unknown = await agent.post("/api/auth/login", {
      email: "ghost@example.com",
      password: "nope-nope-nope",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(errorOf(wrong).message).toBe(errorOf(unknown).message);
    expect(errorOf(wrong).code).toBe("INVALID_CREDENTIALS");

    const ok = await agent.post("/api/auth/login", {
      email: "ADMIN@example.com ",
      password: STRONG_PASSWORD,
    });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === "sl_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect((await agent.get("/api/users")).statusCode).toBe(200);
  });

  it("refuses a state change without the CSRF header, and accepts it with one", async () => {
    const agent = new HttpAgent(ctx.app);
    await agent.post("/api/auth/login", { email: "admin@example.com", password: STRONG_PASSWORD });
    const forged = await agent.request({
      method: "POST",
      url: "/api/me/api-tokens",
      payload: { name: "forged" },
      withCsrf: false,
    });
    expect(forged.statusCode).toBe(403);
    expect(errorOf(forged).code).toBe("CSRF_FAILED");
    const genuine = await agent.post("/api/me/api-tokens", { name: "genuine" });
    expect(genuine.statusCode).toBe(201);
  });

  it("logs out: the old session cookie stops working", async () => {
    const agent = new HttpAgent(ctx.app);
    await agent.post("/api/auth/login", { email: "admin@example.com", password: STRONG_PASSWORD });
    const sessionCookie = agent.cookie("sl_session");
    expect(sessionCookie).toBeDefined();
    expect((await agent.post("/api/auth/logout")).statusCode).toBe(200);
    const replay = await ctx.app.inject({
      method: "GET",
      url: "/api/users",
      headers: { cookie: `sl_session=${sessionCookie ?? ""}` },
    });
    expect(replay.statusCode).toBe(401);
  });

  it("rate-limits repeated logins for one account", async () => {
    const limited = await createTestApp(kind, { loginRateLimitPerMinute: 3 });
    try {
      const agent = new HttpAgent(limited.app);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (
            await agent.post("/api/auth/login", {
              email: "x@example.com",
              password: "wrong-password",
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("cookies behind a TLS-terminating proxy", () => {
  it("are Secure when PUBLIC_URL is https even though the request arrived over http", async () => {
    const ctx = await createTestApp("pglite", { secureCookies: true });
    try {
      const agent = new HttpAgent(ctx.app);
      const response = await agent.post("/api/auth/setup", {
        email: "tls@example.com",
        name: "T",
        password: STRONG_PASSWORD,
      });
      expect(response.cookies.find((c) => c.name === "sl_session")).toMatchObject({
        secure: true,
        httpOnly: true,
      });
    } finally {
      await ctx.close();
    }
  });
});

describe.each(testDatabaseKinds())("concurrent first-run setup on %s", (kind) => {
  it("creates exactly one admin when two setups race", async () => {
    const ctx = await createTestApp(kind);
    try {
      const [a, b] = [new HttpAgent(ctx.app), new HttpAgent(ctx.app)];
      await Promise.all([a.refreshSession(), b.refreshSession()]);
      const results = await Promise.all([
        a.post("/api/auth/setup", {
          email: "one@example.com",
          name: "One",
          password: STRONG_PASSWORD,
        }),
        b.post("/api/auth/setup", {
          email: "two@example.com",
          name: "Two",
          password: STRONG_PASSWORD,
        }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(await ctx.services.usersRepo.countUsers()).toBe(1);
    } finally {
      await ctx.close();
    }
  });
});
