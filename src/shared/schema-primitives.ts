import { z } from "zod";
import "./zod-messages.js";

export const NUL_MESSAGE = "must not contain the NUL character (U+0000)";

/**
 * Where the first string holding U+0000 is in a request value (`items.2.name`, "" for the value
 * itself), or undefined. The HTTP validator (src/http/validation.ts) applies it to every route's
 * body, query, path and headers before the route's own schema runs.
 */
export function pathOfNul(value: unknown, depth = 0): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? "" : undefined;
  if (depth > 32 || value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    const inner = key.includes("\u0000") ? "" : pathOfNul(item, depth + 1);
    if (inner !== undefined) return inner ? `${key}.${inner}` : key;
  }
  return undefined;
}

export const ZEmail = z
  .string()
  .trim()
  .max(254, "must be at most 254 characters")
  .toLowerCase()
  .pipe(z.email("must be a valid e-mail address"));

export const ZPersonName = z
  .string()
  .trim()
  .min(1, "is required")
  .max(120, "must be at most 120 characters");

export const ZPassword = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");

export const ZUuid = z.uuid("must be a valid id");

export const ZIsoDateTime = z.iso.datetime({ offset: true });

/** A calendar day, `YYYY-MM-DD`. */
export const ZIsoDate = z.iso.date("must be a date like 2026-03-31");

export const ZOkResponse = z.object({ ok: z.literal(true) });
