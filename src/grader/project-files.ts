import { createHash } from "node:crypto";
import { chown, copyFile, lstat, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { applyPatch, parsePatch } from "diff";

/**
 * File work on project copies: the debugging and write-the-tests packs run suites on several
 * versions of one project (the submission, the original, the reference, each mutant), each in
 * its own copy so that nothing one run leaves behind reaches another.
 */

const skippedNames = new Set(["__pycache__", ".pytest_cache", "db.sqlite3", ".coverage"]);

/** Regular files under `dir`, as sorted project-relative paths with forward slashes. */
export async function listFiles(dir: string, base = ""): Promise<string[]> {
  const files: string[] = [];
  const entries = await readdir(path.join(dir, base), { withFileTypes: true });
  for (const entry of entries) {
    if (skippedNames.has(entry.name)) continue;
    const relative = base === "" ? entry.name : `${base}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files.sort();
}

/**
 * Copies the regular files of `from` to `to` (never a symlink: a run may have made some).
 * `keep` picks which project-relative files come along.
 */
export async function copyProjectFiles(
  from: string,
  to: string,
  keep: (relative: string) => boolean = () => true,
): Promise<string[]> {
  const copied: string[] = [];
  for (const relative of await listFiles(from)) {
    if (!keep(relative)) continue;
    const target = path.join(to, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(from, relative), target);
    copied.push(relative);
  }
  await mkdir(to, { recursive: true });
  return copied;
}

/** Hands a tree to a sandbox uid; lstat keeps a chown from ever following a symlink. */
export async function chownTree(dir: string, uid: number): Promise<void> {
  await chown(dir, uid, uid);
  for (const entry of await readdir(dir)) {
    const child = path.join(dir, entry);
    const info = await lstat(child);
    if (info.isDirectory()) await chownTree(child, uid);
    else if (info.isFile()) await chown(child, uid, uid);
  }
}

/**
 * A test file as candidates write them: the names pytest and `manage.py test` collect, a
 * conftest, or anything inside a `tests` folder (helpers, factories, fixtures).
 */
export function isTestFile(relative: string): boolean {
  const parts = relative.split("/");
  const name = parts[parts.length - 1] ?? "";
  if (parts.slice(0, -1).includes("tests")) return true;
  return (
    name === "tests.py" ||
    name === "conftest.py" ||
    /^test_.*\.py$/.test(name) ||
    /_tests?\.py$/.test(name)
  );
}

export class PatchError extends Error {
  override readonly name = "PatchError";
}

const stripPrefix = (name: string | undefined): string | null => {
  if (name === undefined || name === "/dev/null") return null;
  return name.replace(/^[ab]\//, "");
};

/** Applies a unified diff (paths a/… b/…, as `diff -ruN` writes them) to the files in `dir`. */
export async function applyUnifiedDiff(dir: string, patchText: string): Promise<string[]> {
  const changed: string[] = [];
  for (const filePatch of parsePatch(patchText)) {
    const relative = stripPrefix(filePatch.newFileName) ?? stripPrefix(filePatch.oldFileName);
    if (relative === null || relative.split("/").includes("..")) {
      throw new PatchError("A patch names no file, or a file outside the project.");
    }
    const target = path.join(dir, relative);
    const before = await readFile(target, "utf8").catch(() => "");
    const after = applyPatch(before, filePatch);
    if (after === false) throw new PatchError(`The patch does not apply to ${relative}.`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, after);
    changed.push(relative);
  }
  return changed;
}

/** sha256 of each chosen file, to tell whether a run changed or deleted any of them. */
export async function hashFiles(
  dir: string,
  keep: (relative: string) => boolean,
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const relative of await listFiles(dir)) {
    if (!keep(relative)) continue;
    const content = await readFile(path.join(dir, relative));
    hashes.set(relative, createHash("sha256").update(content).digest("hex"));
  }
  return hashes;
}

/** The files of `before` that are gone or different in `after`. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([file, hash]) => after.get(file) !== hash).map(([file]) => file);
}
