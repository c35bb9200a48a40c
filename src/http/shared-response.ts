import zlib from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";

/** Brotli quality for API responses: at 4 it costs about what gzip does per byte (app.ts too). */
export const API_BROTLI_QUALITY = 4;
/** Below this many bytes a response goes out uncompressed, as @fastify/compress does (app.ts). */
export const API_COMPRESS_THRESHOLD = 1024;

type TEncoding = "br" | "gzip";
type TEncoded = { json: string; br?: Buffer; gzip?: Buffer };

/**
 * Bytes already made for a payload object, kept as long as the object lives. The read caches
 * (shared/versioned-cache.ts) hand every request of a reader the same object until the data
 * changes, so keying on the object itself caches its JSON and compressed forms exactly as long as
 * the cache keeps it, and never across readers: each reader's page is its own object.
 */
const encoded = new WeakMap<object, TEncoded>();

/**
 * The encoding to answer with: brotli, else gzip, when the request accepts it (a `q=0` refuses
 * it; `*` accepts both). Anything else is left to @fastify/compress, which negotiates in full.
 */
export function preferredEncoding(
  header: string | readonly string[] | undefined,
): TEncoding | null {
  const text = typeof header === "string" ? header : (header ?? []).join(",");
  const quality = new Map<string, number>();
  for (const part of text.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = q === undefined ? 1 : Number(q.slice(2));
    quality.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: TEncoding) => (quality.get(name) ?? quality.get("*") ?? 0) > 0;
  return accepts("br") ? "br" : accepts("gzip") ? "gzip" : null;
}

function compress(json: string, encoding: TEncoding) {
  return encoding === "br"
    ? zlib.brotliCompressSync(json, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: API_BROTLI_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json),
        },
      })
    : zlib.gzipSync(json);
}

/**
 * Answers with `payload` through the route's own response serializer (so the schema still checks
 * it), serialized and compressed once per object: a page served from a read cache costs a lookup
 * here instead of a serialization and a compression per request (issue 14).
 */
export function sendShared(request: FastifyRequest, reply: FastifyReply, payload: object) {
  let entry = encoded.get(payload);
  if (!entry) {
    entry = { json: reply.serialize(payload) as string };
    encoded.set(payload, entry);
  }
  reply.type("application/json; charset=utf-8");
  const encoding =
    entry.json.length >= API_COMPRESS_THRESHOLD
      ? preferredEncoding(request.headers["accept-encoding"])
      : null;
  if (!encoding) return reply.send(entry.json);
  const body = (entry[encoding] ??= compress(entry.json, encoding));
  const vary = reply.getHeader("vary");
  if (
    !String(vary ?? "")
      .toLowerCase()
      .includes("accept-encoding")
  )
    reply.header("vary", vary ? `${String(vary)}, Accept-Encoding` : "Accept-Encoding");
  return reply.header("content-encoding", encoding).send(body);
}
