/**
 * The embedded database's own thread: owns the PGlite instance of one data directory and runs what
 * the main thread's `PgliteWorkerClient` (pglite-thread.ts) sends it. PGlite executes SQL
 * synchronously in WebAssembly, so here it blocks only this thread, never HTTP.
 *
 * Protocol (one message per call, answered by `id`): `query`, `exec`, `begin` (opens a
 * transaction and answers once it holds PGlite; its statements then carry `tx`), `end` (commit or
 * roll back; answered when PGlite has finished the transaction) and `close`. Results are plain
 * structured-clone data (Dates, bigints, Uint8Array survive); errors are sent as their fields so
 * PostgreSQL's `code`, `constraint` and `detail` reach the caller.
 */
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import type { Transaction } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { TWorkerReply, TWorkerRequest } from "./pglite-protocol.js";
import { serializeError } from "./pglite-protocol.js";

type TOpenTransaction = { tx: Transaction; finish: (commit: boolean) => void; done: Promise<void> };

const port = parentPort;
if (!port) throw new Error("pglite-worker.ts runs as a worker thread only.");
const { path } = workerData as { path: string };

/** Thrown inside PGlite's transaction callback to make it roll back; never leaves this file. */
const ROLLBACK = new Error("rollback requested");
const now = () => performance.timeOrigin + performance.now();
const transactions = new Map<number, TOpenTransaction>();
let nextTransaction = 1;

function reply(message: TWorkerReply) {
  port?.postMessage(message);
}

function fail(id: number, error: unknown) {
  reply({ id, ok: false, error: serializeError(error) });
}

/** drizzle asks for its date and interval types as text (identity parsers); functions do not clone. */
function parsersFor(rawTypes: number[] | undefined) {
  if (!rawTypes || rawTypes.length === 0) return undefined;
  return Object.fromEntries(rawTypes.map((oid) => [oid, (value: string) => value]));
}

function executorOf(tx: number | undefined): Pick<Transaction, "query" | "exec"> {
  if (tx === undefined) return client;
  const open = transactions.get(tx);
  if (!open) throw new Error(`Transaction ${tx} is not open in the database thread.`);
  return open.tx;
}

function begin(id: number) {
  const txId = nextTransaction++;
  let answered = false;
  let finish!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => (finish = resolve));
  const done = client
    .transaction(async (tx) => {
      transactions.set(txId, { tx, finish, done });
      answered = true;
      reply({ id, ok: true, value: { tx: txId }, startedAt: now() });
      if (!(await decided)) throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error === ROLLBACK) return;
      if (!answered) fail(id, error);
      throw error;
    })
    .finally(() => transactions.delete(txId));
  // An error is reported to whoever ends the transaction; this only keeps it from going unhandled.
  done.catch(() => undefined);
}

async function end(id: number, tx: number, commit: boolean) {
  const open = transactions.get(tx);
  if (!open) return fail(id, new Error(`Transaction ${tx} is not open in the database thread.`));
  open.finish(commit);
  try {
    await open.done;
    reply({ id, ok: true, value: null });
  } catch (error) {
    fail(id, error);
  }
}

async function handle(message: TWorkerRequest) {
  const { id } = message;
  try {
    switch (message.op) {
      case "query": {
        const startedAt = now();
        const result = await executorOf(message.tx).query(message.sql, message.params, {
          rowMode: message.rowMode,
          parsers: parsersFor(message.rawTypes),
        });
        // `Results` is a plain object of rows, fields and affectedRows: it clones as it is.
        return reply({ id, ok: true, value: result, startedAt });
      }
      case "exec": {
        const startedAt = now();
        const value = await executorOf(message.tx).exec(message.sql);
        return reply({ id, ok: true, value, startedAt });
      }
      case "begin":
        return begin(id);
      case "end":
        return await end(id, message.tx, message.commit);
      case "close":
        await client.close();
        reply({ id, ok: true, value: null });
        return port?.close();
    }
  } catch (error) {
    fail(id, error);
  }
}

const client = await PGlite.create(path, { extensions: { pg_trgm } });
port.on("message", (message: TWorkerRequest) => void handle(message));
port.postMessage({ ready: true });
