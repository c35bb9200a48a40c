import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  errorOf,
  HttpAgent,
  inviteAndAccept,
  setupAdmin,
  STRONG_PASSWORD,
} from "../../test-support/http-agent.js";
import { signInAtProvider, startOidcTestProvider } from "../../test-support/oidc-test-provider.js";
import { createTestApp, TEST_PUBLIC_URL, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { SSO_CALLBACK_PATH } from "./sso.routes.js";

const CALLBACK = `${TEST_PUBLIC_URL}${SSO_CALLBACK_PATH}`;

describe.each(testDatabaseKinds())("single sign-on over HTTP on %s", (kind) => {
  let ctx: TTestContext;
  let provider: Awaited<ReturnType<typeof startOidcTestProvider>>;
  let admin: HttpAgent;

  beforeAll(async () => {
    provider = await startOidcTestProvider({ redirectUri: CALLBACK });
    ctx = await createTestApp(kind, {
      sso: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        allowedDomains: ["acme.example"],
        displayName: "Acme SSO",
        passwordLogin: false,
      },
    });
    admin = await setupAdmin(ctx.app);
  });
  afterAll(async () => {
    await ctx.close();
    await provider.close();
  });

  /** The whole code flow in one browser: start, the provider's pages, the callback. */
  async function signIn(login: string, agent = new HttpAgent(ctx.app)) {
    const start = await agent.get("/api/auth/sso/start");
    expect(start.statusCode).toBe(302);
    const authorizationUrl = String(start.headers.location);
    expect(authorizationUrl.startsWith(provider.issuer)).toBe(true);
    const query = new URL(authorizationUrl).searchParams;
    expect(query.get("code_challenge_method")).toBe("S256");
    expect(query.get("state")).toBeTruthy();
    expect(query.get("nonce")).toBeTruthy();
    const back = await signInAtProvider(authorizationUrl, login, CALLBACK);
    const callback = await agent.get(`${back.pathname}${back.search}`);
    return { agent, callback, back };
  }

  async function whoIs(agent: HttpAgent) {
    return (await agent.get("/api/auth/session")).json<{
      user: { email: string; role: string; name: string } | null;
    }>().user;
  }

  it("tells the login page it is on, with its label and the password rule", async () => {
    const described = await new HttpAgent(ctx.app).get("/api/auth/sso");
    expect(described.json()).toEqual({
      enabled: true,
      displayName: "Acme SSO",
      passwordLogin: false,
    });
  });

  it("links a first sign-in to the open invite for that address, with the invite's role", async () => {
    const invite = await admin.post("/api/invites", {
      email: "hana@partner.example",
      name: "Hana Meyer",
      role: "hiring_manager",
    });
    expect(invite.statusCode).toBe(201);
    provider.addAccount("hana", {
      email: "Hana@Partner.example",
      email_verified: true,
      name: "H. Meyer",
    });
    const { agent, callback } = await signIn("hana");
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe("/");
    expect(await whoIs(agent)).toMatchObject({
      email: "hana@partner.example",
      role: "hiring_manager",
      name: "Hana Meyer",
    });
    const invites = (await admin.get("/api/invites")).json<{
      invites: { email: string; status: string }[];
    }>().invites;
    expect(invites.find((i) => i.email === "hana@partner.example")?.status).toBe("accepted");

    // The same person again: the identity is known, the same account, no second one.
    const again = await signIn("hana");
    expect((await whoIs(again.agent))?.email).toBe("hana@partner.example");
    const users = (await admin.get("/api/users")).json<{ users: { email: string }[] }>().users;
    expect(users.filter((u) => u.email === "hana@partner.example")).toHaveLength(1);
  });

  it("creates an interviewer for an allowed domain, and refuses any other uninvited address", async () => {
    provider.addAccount("rui", {
      email: "rui@acme.example",
      email_verified: true,
      name: "Rui Costa",
    });
    const { agent } = await signIn("rui");
    expect(await whoIs(agent)).toMatchObject({
      email: "rui@acme.example",
      role: "interviewer",
      name: "Rui Costa",
    });

    provider.addAccount("eve", {
      email: "eve@elsewhere.example",
      email_verified: true,
      name: "Eve",
    });
    const refused = await signIn("eve");
    expect(refused.callback.statusCode).toBe(303);
    expect(refused.callback.headers.location).toBe("/login?sso_error=not_invited");
    expect(await whoIs(refused.agent)).toBeNull();
  });

  it("refuses an address the provider has not verified", async () => {
    provider.addAccount("ivy", { email: "ivy@acme.example", email_verified: false, name: "Ivy" });
    const { agent, callback } = await signIn("ivy");
    expect(callback.headers.location).toBe("/login?sso_error=email_unverified");
    expect(await whoIs(agent)).toBeNull();
  });

  it("refuses a callback whose state does not match, and a replayed one", async () => {
    provider.addAccount("sam", { email: "sam@acme.example", email_verified: true, name: "Sam" });
    const agent = new HttpAgent(ctx.app);
    const start = await agent.get("/api/auth/sso/start");
    const back = await signInAtProvider(String(start.headers.location), "sam", CALLBACK);
    const forged = new URLSearchParams(back.search);
    forged.set("state", "not-the-state-we-sent");
    const wrongState = await agent.get(`${back.pathname}?${forged.toString()}`);
    expect(wrongState.headers.location).toBe("/login?sso_error=provider_error");
    expect(await whoIs(agent)).toBeNull();
    // The pending sign-in was used up: the genuine callback, replayed, finds nothing under way.
    const replay = await agent.get(`${back.pathname}${back.search}`);
    expect(replay.headers.location).toBe("/login?sso_error=expired");
    expect(await whoIs(agent)).toBeNull();
  });

  it("links an existing password account by its verified address; then its password is refused", async () => {
    await inviteAndAccept(ctx.app, admin, "lin@acme.example", "recruiter");
    const before = await new HttpAgent(ctx.app).post("/api/auth/login", {
      email: "lin@acme.example",
      password: STRONG_PASSWORD,
    });
    expect(before.statusCode).toBe(200);

    provider.addAccount("lin", { email: "lin@acme.example", email_verified: true, name: "Lin" });
    const { agent } = await signIn("lin");
    expect(await whoIs(agent)).toMatchObject({ email: "lin@acme.example", role: "recruiter" });

    const after = await new HttpAgent(ctx.app).post("/api/auth/login", {
      email: "lin@acme.example",
      password: STRONG_PASSWORD,
    });
    expect(after.statusCode).toBe(403);
    expect(errorOf(after).message).toBe(
      'Your account signs in with Acme SSO. Use the "Sign in with Acme SSO" button.',
    );
    // A wrong password still reads as a wrong password: the rule tells nothing to a guesser.
    const wrong = await new HttpAgent(ctx.app).post("/api/auth/login", {
      email: "lin@acme.example",
      password: "not the password at all",
    });
    expect(wrong.statusCode).toBe(401);
    // The admin has no identity linked, so their password still works.
    const adminLogin = await new HttpAgent(ctx.app).post("/api/auth/login", {
      email: "admin@example.com",
      password: STRONG_PASSWORD,
    });
    expect(adminLogin.statusCode).toBe(200);
  });
});

describe("single sign-on switched off", () => {
  it("says so to the login page, and its routes send the browser back to the login page", async () => {
    const ctx = await createTestApp("pglite");
    try {
      const visitor = new HttpAgent(ctx.app);
      expect((await visitor.get("/api/auth/sso")).json()).toEqual({
        enabled: false,
        displayName: null,
        passwordLogin: true,
      });
      const start = await visitor.get("/api/auth/sso/start");
      expect(start.statusCode).toBe(303);
      expect(start.headers.location).toBe("/login?sso_error=not_configured");
    } finally {
      await ctx.close();
    }
  });
});
