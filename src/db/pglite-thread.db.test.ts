import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { bigint, customType, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedDatabase } from "./client.js";
import type { TDatabaseHandle } from "./client.js";
import { databasePriority } from "./pglite-thread.js";
import { queryRows } from "./raw-query.js";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});
const things = pgTable("things", {
  id: integer("id").primaryKey(),
  name: text("name").notNull().unique("things_name_unique"),
  at: timestamp("at", { withTimezone: true }).notNull(),
  big: bigint("big", { mode: "bigint" }).notNull(),
  blob: bytea("blob").notNull(),
});
const counter = pgTable("counter", { id: integer("id").primaryKey(), n: integer("n").notNull() });

/** The embedded data directory's database, as `npm start` opens it: PGlite in its own thread. */
describe("the embedded database in its own thread", () => {
  let dir: string;
  let handle: TDatabaseHandle;
  const waits: number[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "shortlist-pglite-thread-"));
    handle = await openEmbeddedDatabase(dir);
    handle.observeWait?.((seconds) => waits.push(seconds));
    await handle.db.execute(sql`create table things (id int primary key,
      name text not null constraint things_name_unique unique, at timestamptz not null,
      big bigint not null, blob bytea not null)`);
    await handle.db.execute(sql`create table counter (id int primary key, n int not null)`);
    await handle.db.execute(sql`insert into counter values (1, 0)`);
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the event loop free while a long statement runs", async () => {
    const gaps: number[] = [];
    let last = performance.now();
    const ticker = setInterval(() => {
      const at = performance.now();
      gaps.push(at - last);
      last = at;
    }, 5);
    const started = performance.now();
    await handle.db.execute(sql`select pg_sleep(1)`);
    const took = performance.now() - started;
    clearInterval(ticker);
    expect(took).toBeGreaterThanOrEqual(990);
    // In-process PGlite blocks the loop for the whole second: one gap of ≥ 1,000 ms, no ticks.
    expect(gaps.length).toBeGreaterThan(50);
    expect(Math.max(...gaps)).toBeLessThan(100);
  });

  it("returns Dates, bigints and bytes as drizzle maps them, and keeps PostgreSQL's error code", async () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    await handle.db
      .insert(things)
      .values({ id: 1, name: "one", at, big: 2n ** 60n, blob: new Uint8Array([0, 1, 255]) });
    const [row] = await handle.db.select().from(things).where(eq(things.id, 1));
    expect(row?.at).toEqual(at);
    expect(row?.big).toBe(2n ** 60n);
    expect([...(row?.blob ?? [])]).toEqual([0, 1, 255]);

    const duplicate = await handle.db
      .insert(things)
      .values({ id: 2, name: "one", at, big: 1n, blob: new Uint8Array() })
      .catch((error: unknown) => error);
    const cause = (duplicate as { cause?: { code?: string; constraint?: string } }).cause;
    expect(cause?.code).toBe("23505");
    expect(cause?.constraint).toBe("things_name_unique");
  });

  it("rolls a transaction back when its callback throws, and a savepoint on its own", async () => {
    const failed = await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into things values (10, 'ten', now(), 1, '')`);
        throw new Error("changed my mind");
      })
      .catch((error: unknown) => error);
    expect((failed as Error).message).toBe("changed my mind");

    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into things values (11, 'eleven', now(), 1, '')`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into things values (12, 'twelve', now(), 1, '')`);
          throw new Error("inner only");
        })
        .catch(() => undefined);
    });
    const rows = await queryRows<{ id: number }>(
      handle.db,
      sql`select id from things where id >= 10 order by id`,
    );
    expect(rows.map((r) => r.id)).toEqual([11]);
  });

  it("serializes concurrent read-modify-write transactions: no update is lost", async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        handle.db.transaction(async (tx) => {
          const [row] = await tx.select().from(counter).where(eq(counter.id, 1));
          await new Promise((resolve) => setTimeout(resolve, 2));
          await tx
            .update(counter)
            .set({ n: (row?.n ?? 0) + 1 })
            .where(eq(counter.id, 1));
        }),
      ),
    );
    const [row] = await handle.db.select().from(counter);
    expect(row?.n).toBe(20);
  });

  it("runs the oldest request's statements first, and reports how long each waited", async () => {
    waits.length = 0;
    const order: string[] = [];
    // An old request of three statements and a newer one: the newer one's statements queue
    // behind all of the older one's, instead of interleaving with them.
    const request = (name: string, since: number) =>
      databasePriority.run({ since }, async () => {
        for (let i = 0; i < 3; i++) {
          await handle.db.execute(sql`select pg_sleep(0.02)`);
          order.push(name);
        }
      });
    // drizzle queries start when awaited: `then` starts this one now, so it holds the turn.
    const blocker = handle.db.execute(sql`select pg_sleep(0.05)`).then(() => undefined);
    const newer = request("newer", performance.now());
    const older = request("older", performance.now() - 1_000);
    await Promise.all([blocker, newer, older]);
    expect(order).toEqual(["older", "older", "older", "newer", "newer", "newer"]);
    expect(waits.length).toBeGreaterThanOrEqual(7);
    expect(Math.max(...waits)).toBeGreaterThan(0.04);
  });
});
