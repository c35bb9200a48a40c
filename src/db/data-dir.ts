import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/** Files Shortlist keeps in its data directory. */
const MARKER = "shortlist.json";
const LOCK = "shortlist.lock";
const SECRET = "session-secret";
export const PGLITE_SUBDIR = "pgdata";

export class DataDirError extends Error {}

type TMarker = { format: 1; createdAt: string };

/**
 * Checks that `dir` is empty, missing, or a Shortlist data directory, and creates the layout when
 * new. Anything else is refused untouched: pointing the server at the wrong folder must never
 * write into it.
 */
export function prepareDataDir(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      throw new DataDirError(`SHORTLIST_DATA_DIR ${dir} is a file, not a directory.`);
    }
    const entries = readdirSync(dir).filter((name) => !name.startsWith("."));
    if (entries.length > 0) {
      const marker = readMarker(dir);
      if (!marker) {
        throw new DataDirError(
          `SHORTLIST_DATA_DIR ${dir} is not empty and is not a Shortlist data directory (no ${MARKER}). ` +
            "Nothing was changed. Point SHORTLIST_DATA_DIR at an empty folder or an existing Shortlist data folder.",
        );
      }
      const pgdata = join(dir, PGLITE_SUBDIR);
      if (
        existsSync(pgdata) &&
        readdirSync(pgdata).length > 0 &&
        !existsSync(join(pgdata, "PG_VERSION"))
      ) {
        throw new DataDirError(
          `${pgdata} does not contain a PostgreSQL database (no PG_VERSION). Nothing was changed.`,
        );
      }
      return;
    }
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const marker: TMarker = { format: 1, createdAt: new Date().toISOString() };
  writeFileSync(join(dir, MARKER), JSON.stringify(marker, null, 2) + "\n", { mode: 0o600 });
}

function readMarker(dir: string): TMarker | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, MARKER), "utf8")) as Partial<TMarker>;
    return parsed.format === 1 ? (parsed as TMarker) : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no cross-process lock and two writers corrupt its files, so the data dir holds a
 * lock file with the owner's pid. Creation uses O_EXCL; a lock left by a dead process is replaced.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK);
  const content = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
  });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, content, { flag: "wx", mode: 0o600 });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readLockOwner(path);
      if (owner && owner.host === hostname() && !isProcessAlive(owner.pid)) {
        rmSync(path, { force: true });
        continue;
      }
      const who = owner
        ? `process ${owner.pid} on ${owner.host} (since ${owner.since})`
        : "another process";
      throw new DataDirError(
        `The data directory ${dir} is in use by ${who}. Only one Shortlist process may open an embedded ` +
          "database; stop the other one, or use DATABASE_URL to share a PostgreSQL server between processes.",
      );
    }
  }
  throw new DataDirError(`Could not lock the data directory ${dir}.`);
}

function readLockOwner(path: string): { pid: number; host: string; since: string } | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as { pid: number; host: string; since: string };
  } catch {
    return undefined;
  }
}

/** The embedded-mode session secret: generated once, kept beside the database, never logged. */
export function readOrCreateSecret(dir: string): string {
  const path = join(dir, SECRET);
  if (existsSync(path)) {
    const secret = readFileSync(path, "utf8").trim();
    if (secret.length >= 32) return secret;
    throw new DataDirError(
      `${path} is shorter than 32 characters; delete it to generate a new secret.`,
    );
  }
  const secret = randomBytes(32).toString("hex");
  writeFileSync(path, secret + "\n", { flag: "wx", mode: 0o600 });
  return secret;
}
