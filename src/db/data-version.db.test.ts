import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openTestDatabase, testDatabaseKinds } from "../test-support/test-app.js";
import { createDataVersion } from "./data-version.js";
import { runMigrations } from "./migrate.js";
import { queryRows } from "./raw-query.js";

// Tables whose writes do not move the version: they change on reads or hold what no cached page
// shows (see migration 0022). Every other table must carry the trigger, including tables added later.
const UNTRACKED = [
  "api_tokens",
  "audit_events",
  // A feed's token hash, read per calendar fetch and never cached.
  "calendar_feeds",
  "candidate_access_events",
  "data_change_base",
  "data_changes",
  // The bell and its settings: per person, polled, never part of a cached page.
  "notification_preferences",
  "notifications",
  "outbox_messages",
  "sessions",
  "shortlist_migrations",
  // SSO identities: read at sign-in only, like sessions.
  "user_identities",
  // Webhook endpoints and their delivery log: an admin's page, never cached, and written per event.
  "webhook_deliveries",
  "webhook_endpoints",
];

describe.each(testDatabaseKinds())("the data version on %s", (kind) => {
  it("moves on every committed write to a read table, never on a rolled-back one, and survives compaction", async () => {
    const handle = await openTestDatabase(kind);
    try {
      await runMigrations(handle.db);
      const untriggered = await queryRows<{ table_name: string }>(
        handle.db,
        sql`select t.table_name from information_schema.tables t
          where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
            and not exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
              join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = 'public' and c.relname = t.table_name
                and g.tgname = 'note_data_change')
          order by 1`,
      );
      expect(untriggered.map((t) => t.table_name)).toEqual(UNTRACKED);

      const version = createDataVersion(handle.db);
      const v0 = await version.read();
      await handle.db.execute(
        sql`insert into organisation_settings (id, retention_months) values (1, 24)
          on conflict (id) do update set retention_months = 24`,
      );
      const v1 = await version.read();
      expect(v1).toBeGreaterThan(v0);

      await expect(
        handle.db.transaction(async (tx) => {
          await tx.execute(sql`update roles set title = title`);
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect(await version.read()).toBe(v1);

      // A session or an audit event is not data a cached page shows.
      await handle.db.execute(sql`delete from sessions`);
      expect(await version.read()).toBe(v1);

      // Past the compaction threshold a read folds the rows away; the version never goes back.
      await handle.db.execute(sql`insert into data_changes select from generate_series(1, 2100)`);
      const before = await version.read();
      expect(before).toBe(v1 + 2100);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [left] = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from data_changes`,
      );
      expect(left?.n).toBe(0);
      expect(await version.read()).toBe(before);
    } finally {
      await handle.close();
    }
  });
});
