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
import { PgliteWorkerClient } from "./pglite-thread.js";

export type TSchema = typeof schema;
export type TDatabase = PgDatabase<PgQueryResultHKT, TSchema>;
export type TTransaction = PgTransaction<
  PgQueryResultHKT,
  TSchema,
  ExtractTablesWithRelations<TSchema>
>;
/** What a repository method runs on: the database or an open transaction. */
export type TExecutor = TDatabase | TTransaction;

/** Receives how long one statement (or transaction) waited for the database before it ran. */
export type TWaitListener = (seconds: number) => void;

export type TDatabaseHandle = {
  db: TDatabase;
  kind: "pglite" | "postgres";
  /** A server database's URL, for clients that need their own connections (pg-boss). */
  url?: string;
  close: () => Promise<void>;
  /** Subscribes to wait times: PGlite's one-at-a-time queue, or the pool's checkout. */
  observeWait?: (listener: TWaitListener) => void;
};

function waitObservers() {
  const listeners = new Set<TWaitListener>();
  return {
    observe: (listener: TWaitListener) => void listeners.add(listener),
    emit: (startedAt: number) => {
      if (listeners.size === 0) return;
      const seconds = (performance.now() - startedAt) / 1000;
      for (const listener of listeners) listener(seconds);
    },
  };
}

/**
 * PGlite runs one statement or transaction at a time: every top-level query, exec and transaction
 * queues on its transaction mutex (`_runExclusiveTransaction`, public in 0.5). The time from the
 * call to the moment its turn comes is the wait; statements inside a transaction do not queue.
 */
function observePgliteQueue(client: PGlite) {
  const observers = waitObservers();
  const run = client._runExclusiveTransaction.bind(client);
  client._runExclusiveTransaction = <T>(fn: () => Promise<T>): Promise<T> => {
    const startedAt = performance.now();
    return run(() => {
      observers.emit(startedAt);
      return fn();
    });
  };
  return observers.observe;
}

/** node-postgres: the wait is checking a connection out of the pool (`pool.query` uses it too). */
function observePoolCheckout(pool: pg.Pool) {
  const observers = waitObservers();
  const connect = pool.connect.bind(pool) as (
    callback?: (error: Error | undefined, client?: pg.PoolClient, done?: () => void) => void,
  ) => Promise<pg.PoolClient> | undefined;
  const wrapped = (
    callback?: (error: Error | undefined, client?: pg.PoolClient, done?: () => void) => void,
  ) => {
    const startedAt = performance.now();
    if (callback)
      return connect((error, client, done) => {
        if (!error) observers.emit(startedAt);
        callback(error, client, done);
      });
    return connect()?.then((client) => {
      observers.emit(startedAt);
      return client;
    });
  };
  pool.connect = wrapped as typeof pool.connect;
  return observers.observe;
}

/** Contrib modules the migrations use (trigram search); PostgreSQL servers ship them built in. */
export const extensions = { pg_trgm };

/**
 * The data directory's PGlite, in its own thread (db/pglite-worker.ts), so SQL never blocks HTTP,
 * static files or health. The lock is this process's: one process, one thread, one PGlite.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<TDatabaseHandle> {
  prepareDataDir(dataDir);
  const release = lockDataDir(dataDir);
  try {
    const client = await PgliteWorkerClient.start(join(dataDir, PGLITE_SUBDIR));
    return {
      // drizzle-orm/pglite only calls query, exec and transaction, which the thread's client has.
      db: drizzlePglite(client as unknown as PGlite, { schema }) as unknown as TDatabase,
      kind: "pglite",
      observeWait: (listener) => client.observeWait(listener),
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
    observeWait: observePgliteQueue(client),
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
    // Our statements run in milliseconds to a few hundred: compiling one with LLVM (PostgreSQL's
    // JIT, on above a plan cost of 100,000) took longer than running it, up to 0.8 s for the
    // analytics aggregates (bench/README.md, "Analytics").
    options: "-c jit=off",
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const probe = await pool.connect();
  probe.release();
  const observeWait = observePoolCheckout(pool);
  return {
    db: drizzlePg(pool, { schema }) as unknown as TDatabase,
    kind: "postgres",
    url,
    observeWait,
    close: () => pool.end(),
  };
}
