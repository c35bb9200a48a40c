import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import type { TDatabaseHandle } from "../db/client.js";
import { bossDbAdapter } from "./boss-db-adapter.js";
import type { TJobDefinition } from "./job-definition.js";

export const BOSS_SCHEMA = "pgboss";

/** A job that has not finished its attempts by then is expired (a dead worker's job is retried). */
export const DEFAULT_EXPIRE_IN_SECONDS = 15 * 60;
/** Delay before the first retry; doubled (with jitter) by pg-boss for each later one. */
export const DEFAULT_RETRY_DELAY_SECONDS = 5;
/** Finished jobs (completed, failed, cancelled) are deleted after this long. */
export const DELETE_FINISHED_AFTER_DAYS = 14;
/** A job nobody fetched in this long is dropped: our jobs never wait that long by design. */
export const RETENTION_DAYS = 14;

export type TBossOptions = {
  /** How often pg-boss expires silent jobs and deletes old ones (seconds; pg-boss minimum 1). */
  maintenanceIntervalSeconds?: number;
  /** Run cron schedules in this process (pg-boss elects one runner per minute across processes). */
  schedule?: boolean;
  /** How often this process checks the cron schedules and sends what is due (seconds, min 1). */
  cronMonitorIntervalSeconds?: number;
  /** How often the cron sender fetches (seconds, min 1). */
  cronWorkerIntervalSeconds?: number;
};

/**
 * pg-boss on our database. On a server it gets its own small pool from the URL; on PGlite, which
 * has a single connection, it runs its statements through our drizzle handle (bossDbAdapter).
 * `start()` installs or migrates the `pgboss` schema, on PostgreSQL 15 and PGlite alike.
 */
export async function startBoss(
  handle: TDatabaseHandle,
  options: TBossOptions = {},
  onError: (error: Error) => void = () => undefined,
): Promise<PgBoss> {
  const common: PgBoss.ConstructorOptions = {
    schema: BOSS_SCHEMA,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    schedule: options.schedule ?? true,
    deleteAfterDays: DELETE_FINISHED_AFTER_DAYS,
    ...(options.cronMonitorIntervalSeconds === undefined
      ? {}
      : { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds }),
    ...(options.cronWorkerIntervalSeconds === undefined
      ? {}
      : { cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds }),
  };
  const boss =
    handle.kind === "postgres" && handle.url
      ? new PgBoss({ ...common, connectionString: handle.url, max: 4 })
      : new PgBoss({ ...common, db: bossDbAdapter(handle.db) });
  boss.on("error", onError);
  await boss.start();
  return boss;
}

export const deadLetterQueueName = (name: string) => `${name}.dead`;

/** The queue options a job kind's definition implies (retries, expiry, dead letters, retention). */
export function queueOptions(
  definition: TJobDefinition<unknown>,
  retryDelaySeconds = DEFAULT_RETRY_DELAY_SECONDS,
): PgBoss.Queue {
  return {
    name: definition.name,
    policy: "standard",
    retryLimit: Math.max(0, definition.maxAttempts - 1),
    retryDelay: retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: definition.expireInSeconds ?? DEFAULT_EXPIRE_IN_SECONDS,
    retentionDays: RETENTION_DAYS,
    deadLetter: deadLetterQueueName(definition.name),
  };
}

/**
 * Creates (or updates) each kind's queue and its dead-letter queue. pg-boss 10 refuses a `send` to
 * a queue that does not exist, and this must run before any transaction enqueues: on PGlite a
 * queue created from inside a transaction would wait for that transaction's own connection.
 */
export async function ensureQueues(
  boss: PgBoss,
  definitions: TJobDefinition<unknown>[],
  retryDelaySeconds?: number,
): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const definition of definitions) {
    const dead = deadLetterQueueName(definition.name);
    if (!existing.has(dead))
      await boss.createQueue(dead, { name: dead, retentionDays: RETENTION_DAYS });
    const options = queueOptions(definition, retryDelaySeconds);
    if (existing.has(definition.name)) await boss.updateQueue(definition.name, options);
    else await boss.createQueue(definition.name, options);
    // Idempotent (one schedule per queue): every process declares the same one.
    if (definition.schedule)
      await boss.schedule(
        definition.name,
        definition.schedule.cron,
        definition.payload.parse(definition.schedule.payload) as object,
        { tz: "UTC" },
      );
  }
}

/** A stable job id for a dedupe key: pg-boss ignores a second insert of the same id. */
export function dedupeJobId(dedupeKey: string): string {
  const hex = createHash("sha256").update(dedupeKey).digest("hex");
  // Shaped as a version-5-like UUID (pg-boss's id column is uuid).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
