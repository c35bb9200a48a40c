import { createReadStream, createWriteStream } from "node:fs";
import { lstat, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import {
  checkEntryPath,
  isDropped,
  projectRootOf,
  projectRootRule,
  SubmissionError,
  unsafeNameError,
} from "./submission-rules.js";

export { SubmissionError } from "./submission-rules.js";

export const unpackLimits = {
  zipBytes: 5 * 1024 * 1024,
  unpackedBytes: 50 * 1024 * 1024,
  files: 2000,
};

export interface TUnpacked {
  /** Host dir holding manage.py. */
  projectDir: string;
  files: number;
  bytes: number;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

class Budget {
  files = 0;
  bytes = 0;
  /** Normalised relative paths of the files kept, for finding the project root. */
  readonly kept: string[] = [];
  addFile(name: string, relative: string): void {
    this.files += 1;
    this.kept.push(relative);
    if (this.files > unpackLimits.files) {
      throw new SubmissionError(
        `The submission has more than ${unpackLimits.files.toLocaleString("en")} files (at '${name}'). Ask the candidate to leave out virtualenvs, node_modules and build output.`,
      );
    }
  }
  addBytes(count: number): void {
    this.bytes += count;
    if (this.bytes > unpackLimits.unpackedBytes) {
      throw new SubmissionError(
        `The submission unpacks to more than ${megabytes(unpackLimits.unpackedBytes)}, the limit for a project. It may be a zip bomb, or include large files that should be left out.`,
      );
    }
  }
  counter(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        try {
          this.addBytes(chunk.length);
          callback(null, chunk);
        } catch (error) {
          callback(error as Error);
        }
      },
    });
  }
}

function unixMode(entry: yauzl.Entry): number {
  return (entry.externalFileAttributes >>> 16) & 0o170000;
}

async function isZip(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    const magic = buffer.subarray(0, bytesRead).toString("binary");
    return magic === "PK\x03\x04" || magic === "PK\x05\x06";
  } finally {
    await handle.close();
  }
}

async function extractZip(zipFile: string, staging: string, budget: Budget): Promise<void> {
  const size = (await stat(zipFile)).size;
  if (size > unpackLimits.zipBytes) {
    throw new SubmissionError(
      `The zip is ${megabytes(size)}; submissions are limited to ${megabytes(unpackLimits.zipBytes)}. Ask the candidate to leave out virtualenvs, databases and other large files.`,
    );
  }
  if (!(await isZip(zipFile))) {
    throw new SubmissionError(
      "The submission is not a zip file. Ask the candidate to upload their project as a .zip.",
    );
  }
  let zip: yauzl.ZipFile;
  try {
    // strictFileNames off: we check names ourselves to give a clearer message.
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(
        zipFile,
        { lazyEntries: true, strictFileNames: false, validateEntrySizes: true },
        (error, opened) => (error === null ? resolve(opened) : reject(error)),
      ),
    );
  } catch (error) {
    throw new SubmissionError(
      `The zip file is damaged and cannot be opened (${(error as Error).message}).`,
    );
  }
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        zip.once("entry", resolve);
        zip.once("end", () => resolve(null));
        zip.once("error", reject);
        zip.readEntry();
      });
      zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
      if (entry === null) break;
      await extractEntry(zip, entry, staging, budget);
    }
  } catch (error) {
    if (error instanceof SubmissionError) throw error;
    const message = (error as Error).message;
    // yauzl checks names itself and may refuse before we see the entry.
    const unsafe = unsafeNameError(error);
    if (unsafe !== null) throw unsafe;
    throw new SubmissionError(`The zip file is damaged and cannot be unpacked (${message}).`);
  } finally {
    zip.close();
  }
}

async function extractEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  staging: string,
  budget: Budget,
): Promise<void> {
  const relative = checkEntryPath(entry.fileName);
  const mode = unixMode(entry);
  if (mode === 0o120000) {
    throw new SubmissionError(
      `The submission contains a symbolic link ('${entry.fileName}'), which is not allowed.`,
    );
  }
  if (mode !== 0 && mode !== 0o100000 && mode !== 0o040000) {
    throw new SubmissionError(
      `The submission contains a special file ('${entry.fileName}'), which is not allowed.`,
    );
  }
  if (relative === "" || isDropped(relative)) return;
  const target = path.join(staging, relative);
  if (entry.fileName.endsWith("/") || mode === 0o040000) {
    await mkdir(target, { recursive: true });
    return;
  }
  budget.addFile(entry.fileName, relative);
  await mkdir(path.dirname(target), { recursive: true });
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (error, opened) =>
      error === null ? resolve(opened) : reject(error),
    ),
  );
  // flag "wx": a second entry with the same name must not overwrite (or follow) the first.
  await pipeline(stream, budget.counter(), createWriteStream(target, { flags: "wx", mode: 0o644 }));
}

async function copyDirectory(
  source: string,
  target: string,
  budget: Budget,
  relative = "",
): Promise<void> {
  await mkdir(target, { recursive: true });
  for (const name of (await readdir(source)).sort()) {
    const rel = relative === "" ? name : `${relative}/${name}`;
    if (isDropped(rel)) continue;
    const from = path.join(source, name);
    const info = await lstat(from);
    if (info.isSymbolicLink()) {
      throw new SubmissionError(
        `The submission contains a symbolic link ('${rel}'), which is not allowed.`,
      );
    }
    if (info.isDirectory()) {
      await copyDirectory(from, path.join(target, name), budget, rel);
    } else if (info.isFile()) {
      budget.addFile(rel, rel);
      await pipeline(
        createReadStream(from),
        budget.counter(),
        createWriteStream(path.join(target, name), { flags: "wx", mode: 0o644 }),
      );
    } else {
      throw new SubmissionError(
        `The submission contains a special file ('${rel}'), which is not allowed.`,
      );
    }
  }
}

function findProjectRoot(staging: string, kept: string[]): string {
  const root = projectRootOf(kept);
  if (root === null) {
    throw new SubmissionError(
      `No manage.py was found: a Django project we can run has ${projectRootRule}.`,
    );
  }
  return path.join(staging, root);
}

/**
 * Unpacks a zip (or copies a directory) into `dest`, which must not exist yet, and returns the
 * folder holding manage.py. Every refusal is a SubmissionError with a message for the hiring manager.
 */
export async function unpackSubmission(source: string, dest: string): Promise<TUnpacked> {
  const info = await stat(source).catch(() => null);
  if (info === null)
    throw new SubmissionError(`The submission file could not be found (${path.basename(source)}).`);
  const staging = `${dest}.staging`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const budget = new Budget();
  try {
    if (info.isDirectory()) await copyDirectory(source, staging, budget);
    else await extractZip(source, staging, budget);
    const root = findProjectRoot(staging, budget.kept);
    await rename(root, dest);
    return { projectDir: dest, files: budget.files, bytes: budget.bytes };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
