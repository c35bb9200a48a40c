import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_PUBLIC_URL, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import {
  errorOf,
  HttpAgent,
  inviteAndAccept,
  setupAdmin,
  STRONG_PASSWORD,
} from "../../test-support/http-agent.js";

function tokenFromUrl(url: string): string {
  return url.split("/invite/")[1] ?? "";
}

describe.each(testDatabaseKinds())("team management over HTTP on %s", (kind) => {
  let ctx: TTestContext;
  let admin: HttpAgent;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    admin = await setupAdmin(ctx.app);
  });
  afterAll(async () => ctx.close());

  it("invites a user who accepts with a password and lands signed in with the invited role", async () => {
    const invite = await admin.post("/api/invites", {
      email: "Rita@Example.com",
      name: "Rita",
      role: "recruiter",
    });
    expect(invite.statusCode).toBe(201);
    const { inviteUrl, invite: created } = invite.json<{
      inviteUrl: string;
      invite: { email: string; status: string };
    }>();
    expect(created).toMatchObject({ email: "rita@example.com", status: "pending" });
    expect(inviteUrl.startsWith(`${TEST_PUBLIC_URL}/invite/sli_`)).toBe(true);

    const visitor = new HttpAgent(ctx.app);
    const preview = await visitor.get(`/api/invite-links/${tokenFromUrl(inviteUrl)}`);
    expect(preview.json()).toMatchObject({ email: "rita@example.com", role: "recruiter" });
    const accepted = await visitor.post(`/api/invite-links/${tokenFromUrl(inviteUrl)}/accept`, {
      password: STRONG_PASSWORD,
    });
    expect(accepted.statusCode).toBe(201);
    expect((await visitor.get("/api/auth/session")).json()).toMatchObject({
      user: { role: "recruiter" },
    });
    // Recruiters may not manage the team.
    expect((await visitor.get("/api/users")).statusCode).toBe(403);
  });

  it("answers a reused, withdrawn, expired or unknown invite link with a message that says so", async () => {
    const first = await admin.post("/api/invites", {
      email: "sam@example.com",
      name: "Sam",
      role: "interviewer",
    });
    const firstToken = tokenFromUrl(first.json<{ inviteUrl: string }>().inviteUrl);
    // A re-invite replaces the earlier link.
    const second = await admin.post("/api/invites", {
      email: "sam@example.com",
      name: "Sam",
      role: "interviewer",
    });
    const secondToken = tokenFromUrl(second.json<{ inviteUrl: string }>().inviteUrl);
    const visitor = new HttpAgent(ctx.app);

    const replaced = await visitor.get(`/api/invite-links/${firstToken}`);
    expect(replaced.statusCode).toBe(410);
    expect(errorOf(replaced).message).toMatch(/replaced or withdrawn/);

    await ctx.handle.db.execute(
      sql`update invites set expires_at = now() - interval '1 minute' where email = 'sam@example.com' and revoked_at is null`,
    );
    const expired = await visitor.post(`/api/invite-links/${secondToken}/accept`, {
      password: STRONG_PASSWORD,
    });
    expect(expired.statusCode).toBe(410);
    expect(errorOf(expired).message).toMatch(/expired/);

    const unknown = await visitor.get("/api/invite-links/sli_this-is-not-a-real-token");
    expect(unknown.statusCode).toBe(404);

    const third = await admin.post("/api/invites", {
      email: "sam@example.com",
      name: "Sam",
      role: "interviewer",
    });
    const thirdToken = tokenFromUrl(third.json<{ inviteUrl: string }>().inviteUrl);
    expect(
      (await visitor.post(`/api/invite-links/${thirdToken}/accept`, { password: STRONG_PASSWORD }))
        .statusCode,
    ).toBe(201);
    const reused = await new HttpAgent(ctx.app).post(`/api/invite-links/${thirdToken}/accept`, {
      password: STRONG_PASSWORD,
    });
    expect(reused.statusCode).toBe(410);
    expect(errorOf(reused).message).toMatch(/already been used/);
  });

  it("refuses to invite an address that already has an account", async () => {
    const response = await admin.post("/api/invites", {
      email: "admin@example.com",
      name: "Dup",
      role: "admin",
    });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).fields).toEqual([
      { field: "email", message: "already has an account" },
    ]);
  });

  it("changes roles, and keeps at least one admin", async () => {
    const { agent: colleague, userId } = await inviteAndAccept(
      ctx.app,
      admin,
      "carol@example.com",
      "interviewer",
    );
    const promoted = await admin.patch(`/api/users/${userId}`, { role: "hiring_manager" });
    expect(promoted.json()).toMatchObject({ user: { role: "hiring_manager" } });
    expect((await colleague.get("/api/auth/session")).json()).toMatchObject({
      user: { role: "hiring_manager" },
    });

    const me = (await admin.get("/api/auth/session")).json<{ user: { id: string } }>().user.id;
    const selfDemote = await admin.patch(`/api/users/${me}`, { role: "recruiter" });
    expect(selfDemote.statusCode).toBe(409);

    const audit = await admin.get(`/api/audit?action=user.updated`);
    const events = audit.json<{
      events: { before: { role: string }; after: { role: string }; actorLabel: string }[];
    }>().events;
    expect(events[0]).toMatchObject({
      before: { role: "interviewer" },
      after: { role: "hiring_manager" },
      actorLabel: "admin@example.com",
    });
  });

  it("disabling a user ends their sessions and API tokens at once", async () => {
    const { agent: dave, userId } = await inviteAndAccept(
      ctx.app,
      admin,
      "dave@example.com",
      "interviewer",
    );
    const token = (await dave.post("/api/me/api-tokens", { name: "script" })).json<{
      token: string;
    }>().token;
    const bearer = { authorization: `Bearer ${token}` };
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/me/api-tokens", headers: bearer }))
        .statusCode,
    ).toBe(200);

    expect((await admin.patch(`/api/users/${userId}`, { disabled: true })).statusCode).toBe(200);
    expect((await dave.get("/api/me/api-tokens")).statusCode).toBe(401);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/me/api-tokens", headers: bearer }))
        .statusCode,
    ).toBe(401);
    const login = await new HttpAgent(ctx.app).post("/api/auth/login", {
      email: "dave@example.com",
      password: STRONG_PASSWORD,
    });
    expect(login.statusCode).toBe(401);

    // Re-enabling lets them sign in again; old tokens stay revoked.
    expect((await admin.patch(`/api/users/${userId}`, { disabled: false })).statusCode).toBe(200);
    const again = await new HttpAgent(ctx.app).post("/api/auth/login", {
      email: "dave@example.com",
      password: STRONG_PASSWORD,
    });
    expect(again.statusCode).toBe(200);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/me/api-tokens", headers: bearer }))
        .statusCode,
    ).toBe(401);
  });

  it("withdraws a pending invite and lists only what admins may see", async () => {
    const created = await admin.post("/api/invites", {
      email: "eve@example.com",
      name: "Eve",
      role: "interviewer",
    });
    const { invite } = created.json<{ invite: { id: string } }>();
    expect((await admin.delete(`/api/invites/${invite.id}`)).statusCode).toBe(200);
    expect((await admin.delete(`/api/invites/${invite.id}`)).statusCode).toBe(409);
    const listed = (await admin.get("/api/invites")).body;
    expect(listed).not.toMatch(/token/i);
  });
});
