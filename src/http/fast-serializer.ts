import fastJson from "fast-json-stringify";
import type { Schema } from "fast-json-stringify";
import { z } from "zod";

/**
 * A serializer for routes whose answers are large and hot (the shortlist: 100 rows, about 720 KB):
 * fast-json-stringify compiled once from the route's zod response schema. Like the zod serializer
 * of every other route, it writes only the properties the schema names, so a field the schema
 * leaves out never reaches the client. Unlike it, it does not re-check lengths and ranges while
 * answering: the route's tests parse its answers with the same zod schema instead. Measured on a
 * shortlist answer (bench/README.md, "Shortlist"): zod's encode plus JSON.stringify took about 9×
 * as long as this, and copied the whole answer once more for the garbage collector.
 */
export function fastSerializerCompiler({ schema }: { schema: unknown }) {
  if (!(schema instanceof z.ZodType))
    throw new Error("fastSerializerCompiler needs a zod response schema");
  const json = z.toJSONSchema(schema, {
    io: "output",
    target: "draft-07",
    // Dates and other values without a JSON Schema are written as JSON.stringify would.
    unrepresentable: "any",
  });
  return fastJson(nullableInPlace(json) as Schema);
}

/**
 * zod writes `.nullable()` as `anyOf: [schema, {type: "null"}]`. fast-json-stringify picks an
 * `anyOf` branch by validating the value against each, so an object with a property the schema
 * does not name would match neither branch and fail the answer, where a plain object drops the
 * property. Written as `nullable: true` it is serialized like any other object, and without
 * running a validator per value.
 */
function nullableInPlace(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableInPlace);
  if (!node || typeof node !== "object") return node;
  const entries = Object.entries(node).map(([key, value]) => [key, nullableInPlace(value)]);
  const out = Object.fromEntries(entries) as Record<string, unknown>;
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const isNull = (s: unknown) =>
      !!s && typeof s === "object" && (s as { type?: unknown }).type === "null";
    const other: unknown = (anyOf as unknown[]).find((s) => !isNull(s));
    if (
      (anyOf as unknown[]).some(isNull) &&
      other &&
      typeof other === "object" &&
      !("anyOf" in other)
    ) {
      delete out.anyOf;
      return { ...out, ...other, nullable: true };
    }
  }
  return out;
}
