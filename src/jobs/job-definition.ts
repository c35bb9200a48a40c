import type { z } from "zod";

/**
 * A job is data: a name, a payload schema, and a handler that is imported lazily so a process that
 * never runs a job kind never loads its code (the grader pulls in a lot).
 */
export type TJobDefinition<TPayload> = {
  name: string;
  payload: z.ZodType<TPayload>;
  /** Attempts before the job is marked failed; a crash mid-run counts as an attempt. */
  maxAttempts: number;
  /** How many of this kind one process runs at once. */
  concurrency: number;
  /**
   * How long one attempt may run before pg-boss expires it and retries (the dead-worker limit,
   * since pg-boss 10 has no heartbeats); 15 minutes when not set.
   */
  expireInSeconds?: number;
  /**
   * Sent on a cron (UTC, minute resolution) by pg-boss, once across all processes on the database,
   * e.g. `schedule: { cron: "0,15,30,45 * * * *", payload: {} }` for every 15 minutes.
   */
  schedule?: { cron: string; payload: TPayload };
};

export function defineJob<TPayload>(
  definition: TJobDefinition<TPayload>,
): TJobDefinition<TPayload> {
  return definition;
}

export type TJobHandler<TPayload> = (
  payload: TPayload,
  context: { jobId: string; attempt: number },
) => Promise<unknown>;

/** A definition with its handler bound to its dependencies by the composition root. */
export type TRegisteredJob = {
  definition: TJobDefinition<unknown>;
  handle: TJobHandler<unknown>;
};

export function registerJob<TPayload>(
  definition: TJobDefinition<TPayload>,
  handle: TJobHandler<TPayload>,
): TRegisteredJob {
  return {
    definition,
    handle: (payload, context) => handle(definition.payload.parse(payload), context),
  };
}

/** Thrown by a handler when retrying cannot help (e.g. the submission was deleted). */
export class PermanentJobError extends Error {}
