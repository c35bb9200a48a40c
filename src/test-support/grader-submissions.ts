import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import yazl from "yazl";

/** Builders for hostile and broken submissions, shared by the grader tests and the bench. */

export async function scratchDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `shortlist-${prefix}-`));
}

/** A copy of a pack project with some files replaced or added (and some removed). */
export async function variantOf(
  baseDir: string,
  files: Record<string, string>,
  removed: string[] = [],
): Promise<string> {
  const dir = await scratchDir("variant");
  await cp(baseDir, dir, { recursive: true });
  for (const name of removed) await rm(path.join(dir, name), { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

export async function appendTo(dir: string, name: string, text: string): Promise<void> {
  const file = path.join(dir, name);
  await writeFile(file, `${await readFile(file, "utf8")}\n${text}`);
}

export interface TZipEntry {
  name: string;
  data: Buffer | string;
  mode?: number;
}

export async function buildZip(entries: TZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    const data = typeof entry.data === "string" ? Buffer.from(entry.data) : entry.data;
    zip.addBuffer(data, entry.name, entry.mode === undefined ? {} : { mode: entry.mode });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function writeZip(entries: TZipEntry[]): Promise<string> {
  const file = path.join(await scratchDir("zip"), "submission.zip");
  await writeFile(file, await buildZip(entries));
  return file;
}

/** yazl refuses "../" names, as it should; write a same-length name and patch the bytes. */
export async function writeZipSlip(): Promise<string> {
  const zip = await buildZip([
    { name: "manage.py", data: "print('hi')\n" },
    { name: "XX/evil.py", data: "print('escaped')\n" },
  ]);
  const patched = Buffer.from(
    zip.toString("binary").replaceAll("XX/evil.py", "../evil.py"),
    "binary",
  );
  const file = path.join(await scratchDir("zip"), "slip.zip");
  await writeFile(file, patched);
  return file;
}

export async function zipDirectory(dir: string): Promise<string> {
  const entries: TZipEntry[] = [];
  const walk = async (relative: string): Promise<void> => {
    const { readdir } = await import("node:fs/promises");
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const rel = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(rel);
      else entries.push({ name: `project/${rel}`, data: await readFile(path.join(dir, rel)) });
    }
  };
  await walk("");
  return writeZip(entries);
}
