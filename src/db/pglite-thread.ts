import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { DatabaseThreadError } from "./pglite-protocol.js";
import type { TWorkerReply, TWorkerRequest } from "./pglite-protocol.js";

type TQueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, unknown> };
type TResults = { rows: unknown[]; fields: { name: string; dataTypeID: number }[] };
type TPending = {
  resolve: (reply: TWorkerReply & { ok: true }) => void;
  reject: (e: Error) => void;
};
type TTurn = { since: number; seq: number; calledAt: number; start: () => void };
type TDistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
type TRequest = TDistributiveOmit<TWorkerRequest, "id">;

/**
 * When the work a statement belongs to began (an HTTP request, set by an onRequest hook). The
 * database thread runs one statement at a time; handing it the statements of the oldest request
 * first lets each request finish in turn instead of all of them sharing PGlite statement by
 * statement and finishing together, late (that is what timed requests out at 50 connections).
 */
export const databasePriority = new AsyncLocalStorage<{ since: number }>();

const now = () => performance.timeOrigin + performance.now();

/**
 * Runs the database thread from the compiled .js; from the .ts source (tsx, vitest) it first
 * registers tsx's loader inside the thread, as `--import` in a worker's execArgv does not on Node 20.
 */
function startWorker(path: string): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const url = new URL(`./pglite-worker.${fromSource ? "ts" : "js"}`, import.meta.url);
  if (!fromSource) return new Worker(url, { workerData: { path } });
  const tsx = pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve("tsx")), "esm/api/index.mjs"),
  );
  const boot = `import(${JSON.stringify(tsx.href)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData: { path } });
}

/**
 * PGlite in its own thread, with the part of PGlite's interface drizzle-orm/pglite uses: `query`
 * (params, rowMode, drizzle's identity parsers), `exec`, `transaction` (statements on the `tx`
 * it passes run inside that transaction) and `close`.
 *
 * Top-level statements and transactions go to the thread one at a time, oldest unit of work
 * first (see `databasePriority`); a transaction holds the turn until it ends, and the statements
 * inside it go straight through. The thread is referenced only while something is waiting on it,
 * so an idle open database never keeps the process alive.
 */
export class PgliteWorkerClient {
  private readonly pending = new Map<number, TPending>();
  private readonly waiting: TTurn[] = [];
  private busy = false;
  private nextId = 1;
  private nextSeq = 0;
  private dead: Error | undefined;
  private readonly waitListeners = new Set<(seconds: number) => void>();

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: TWorkerReply) => this.settle(reply));
    worker.on("error", (error) => this.die(error));
    worker.on("exit", (code) => this.die(new Error(`The database thread exited (code ${code}).`)));
    worker.unref();
  }

  static async start(path: string): Promise<PgliteWorkerClient> {
    const worker = startWorker(path);
    await new Promise<void>((resolve, reject) => {
      const onMessage = () => {
        worker.off("error", reject);
        resolve();
      };
      worker.once("message", onMessage);
      worker.once("error", (error) => {
        worker.off("message", onMessage);
        reject(error);
      });
    });
    return new PgliteWorkerClient(worker);
  }

  /** How long each top-level statement or transaction waited for its turn (seconds). */
  observeWait(listener: (seconds: number) => void) {
    this.waitListeners.add(listener);
  }

  async query(sql: string, params?: unknown[], options?: TQueryOptions): Promise<TResults> {
    return (await this.turn((calledAt) =>
      this.call(this.queryRequest(sql, params, options, undefined), calledAt),
    )) as TResults;
  }

  async exec(sql: string): Promise<TResults[]> {
    return (await this.turn((calledAt) => this.call({ op: "exec", sql }, calledAt))) as TResults[];
  }

  async transaction<T>(fn: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
    return this.turn(async (calledAt) => {
      const { tx } = (await this.call({ op: "begin" }, calledAt)) as { tx: number };
      const transaction = new WorkerTransaction(this, tx);
      let result: T;
      try {
        result = await fn(transaction);
      } catch (error) {
        await transaction.end(false).catch(() => undefined);
        throw error;
      }
      await transaction.end(!transaction.rolledBack);
      return result;
    });
  }

  async close(): Promise<void> {
    if (this.dead) return;
    await this.call({ op: "close" });
    await this.worker.terminate();
  }

  /** @internal A statement inside an open transaction: it already holds the turn. */
  call(request: TRequest, calledAt?: number): Promise<unknown> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) => {
          if (calledAt !== undefined && reply.startedAt !== undefined)
            this.emitWait(calledAt, reply.startedAt);
          resolve(reply.value);
        },
        reject,
      });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** @internal */
  queryRequest(
    sql: string,
    params: unknown[] | undefined,
    options: TQueryOptions | undefined,
    tx: number | undefined,
  ): TRequest {
    const rawTypes = options?.parsers ? Object.keys(options.parsers).map(Number) : undefined;
    return { op: "query", tx, sql, params, rowMode: options?.rowMode, rawTypes };
  }

  private emitWait(calledAt: number, startedAt: number) {
    if (this.waitListeners.size === 0) return;
    const seconds = Math.max(0, startedAt - calledAt) / 1000;
    for (const listener of this.waitListeners) listener(seconds);
  }

  /** Waits for this work's turn (oldest `databasePriority` first), runs `run`, then passes the turn on. */
  private turn<T>(run: (calledAt: number) => Promise<T>): Promise<T> {
    const calledAt = now();
    const since = databasePriority.getStore()?.since ?? performance.now();
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        run(calledAt)
          .then(resolve, reject)
          .finally(() => this.next());
      };
      if (!this.busy) {
        this.busy = true;
        start();
        return;
      }
      this.insert({ since, seq: this.nextSeq++, calledAt, start });
    });
  }

  private insert(turn: TTurn) {
    // Sorted by (since, seq); a new unit of work is usually the youngest, so search from the end.
    let at = this.waiting.length;
    while (at > 0) {
      const before = this.waiting[at - 1];
      if (!before || before.since <= turn.since) break;
      at--;
    }
    this.waiting.splice(at, 0, turn);
  }

  /**
   * Passes the turn on after the promise callbacks now due have run, so the unit of work that just
   * had a statement answered can queue its next one and keep its place ahead of younger work.
   */
  private next() {
    if (this.waiting.length === 0) {
      this.busy = false;
      return;
    }
    setImmediate(() => {
      const turn = this.waiting.shift();
      if (turn) turn.start();
      else this.busy = false;
    });
  }

  private settle(reply: TWorkerReply) {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) pending.resolve(reply);
    else pending.reject(new DatabaseThreadError(reply.error));
  }

  private die(error: Error) {
    if (this.dead) return;
    this.dead = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/** The `tx` a transaction callback gets: its statements run inside that transaction. */
export class WorkerTransaction {
  rolledBack = false;
  private ended = false;

  constructor(
    private readonly client: PgliteWorkerClient,
    private readonly tx: number,
  ) {}

  get closed() {
    return this.ended;
  }

  async query(sql: string, params?: unknown[], options?: TQueryOptions): Promise<TResults> {
    this.assertOpen();
    return (await this.client.call(
      this.client.queryRequest(sql, params, options, this.tx),
    )) as TResults;
  }

  async exec(sql: string): Promise<TResults[]> {
    this.assertOpen();
    return (await this.client.call({ op: "exec", tx: this.tx, sql })) as TResults[];
  }

  /** Like PGlite's: ends the transaction by rolling it back. */
  async rollback(): Promise<void> {
    this.rolledBack = true;
    await this.end(false);
  }

  /** @internal */
  async end(commit: boolean): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.client.call({ op: "end", tx: this.tx, commit });
  }

  private assertOpen() {
    if (this.ended) throw new Error("The transaction has already ended.");
  }
}
