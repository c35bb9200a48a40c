import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openMemoryDatabase } from "./client.js";
import type { TDatabaseHandle } from "./client.js";
import {
  runMaintenancePass,
  startEmbeddedMaintenance,
  tablesDueForMaintenance,
} from "./embedded-maintenance.js";
import type { TMaintenancePass } from "./embedded-maintenance.js";
import { queryRows } from "./raw-query.js";

let handle: TDatabaseHandle;

// One database for the file (opening PGlite compiles its WebAssembly); each test starts its tables anew.
beforeAll(async () => {
  handle = await openMemoryDatabase();
});
afterAll(() => handle.close());
beforeEach(async () => {
  await handle.db.execute(sql`drop table if exists cards, empty_one`);
  await handle.db.execute(sql`create table cards (id int primary key, owner int, status text)`);
  await handle.db.execute(sql`create table empty_one (id int)`);
});

async function insertCards(from: number, to: number) {
  await handle.db.execute(
    sql`insert into cards select i, i % 500, 'submitted' from generate_series(${from}::int, ${to}::int) i`,
  );
}

async function reltuples(table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    handle.db,
    sql`select reltuples::int as n from pg_class where relname = ${table}`,
  );
  return row?.n ?? Number.NaN;
}

/** The planner's row estimate for a filter every row matches. */
async function estimatedSubmitted(): Promise<number> {
  const [row] = await queryRows<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    handle.db,
    sql`explain (format json) select * from cards where status = 'submitted'`,
  );
  return row?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? Number.NaN;
}

describe("embedded database maintenance (PGlite has no autovacuum)", () => {
  it("analyzes a table that was never analyzed, and again once it has grown", async () => {
    await insertCards(1, 20_000);
    expect(await tablesDueForMaintenance(handle.db)).toEqual(["cards"]);
    expect(await reltuples("cards")).toBe(-1);
    // Without statistics the planner guesses a fraction of the table for an equality filter.
    expect(await estimatedSubmitted()).toBeLessThan(1_000);

    const pass = await runMaintenancePass(handle.db);
    expect(pass.tables).toEqual(["cards"]);
    expect(await reltuples("cards")).toBe(20_000);
    expect(await estimatedSubmitted()).toBe(20_000);
    expect(await tablesDueForMaintenance(handle.db)).toEqual([]);

    // A little growth is not worth a pass; a quarter more is.
    await insertCards(20_001, 20_100);
    expect(await tablesDueForMaintenance(handle.db)).toEqual([]);
    await insertCards(20_101, 25_000);
    expect(await tablesDueForMaintenance(handle.db)).toEqual(["cards"]);
    await runMaintenancePass(handle.db);
    expect(await reltuples("cards")).toBe(25_000);
  });

  it("runs a first pass soon after start and waits for it when stopped", async () => {
    await insertCards(1, 3_000);
    const passes: TMaintenancePass[] = [];
    const maintenance = startEmbeddedMaintenance(handle.db, {
      firstDelayMs: 0,
      intervalMs: 60_000,
      onPass: (pass) => passes.push(pass),
    });
    await expect.poll(() => passes.length, { timeout: 10_000 }).toBe(1);
    await maintenance.stop();
    expect(passes[0]?.tables).toEqual(["cards"]);
    expect(await reltuples("cards")).toBe(3_000);
  });
});
