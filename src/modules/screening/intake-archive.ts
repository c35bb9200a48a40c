import yauzl from "yauzl";
import type { Entry, ZipFile } from "yauzl";
import { MAX_RESUME_BYTES } from "./resume-extract.js";

export const MAX_INTAKE_FILES = 200;
/** A zip of 200 two-page résumés is ~20 MB; this leaves room for scanned ones without inviting abuse. */
export const MAX_INTAKE_ARCHIVE_BYTES = 100 * 1024 * 1024;
const MAX_TOTAL_UNPACKED = 400 * 1024 * 1024;

/** One file of a bulk upload: its bytes, or why it was refused before it was even stored. */
export type TIntakeEntry =
  | { filename: string; mime: string; bytes: Buffer }
  | { filename: string; refused: string; errorCode: "resume_too_large" | "intake_failed" };

export class IntakeArchiveError extends Error {}

export function isZipUpload(filename: string, bytes: Uint8Array): boolean {
  return (
    filename.toLowerCase().endsWith(".zip") &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05)
  );
}

const skipEntry = (name: string) =>
  name.endsWith("/") || name.startsWith("__MACOSX/") || /(^|\/)\.[^/]*$/.test(name);

/**
 * Reads a zip in memory. Sizes are checked against the central directory before inflating and
 * again while inflating (validateEntrySizes), so a zip bomb stops at the limit; paths are only
 * used as display names, never written to disk.
 */
export async function unpackIntakeZip(archiveName: string, bytes: Buffer): Promise<TIntakeEntry[]> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, file) =>
      error ? reject(error) : resolve(file),
    ),
  ).catch((error: unknown) => {
    throw new IntakeArchiveError(
      `“${archiveName}” is not a readable zip archive (${error instanceof Error ? error.message : "unknown error"}).`,
    );
  });
  const entries: TIntakeEntry[] = [];
  let total = 0;
  // A buffer-backed zip holds no file descriptor, so there is nothing to close on either path.
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: Entry) => {
      const name = entry.fileName;
      if (skipEntry(name)) return zip.readEntry();
      const filename = name.split("/").at(-1) ?? name;
      if (entries.length >= MAX_INTAKE_FILES) {
        reject(
          new IntakeArchiveError(
            `“${archiveName}” holds more than ${MAX_INTAKE_FILES} files; split it into smaller batches.`,
          ),
        );
        return;
      }
      if (entry.uncompressedSize > MAX_RESUME_BYTES) {
        entries.push({
          filename,
          refused: `“${filename}” is ${(entry.uncompressedSize / 1024 / 1024).toFixed(1)} MB; résumés can be at most ${MAX_RESUME_BYTES / 1024 / 1024} MB.`,
          errorCode: "resume_too_large",
        });
        return zip.readEntry();
      }
      total += entry.uncompressedSize;
      if (total > MAX_TOTAL_UNPACKED) {
        reject(new IntakeArchiveError(`“${archiveName}” unpacks to more than 400 MB.`));
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) {
          entries.push({
            filename,
            refused: `“${filename}” could not be read from the archive (${error.message}).`,
            errorCode: "intake_failed",
          });
          return zip.readEntry();
        }
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", (streamError) => {
          entries.push({
            filename,
            refused: `“${filename}” is damaged inside the archive (${streamError.message}).`,
            errorCode: "intake_failed",
          });
          zip.readEntry();
        });
        stream.on("end", () => {
          entries.push({ filename, mime: "", bytes: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}
