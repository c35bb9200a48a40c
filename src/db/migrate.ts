import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { TDatabase } from "./client.js";
import { queryRows } from "./raw-query.js";

// Resolved from the package root so the same path works from src/ (tsx, tests) and dist/.
const MIGRATIONS_DIR = new URL("../../src/db/migrations/", import.meta.url);

type TMigrationFile = { name: string; checksum: string; statements: string[] };

export function readMigrationFiles(): TMigrationFile[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => {
      const text = readFileSync(new URL(name, MIGRATIONS_DIR), "utf8");
      return {
        name,
        checksum: createHash("sha256").update(text).digest("hex"),
        statements: text
          .split("--> statement-breakpoint")
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    });
}

export class MigrationError extends Error {}

/**
 * Applies pending migrations, each in its own transaction. Our own runner (not drizzle's) so the
 * same code serves PGlite and node-postgres, and so an edited, already-applied migration is caught
 * by checksum instead of silently diverging between installations.
 */
export async function runMigrations(db: TDatabase): Promise<{ applied: string[] }> {
  await db.execute(sql`create table if not exists shortlist_migrations (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`);
  const appliedRows = await queryRows<{ name: string; checksum: string }>(
    db,
    sql`select name, checksum from shortlist_migrations order by name`,
  );
  const applied = new Map(appliedRows.map((r) => [r.name, r.checksum]));
  const files = readMigrationFiles();
  for (const [name, checksum] of applied) {
    const file = files.find((f) => f.name === name);
    if (!file) {
      throw new MigrationError(
        `The database has migration ${name}, which this version of Shortlist does not know. Is it older than the database?`,
      );
    }
    if (file.checksum !== checksum) {
      throw new MigrationError(
        `Migration ${name} was edited after it was applied; add a new migration instead.`,
      );
    }
  }
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file.name)) continue;
    await db.transaction(async (tx) => {
      // Serialises concurrent starters on a shared server: the second waits, then sees the row.
      await tx.execute(sql`select pg_advisory_xact_lock(7351001)`);
      const again = await queryRows(
        tx,
        sql`select 1 from shortlist_migrations where name = ${file.name}`,
      );
      if (again.length > 0) return;
      for (const statement of file.statements) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`insert into shortlist_migrations (name, checksum) values (${file.name}, ${file.checksum})`,
      );
      done.push(file.name);
    });
  }
  return { applied: done };
}
