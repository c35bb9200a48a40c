import { z } from "zod";
import "./zod-messages.js";

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

export const ZOkResponse = z.object({ ok: z.literal(true) });
