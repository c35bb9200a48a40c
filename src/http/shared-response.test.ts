import { brotliDecompressSync, gunzipSync } from "node:zlib";
import compress from "@fastify/compress";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferredEncoding, sendShared } from "./shared-response.js";

describe("preferredEncoding", () => {
  it.each([
    ["br, gzip", "br"],
    ["gzip, deflate, br;q=0.5", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["*", "br"],
    ["*;q=0, gzip", "gzip"],
    ["deflate", null],
    ["identity", null],
    ["", null],
  ])("%j → %j", (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
  it("reads a header given more than once", () => {
    expect(preferredEncoding(["deflate", "gzip"])).toBe("gzip");
    expect(preferredEncoding(undefined)).toBeNull();
  });
});

describe("sendShared", () => {
  const app = Fastify();
  let serialized = 0;
  // One object shared by every request, as a read cache hands out until the data changes.
  const shared = { rows: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `row ${i}` })) };
  let fresh = 0;

  beforeAll(async () => {
    await app.register(compress, { encodings: ["br", "gzip"], threshold: 1024 });
    app.setSerializerCompiler(() => (data) => {
      serialized += 1;
      return JSON.stringify(data);
    });
    const schema = { response: { 200: { type: "object" } } };
    app.get("/shared", { schema }, async (request, reply) => sendShared(request, reply, shared));
    app.get("/fresh", { schema }, async (request, reply) =>
      sendShared(request, reply, { n: (fresh += 1) }),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  const get = (url: string, encoding?: string) =>
    app.inject({ url, headers: encoding ? { "accept-encoding": encoding } : {} });

  it("serializes and compresses a shared object once, whatever the number of requests", async () => {
    serialized = 0;
    const first = await get("/shared", "br, gzip");
    const second = await get("/shared", "br");
    expect(first.headers["content-encoding"]).toBe("br");
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(JSON.parse(brotliDecompressSync(first.rawPayload).toString())).toEqual(shared);
    const gzip = await get("/shared", "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(shared);
    const plain = await get("/shared");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.json()).toEqual(shared);
    expect(serialized).toBe(1);
  });

  it("serializes each new object, and leaves a small one uncompressed", async () => {
    serialized = 0;
    const a = await get("/fresh", "br");
    const b = await get("/fresh", "br");
    expect([a.json(), b.json()]).toEqual([{ n: 1 }, { n: 2 }]);
    expect(a.headers["content-encoding"]).toBeUndefined();
    expect(serialized).toBe(2);
  });
});
