import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import {
  errorOf,
  HttpAgent,
  inviteAndAccept,
  setupAdmin,
  STRONG_PASSWORD,
} from "../../test-support/http-agent.js";

describe.each(testDatabaseKinds())("sessions and CSRF on %s", (kind) => {
  let ctx: TTestContext;
  let admin: HttpAgent;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    admin = await setupAdmin(ctx.app);
    await inviteAndAccept(ctx.app, admin, "bea@example.com", "recruiter");
    await inviteAndAccept(ctx.app, admin, "cho@example.com", "recruiter");
  });
  afterAll(async () => ctx.close());

  async function signIn(email: string, agent = new HttpAgent(ctx.app)) {
    const response = await agent.post("/api/auth/login", { email, password: STRONG_PASSWORD });
    expect(response.statusCode).toBe(200);
    return { agent, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
  }

  it("refuses an anonymously fetched CSRF token sent with a victim's session cookie", async () => {
    const victim = await signIn("bea@example.com");
    const attacker = new HttpAgent(ctx.app);
    const anonymousToken = (await attacker.refreshSession()).json<{ csrfToken: string }>()
      .csrfToken;
    const forged = await ctx.app.inject({
      method: "POST",
      url: "/api/me/api-tokens",
      payload: { name: "forged" },
      headers: {
        cookie: `sl_session=${victim.agent.cookie("sl_session")}; sl_csrf=${attacker.cookie("sl_csrf")}`,
        "x-csrf-token": anonymousToken,
      },
    });
    expect(forged.statusCode).toBe(403);
    expect(errorOf(forged).code).toBe("CSRF_FAILED");
    // The victim's own session-bound token works.
    expect((await victim.agent.post("/api/me/api-tokens", { name: "mine" })).statusCode).toBe(201);
  });

  it("rotates the token at login: the token from before signing in no longer works", async () => {
    const agent = new HttpAgent(ctx.app);
    const before = (await agent.refreshSession()).json<{ csrfToken: string }>().csrfToken;
    const { csrfToken: after } = await signIn("bea@example.com", agent);
    expect(after).not.toBe(before);
    const stale = await agent.request({
      method: "POST",
      url: "/api/me/api-tokens",
      payload: { name: "stale" },
      headers: { "x-csrf-token": before },
      withCsrf: false,
    });
    expect(stale.statusCode).toBe(403);
    const session = (await agent.get("/api/auth/session")).json<{ csrfToken: string }>();
    expect(session.csrfToken).toBe(after);
  });

  it("signing in as B in a browser holding A's session ends A's session on the server", async () => {
    const { agent } = await signIn("bea@example.com");
    const sessionOfA = agent.cookie("sl_session") ?? "";
    await signIn("cho@example.com", agent);
    const replayed = await ctx.app.inject({
      method: "GET",
      url: "/api/auth/session",
      headers: { cookie: `sl_session=${sessionOfA}` },
    });
    expect(replayed.json<{ user: unknown }>().user).toBeNull();
    expect(
      (await agent.get("/api/auth/session")).json<{ user: { email: string } }>().user.email,
    ).toBe("cho@example.com");
  });

  it("lists a user's sessions and revokes one, then all the others, never another user's", async () => {
    const laptop = await signIn("cho@example.com");
    const phone = await signIn("cho@example.com");
    const tablet = await signIn("cho@example.com");
    const listed = (await laptop.agent.get("/api/me/sessions")).json<{
      sessions: { id: string; current: boolean; userAgent: string | null }[];
    }>().sessions;
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    const phoneId = (await phone.agent.get("/api/me/sessions"))
      .json<{ sessions: { id: string; current: boolean }[] }>()
      .sessions.find((s) => s.current)?.id;
    // Another user cannot end it: it does not exist for them.
    expect((await admin.delete(`/api/me/sessions/${phoneId}`)).statusCode).toBe(404);
    expect((await laptop.agent.delete(`/api/me/sessions/${phoneId}`)).statusCode).toBe(200);
    expect((await phone.agent.get("/api/me/sessions")).statusCode).toBe(401);
    expect((await tablet.agent.get("/api/me/sessions")).statusCode).toBe(200);
    const all = await laptop.agent.delete("/api/me/sessions");
    expect(all.json<{ revoked: number }>().revoked).toBeGreaterThanOrEqual(1);
    expect((await tablet.agent.get("/api/me/sessions")).statusCode).toBe(401);
    const left = (await laptop.agent.get("/api/me/sessions")).json<{ sessions: unknown[] }>();
    expect(left.sessions).toHaveLength(1);
    expect((await admin.get("/api/audit")).body).toContain("auth.session_revoked");
  });
});
