/** Messages between the main thread's PgliteWorkerClient and the database thread (pglite-worker.ts). */

export type TWorkerRequest =
  | {
      id: number;
      op: "query";
      tx?: number;
      sql: string;
      params?: unknown[];
      rowMode?: "array" | "object";
      /** Type OIDs to return as PostgreSQL's text (drizzle's identity parsers). */
      rawTypes?: number[];
    }
  | { id: number; op: "exec"; tx?: number; sql: string }
  | { id: number; op: "begin" }
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "close" };

export type TSerializedError = Record<string, string | number | boolean | undefined> & {
  message: string;
};

export type TWorkerReply =
  | {
      id: number;
      ok: true;
      value: unknown;
      /** When the statement began running, as `performance.timeOrigin + performance.now()`. */
      startedAt?: number;
    }
  | { id: number; ok: false; error: TSerializedError };

/** An error's own fields (PostgreSQL's code, constraint, detail, ...), which clone where it cannot. */
export function serializeError(error: unknown): TSerializedError {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields: TSerializedError = { message: error.message, name: error.name };
  for (const [key, value] of Object.entries(error)) {
    if (["string", "number", "boolean"].includes(typeof value))
      fields[key] = value as string | number | boolean;
  }
  return fields;
}

/** A database error from the other thread: same message and fields (`code` 23505 stays 23505). */
export class DatabaseThreadError extends Error {
  code?: string;
  constraint?: string;
  detail?: string;
  constructor(fields: TSerializedError) {
    super(fields.message);
    Object.assign(this, fields);
    this.name = "DatabaseError";
  }
}
