import { AppError } from "../errors.js";

/**
 * Each upload route declares the one form field its files come in; a part under any other name is
 * refused, naming both, rather than silently accepted.
 */
export function assertUploadField(part: { fieldname: string }, declared: string): void {
  if (part.fieldname === declared) return;
  const shown = part.fieldname.replace(/[^\w.-]/g, "?").slice(0, 60);
  throw new AppError(
    "VALIDATION_FAILED",
    `Send the file in the form field "${declared}", not "${shown}".`,
    {
      fields: [{ field: shown || "(unnamed)", message: `is not a known field; use "${declared}"` }],
    },
  );
}

/** A file name as we store and show it: no control characters (U+0000 cannot be stored). */
export function cleanUploadFilename(filename: string, fallback: string): string {
  const cleaned = filename.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 255);
  return cleaned || fallback;
}
