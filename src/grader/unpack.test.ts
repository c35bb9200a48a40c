import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDir, writeZip } from "../test-support/grader-submissions.js";
import { SubmissionError, unpackSubmission } from "./unpack.js";

async function unpack(source: string) {
  return unpackSubmission(source, path.join(await scratchDir("unpack"), "project"));
}

describe("unpackSubmission", () => {
  it("finds manage.py in the single top folder and drops databases and bytecode", async () => {
    const zip = await writeZip([
      { name: "mine/manage.py", data: "" },
      { name: "mine/db.sqlite3", data: "old data" },
      { name: "mine/app/__pycache__/x.pyc", data: "" },
      { name: "mine/app/models.py", data: "x = 1\n" },
    ]);
    const result = await unpack(zip);
    expect(await readdir(result.projectDir)).toEqual(["app", "manage.py"]);
    expect(await readdir(path.join(result.projectDir, "app"))).toEqual(["models.py"]);
    expect(result.files).toBe(2);
  });

  it("counts real bytes and files", async () => {
    const many = Array.from({ length: 2001 }, (_, index) => ({ name: `f${index}.txt`, data: "" }));
    await expect(unpack(await writeZip(many))).rejects.toThrow(/more than 2,000 files/);
  });

  it("rejects absolute paths and copies directories with the same rules", async () => {
    const dir = await scratchDir("dir");
    await writeFile(path.join(dir, "manage.py"), "");
    await mkdir(path.join(dir, "app"));
    await symlink("/etc/passwd", path.join(dir, "app", "passwd"));
    await expect(unpack(dir)).rejects.toThrow(SubmissionError);
    await expect(unpack(dir)).rejects.toThrow(/symbolic link \('app\/passwd'\)/);
  });

  it("rejects a missing file with a clear message", async () => {
    await expect(unpack("/nonexistent/submission.zip")).rejects.toThrow(/could not be found/);
  });
});
