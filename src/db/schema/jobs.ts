import { oneOf } from "./columns.js";
import {
  check,
  index,
  uniqueIndex,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type TJobStatus = (typeof JOB_STATUSES)[number];

/**
 * A durable job queue in PostgreSQL itself: works the same on PGlite and a server, needs no Redis,
 * and a job enqueued in the same transaction as its cause cannot be lost.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lockedBy: text("locked_by"),
    /** Refreshed by the running worker every few seconds; a silent worker's jobs are re-queued. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    lastError: text("last_error"),
    result: jsonb("result"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** A scheduled job's slot (e.g. `retention-sweep:2026-12-02`): at most one job per key, ever. */
    dedupeKey: text("dedupe_key"),
  },
  (t) => [
    index("jobs_claim_idx").on(t.status, t.runAt),
    index("jobs_name_idx").on(t.name, t.createdAt),
    check("jobs_status_check", oneOf("status", JOB_STATUSES)),
    uniqueIndex("jobs_dedupe_key").on(t.dedupeKey),
  ],
);
