import { readdir } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import yauzl from "yauzl";
import yazl from "yazl";
import { AppError } from "../../errors.js";
import {
  isDropped,
  projectRootOf,
  projectRootRule,
  unsafeNameError,
} from "../../grader/submission-rules.js";

const MAX_ENTRIES = 2000;
/** Larger files are listed but not shown: nobody reads a 200 kB file in a browser panel. */
export const MAX_SHOWN_FILE_BYTES = 200 * 1024;

export type TZipFileEntry = { path: string; sizeBytes: number; entry: yauzl.Entry };

/** The file entries of a zip held in memory (directories skipped), at most MAX_ENTRIES. */
export async function listZipFiles(
  buffer: Buffer,
): Promise<{ zip: yauzl.ZipFile; files: TZipFileEntry[]; truncated: boolean }> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const files: TZipFileEntry[] = [];
  let truncated = false;
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      const name = entry.fileName.replace(/\\/g, "/");
      // What the grader drops is never part of what a reviewer needs to see either.
      if (!name.endsWith("/") && !isDropped(name))
        files.push({ path: name, sizeBytes: entry.uncompressedSize, entry });
      if (files.length >= MAX_ENTRIES) {
        truncated = true;
        resolve();
        return;
      }
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { zip, files, truncated };
}

/**
 * Checks an upload before it is stored: a readable zip, with files, with manage.py at the root or
 * in the one top folder. The grader enforces the rest (sizes unpacked, paths, symlinks) itself.
 */
export async function inspectUpload(buffer: Buffer): Promise<{ fileCount: number }> {
  if (buffer.length === 0) throw new AppError("VALIDATION_FAILED", "The uploaded file is empty.");
  let files: TZipFileEntry[];
  try {
    const listed = await listZipFiles(buffer);
    listed.zip.close();
    files = listed.files;
  } catch (error) {
    const unsafe = unsafeNameError(error);
    if (unsafe !== null) throw new AppError("VALIDATION_FAILED", unsafe.message);
    throw new AppError(
      "VALIDATION_FAILED",
      "The uploaded file is not a zip archive. Zip your project folder (the one with manage.py) and upload the .zip file.",
    );
  }
  if (files.length === 0) throw new AppError("VALIDATION_FAILED", "The zip archive is empty.");
  if (projectRootOf(files.map((f) => f.path)) === null)
    throw new AppError(
      "VALIDATION_FAILED",
      `The zip has no ${projectRootRule}. Zip the whole Django project folder.`,
    );
  return { fileCount: files.length };
}

/** One file's text, or `shown: false` when it is binary or too large. */
export async function readZipText(
  buffer: Buffer,
  filePath: string,
): Promise<{ path: string; sizeBytes: number; shown: boolean; content: string } | undefined> {
  const { zip, files } = await listZipFiles(buffer);
  try {
    const found = files.find((f) => f.path === filePath);
    if (!found) return undefined;
    const hidden = { path: found.path, sizeBytes: found.sizeBytes, shown: false, content: "" };
    if (found.sizeBytes > MAX_SHOWN_FILE_BYTES) return hidden;
    const stream = await zip.openReadStreamPromise(found.entry);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_SHOWN_FILE_BYTES) return hidden;
      chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks);
    if (bytes.includes(0)) return hidden;
    return { ...hidden, shown: true, content: bytes.toString("utf8") };
  } finally {
    zip.close();
  }
}

/** A zip of a pack's starter/ folder under one top folder, streamed as it is built. */
export async function zipDirectory(
  dir: string,
  topFolder: string,
  extraFiles: readonly { path: string; content: string }[] = [],
): Promise<Readable> {
  const zip = new yazl.ZipFile();
  for (const extra of extraFiles)
    zip.addBuffer(Buffer.from(extra.content), `${topFolder}/${extra.path}`);
  async function add(relative: string) {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      if (isDropped(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await add(child);
      else if (entry.isFile()) zip.addFile(path.join(dir, child), `${topFolder}/${child}`);
    }
  }
  await add("");
  zip.end();
  // yazl's stream is a PassThrough; wrap it so callers get a plain Readable.
  return Readable.from(zip.outputStream);
}
