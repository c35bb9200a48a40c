#!/usr/bin/env node
// Fails when src/db/schema.ts has changes that no migration captures: drizzle-kit generates into
// a scratch copy of the migrations folder and any new file means drift.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const scratch = mkdtempSync(join(tmpdir(), "shortlist-migrations-"));
try {
  cpSync("src/db/migrations", scratch, { recursive: true });
  const before = readdirSync(scratch).length;
  const result = spawnSync(
    "npx",
    [
      "drizzle-kit",
      "generate",
      "--dialect",
      "postgresql",
      "--schema",
      "src/db/schema/*.ts",
      "--out",
      scratch,
    ],
    { encoding: "utf8" },
  );
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  if (readdirSync(scratch).length !== before) {
    console.error(
      "src/db/schema/ changed without a migration: run `npm run db:generate -- --name <what>` and commit it.",
    );
    process.exit(1);
  }
  console.log("migrations match the schema");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
