import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import yazl from "yazl";

/**
 * A folder zipped the way a candidate would, under one top folder `name`, written to
 * `outDir/name.zip` (caches and SQLite files left out). Returns the zip's path.
 */
export async function zipFolder(dir: string, name: string, outDir: string): Promise<string> {
  const zip = new yazl.ZipFile();
  async function add(relative: string) {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      if (["__pycache__", ".pytest_cache", "db.sqlite3"].includes(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await add(child);
      else zip.addFile(path.join(dir, child), `${name}/${child}`);
    }
  }
  await add("");
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.zip`);
  await writeFile(file, Buffer.concat(chunks));
  return file;
}
