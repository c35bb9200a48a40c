import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openEmbeddedDatabase } from "./client.js";
import { DataDirError, lockDataDir, prepareDataDir, readOrCreateSecret } from "./data-dir.js";

const scratch = () => mkdtempSync(join(tmpdir(), "shortlist-datadir-"));

describe("the embedded data directory", () => {
  it("refuses a non-empty folder that is not a Shortlist data directory and leaves it untouched", () => {
    const dir = scratch();
    writeFileSync(join(dir, "thesis.docx"), "precious");
    expect(() => prepareDataDir(dir)).toThrow(
      /not a Shortlist data directory.*Nothing was changed/,
    );
    expect(readdirSync(dir)).toEqual(["thesis.docx"]);
    expect(readFileSync(join(dir, "thesis.docx"), "utf8")).toBe("precious");
  });

  it("refuses a Shortlist folder whose database directory holds something else", () => {
    const dir = scratch();
    prepareDataDir(dir);
    mkdirSync(join(dir, "pgdata"));
    writeFileSync(join(dir, "pgdata", "notes.txt"), "not a database");
    expect(() => prepareDataDir(dir)).toThrow(/does not contain a PostgreSQL database/);
    expect(readdirSync(join(dir, "pgdata"))).toEqual(["notes.txt"]);
  });

  it("lets only one holder lock a directory, and replaces a lock left by a dead process", () => {
    const dir = scratch();
    prepareDataDir(dir);
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.pid}`));
    release();
    // A lock from a pid that no longer exists is stale.
    writeFileSync(
      join(dir, "shortlist.lock"),
      JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), since: "earlier" }),
    );
    const again = lockDataDir(dir);
    again();
  });

  it("generates the session secret once, readable only by its owner", () => {
    const dir = scratch();
    prepareDataDir(dir);
    const first = readOrCreateSecret(dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readOrCreateSecret(dir)).toBe(first);
    expect(statSync(join(dir, "session-secret")).mode & 0o777).toBe(0o600);
  });

  it("refuses to open an embedded database that another handle holds open", async () => {
    const dir = join(scratch(), "data");
    const first = await openEmbeddedDatabase(dir);
    try {
      await expect(openEmbeddedDatabase(dir)).rejects.toThrow(/in use by process/);
    } finally {
      await first.close();
    }
    const second = await openEmbeddedDatabase(dir);
    await second.close();
  });
});
