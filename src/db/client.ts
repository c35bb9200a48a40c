import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema/index.js";
import { lockDataDir, PGLITE_SUBDIR, prepareDataDir } from "./data-dir.js";

export type TSchema = typeof schema;
export type TDatabase = PgDatabase<PgQueryResultHKT, TSchema>;
export type TTransaction = PgTransaction<
  PgQueryResultHKT,
  TSchema,
  ExtractTablesWithRelations<TSchema>
>;
/** What a repository method runs on: the database or an open transaction. */
export type TExecutor = TDatabase | TTransaction;

export type TDatabaseHandle = {
  db: TDatabase;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
};

/** Contrib modules the migrations use (trigram search); PostgreSQL servers ship them built in. */
export const extensions = { pg_trgm };

export async function openEmbeddedDatabase(dataDir: string): Promise<TDatabaseHandle> {
  prepareDataDir(dataDir);
  const release = lockDataDir(dataDir);
  try {
    const client = await PGlite.create(join(dataDir, PGLITE_SUBDIR), { extensions });
    return {
      db: drizzlePglite(client, { schema }) as unknown as TDatabase,
      kind: "pglite",
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** In-memory PGlite: tests and the OpenAPI generator, nothing on disk. */
export async function openMemoryDatabase(): Promise<TDatabaseHandle> {
  const client = await PGlite.create({ extensions });
  return {
    db: drizzlePglite(client, { schema }) as unknown as TDatabase,
    kind: "pglite",
    close: () => client.close(),
  };
}

export async function openServerDatabase(
  url: string,
  maxConnections = 10,
): Promise<TDatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const probe = await pool.connect();
  probe.release();
  return {
    db: drizzlePg(pool, { schema }) as unknown as TDatabase,
    kind: "postgres",
    close: () => pool.end(),
  };
}
