import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase, testDatabaseKinds } from "../test-support/test-app.js";
import { readMigrationFiles, runMigrations } from "./migrate.js";
import { queryRows } from "./raw-query.js";

describe.each(testDatabaseKinds())("migrations on %s", (kind) => {
  it("apply once, are recorded with checksums, and refuse an edited migration", async () => {
    const handle = await openTestDatabase(kind);
    try {
      const first = await runMigrations(handle.db);
      expect(first.applied).toEqual(readMigrationFiles().map((f) => f.name));
      expect((await runMigrations(handle.db)).applied).toEqual([]);

      const tables = await queryRows<{ table_name: string }>(
        handle.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(["users", "sessions", "audit_events"]),
      );

      await handle.db.execute(
        sql`update shortlist_migrations set checksum = 'tampered' where name = ${first.applied[0] ?? ""}`,
      );
      await expect(runMigrations(handle.db)).rejects.toThrow(/was edited after it was applied/);
    } finally {
      await handle.close();
    }
  });
});
