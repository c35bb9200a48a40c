import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_PUBLIC_URL, testDatabaseKinds } from "../test-support/test-app.js";
import type { TTestContext } from "../test-support/test-app.js";
import { errorOf, setupAdmin } from "../test-support/http-agent.js";
import type { HttpAgent } from "../test-support/http-agent.js";

describe.each(testDatabaseKinds())("bad input gets a clear 4xx on %s", (kind) => {
  let ctx: TTestContext;
  let admin: HttpAgent;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    admin = await setupAdmin(ctx.app);
  });
  afterAll(async () => ctx.close());

  it("malformed JSON → 400 INVALID_JSON with a request id", async () => {
    const response = await admin.request({
      method: "POST",
      url: "/api/invites",
      payload: '{"email": "x@example.com",',
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe("INVALID_JSON");
    expect(error.requestId).toBe(response.headers["x-request-id"]);
  });

  it("unknown fields → 400 naming each field", async () => {
    const response = await admin.post("/api/invites", {
      email: "x@example.com",
      name: "X",
      role: "admin",
      isRoot: true,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).fields).toEqual([
      { field: "isRoot", message: "is not a known field" },
    ]);
    expect(errorOf(response).message).toBe(
      "Please check your input: “isRoot” is not a known field.",
    );
  });

  it("the summary names fields as people say them; an empty list reads as empty", async () => {
    const { humanFieldName } = await import("./error-handler.js");
    expect(humanFieldName("interviewerIds")).toBe("interviewers");
    expect(humanFieldName("query.stageId")).toBe("stage");
    expect(humanFieldName("items.2.keyTakeaways")).toBe("key takeaways (item 3)");
    const { z } = await import("zod");
    const parsed = z.array(z.string()).min(1).max(3).safeParse([]);
    expect(parsed.error?.issues[0]?.message).toBe("must not be empty");
    const tooMany = z.array(z.string()).max(1).safeParse(["a", "b"]);
    expect(tooMany.error?.issues[0]?.message).toBe("must have at most 1 item");
  });

  it("a string over its bound and a bad enum → 400 naming the fields", async () => {
    const response = await admin.post("/api/invites", {
      email: "x@example.com",
      name: "n".repeat(121),
      role: "owner",
    });
    expect(response.statusCode).toBe(400);
    const fields = errorOf(response).fields ?? [];
    expect(fields).toContainEqual({ field: "name", message: "must be at most 120 characters" });
    expect(fields.find((f) => f.field === "role")?.message).toMatch(
      /must be one of: admin, recruiter, hiring_manager, interviewer/,
    );
  });

  it("a missing field says it is required; a bad id in the path names the path parameter", async () => {
    const missing = await admin.post("/api/invites", { name: "X", role: "admin" });
    expect(errorOf(missing).fields).toContainEqual({ field: "email", message: "is required" });
    const badId = await admin.patch("/api/users/not-a-uuid", { role: "admin" });
    expect(badId.statusCode).toBe(400);
    expect(errorOf(badId).fields?.[0]?.field).toBe("path.userId");
  });

  it("a body over the 1 MB limit → 413, and the server keeps serving", async () => {
    const response = await admin.post("/api/invites", {
      email: "x@example.com",
      name: "X",
      role: "admin",
      pad: "x".repeat(1_100_000),
    });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe("PAYLOAD_TOO_LARGE");
    expect((await admin.get("/api/users")).statusCode).toBe(200);
  });

  it("an unknown API path → JSON 404; an unknown page → the web app (or a hint when it is not built)", async () => {
    const api = await admin.get("/api/nope");
    expect(api.statusCode).toBe(404);
    expect(errorOf(api).code).toBe("NOT_FOUND");
    const page = await admin.get("/some/deep/link");
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain("web app has not been built");
  });

  it("sends security headers with a CSP that allows no inline script", async () => {
    const response = await admin.get("/api/health");
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("serves the OpenAPI document with an operationId on every operation", async () => {
    const spec = (await admin.get("/api/openapi.json")).json<{
      paths: Record<string, Record<string, { operationId?: string }>>;
    }>();
    const operations = Object.values(spec.paths).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThan(10);
    expect(operations.filter((op) => !op.operationId)).toEqual([]);
  });

  it("U+0000 anywhere in a body or query → 400 naming the field, never a 500", async () => {
    const query = await admin.get("/api/candidates?q=%00");
    expect(query.statusCode).toBe(400);
    expect(errorOf(query).fields).toEqual([
      { field: "query.q", message: "must not contain the NUL character (U+0000)" },
    ]);
    const body = await admin.post("/api/invites", {
      email: "nul@example.com",
      name: "Null\u0000Byte",
      role: "admin",
    });
    expect(body.statusCode).toBe(400);
    expect(errorOf(body).fields?.[0]?.field).toBe("name");
    expect(errorOf(body).requestId).toBe(body.headers["x-request-id"]);
    const nested = await admin.post("/api/invites", { email: "x@example.com", ["k\u0000"]: 1 });
    expect(errorOf(nested).fields?.[0]?.field).toBe("k\u0000");
  });

  it("a path parameter over the router's limit → 414 in our error shape", async () => {
    const response = await admin.get(`/api/candidates/${"a".repeat(600)}`);
    expect(response.statusCode).toBe(414);
    expect(errorOf(response).code).toBe("URI_TOO_LONG");
  });

  it("headers over Node's limit → 431 in our error shape, on a real socket", async () => {
    const server = await createTestApp(kind);
    try {
      const address = await server.app.listen({ port: 0, host: "127.0.0.1" });
      const { port } = new URL(address);
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), "127.0.0.1", () => {
          socket.write(
            `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
          );
        });
        let text = "";
        socket.on("data", (chunk) => (text += chunk.toString()));
        socket.on("close", () => resolve(text));
        socket.on("error", reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 431/);
      const body = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4)) as {
        error: { code: string; requestId: string };
      };
      expect(body.error.code).toBe("HEADERS_TOO_LARGE");
      expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await server.close();
    }
  });

  it("links are built from the configured public URL, never the request's Host header", async () => {
    const response = await admin.request({
      method: "POST",
      url: "/api/invites",
      payload: { email: "host@example.com", name: "Host", role: "recruiter" },
      headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
    });
    expect(response.statusCode).toBe(201);
    const { inviteUrl } = response.json<{ inviteUrl: string }>();
    expect(inviteUrl.startsWith(`${TEST_PUBLIC_URL}/invite/`)).toBe(true);
  });
});
