import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app.js";
import type { TTestContext } from "../test-support/test-app.js";
import { setupAdmin } from "../test-support/http-agent.js";

describe("transfer: compression and caching", () => {
  let ctx: TTestContext;
  let dist: string;
  const script = `console.log(${JSON.stringify("x".repeat(4000))});`;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "shortlist-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Shortlist</title>");
    writeFileSync(join(dist, "assets", "index-abc123.js"), script);
    // What the build writes beside the asset; the server must send these bytes, not recompress.
    writeFileSync(join(dist, "assets", "index-abc123.js.br"), brotliCompressSync(script));
    ctx = await createTestApp("pglite", { webDistDir: dist });
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("compresses API responses with brotli or gzip, as the client accepts", async () => {
    const admin = await setupAdmin(ctx.app);
    const questions = (encoding: string) =>
      admin.request({
        method: "GET",
        url: "/api/questions",
        headers: { "accept-encoding": encoding },
      });
    const br = await questions("br, gzip");
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    const json = JSON.parse(brotliDecompressSync(br.rawPayload).toString()) as object;
    expect(json).toHaveProperty("questions");
    const gzip = await questions("gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.rawPayload).byteLength).toBeGreaterThan(gzip.rawPayload.byteLength * 3);
  });

  it("sends the precompressed asset with one-year immutable caching", async () => {
    const response = await ctx.app.inject({
      method: "GET",
      url: "/assets/index-abc123.js",
      headers: { "accept-encoding": "br" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it("keeps index.html revalidated, so a new build is picked up at once", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/applications/x" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-cache");
  });
});
