import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { errorOf, setupAdmin } from "../../test-support/http-agent.js";
import type { HttpAgent } from "../../test-support/http-agent.js";

describe.each(testDatabaseKinds())("personal API tokens on %s", (kind) => {
  let ctx: TTestContext;
  let admin: HttpAgent;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    admin = await setupAdmin(ctx.app);
  });
  afterAll(async () => ctx.close());

  it("authenticates scripts with a bearer token, without CSRF, until it is revoked", async () => {
    const created = await admin.post("/api/me/api-tokens", { name: "nightly export" });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json<{
      token: string;
      apiToken: { id: string; prefix: string };
    }>();
    expect(token.startsWith(apiToken.prefix)).toBe(true);

    // No cookie, no CSRF header: a state change with only the token works.
    const viaToken = await ctx.app.inject({
      method: "POST",
      url: "/api/invites",
      headers: { authorization: `Bearer ${token}` },
      payload: { email: "bob@example.com", name: "Bob", role: "recruiter" },
    });
    expect(viaToken.statusCode).toBe(201);

    // Listing never shows the secret again.
    expect((await admin.get("/api/me/api-tokens")).body).not.toContain(token);

    expect((await admin.delete(`/api/me/api-tokens/${apiToken.id}`)).statusCode).toBe(200);
    const revoked = await ctx.app.inject({
      method: "GET",
      url: "/api/users",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it("rejects malformed and unknown bearer tokens with 401 and does not fall back to the cookie", async () => {
    const malformed = await admin.request({
      method: "GET",
      url: "/api/users",
      headers: { authorization: "Token abc" },
    });
    expect(malformed.statusCode).toBe(401);
    const unknown = await admin.request({
      method: "GET",
      url: "/api/users",
      headers: { authorization: "Bearer slt_nope" },
    });
    expect(unknown.statusCode).toBe(401);
    expect(errorOf(unknown).code).toBe("UNAUTHENTICATED");
  });

  it("records token creation in the audit log without the secret", async () => {
    const events = (await admin.get("/api/audit?action=api_token.created")).body;
    expect(events).toContain("nightly export");
    expect(events).not.toMatch(/slt_[A-Za-z0-9_-]{20,}/);
  });
});
