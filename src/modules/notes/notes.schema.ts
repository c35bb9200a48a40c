import { z } from "zod";
import { NUL_MESSAGE, ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

const ZPerson = z.object({ id: ZUuid, name: z.string() });

export const ZNote = z.object({
  id: ZUuid,
  body: z.string(),
  author: ZPerson.nullable(),
  mentioned: z.array(ZPerson),
  createdAt: ZIsoDateTime,
});

export const ZNotesResponse = z.object({
  notes: z.array(ZNote),
  /** Who `@name` reaches on this application: the people who can read its notes. */
  mentionable: z.array(ZPerson),
});

export const ZCreateNoteRequest = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1, "write something first")
    .max(5000, "keep a note under 5,000 characters")
    .refine((s) => !s.includes("\u0000"), NUL_MESSAGE),
});

export const ZNoteResponse = z.object({ note: ZNote });
