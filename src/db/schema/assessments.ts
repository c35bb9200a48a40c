import { sql } from "drizzle-orm";
import { oneOf } from "./columns.js";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { storedFiles } from "./files.js";
import { applications } from "./hiring.js";

export const GRADING_STATUSES = ["queued", "running", "graded", "error"] as const;
export type TGradingStatus = (typeof GRADING_STATUSES)[number];

/** One practical assessment sent to a candidate: one pack, one link, one clock. */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    packId: text("pack_id").notNull(),
    timeLimitMinutes: integer("time_limit_minutes").notNull(),
    deadlineAt: timestamp("deadline_at", { withTimezone: true }).notNull(),
    // The link's secret is stored only as a hash; the link itself is shown once to the sender.
    tokenHash: text("token_hash").notNull(),
    sentBy: uuid("sent_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("assessments_token_hash_key").on(t.tokenHash),
    index("assessments_application_idx").on(t.applicationId),
    check("assessments_time_limit_check", sql`time_limit_minutes between 10 and 1440`),
  ],
);

/** Every upload is kept; the newest version counts. */
export const assessmentSubmissions = pgTable(
  "assessment_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
    isLate: boolean("is_late").notNull().default(false),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("assessment_submissions_version_key").on(t.assessmentId, t.version)],
);

/**
 * The hiring team's choice of the version that counts, one row per assessment at most. Without a
 * row the newest version counts (`modules/assessments/counting-version.ts` owns that rule).
 */
export const assessmentCountingChoices = pgTable("assessment_counting_choices", {
  assessmentId: uuid("assessment_id")
    .primaryKey()
    .references(() => assessments.id, { onDelete: "cascade" }),
  submissionId: uuid("submission_id")
    .notNull()
    .references(() => assessmentSubmissions.id, { onDelete: "cascade" }),
  reason: text("reason").notNull(),
  chosenBy: uuid("chosen_by").references(() => users.id, { onDelete: "set null" }),
  chosenAt: timestamp("chosen_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One grading run of a submission; a re-grade is a new row, so earlier reports stay. */
export const gradings = pgTable(
  "gradings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => assessmentSubmissions.id, { onDelete: "cascade" }),
    status: text("status", { enum: GRADING_STATUSES }).notNull().default("queued"),
    score: integer("score"),
    report: jsonb("report"),
    jobId: uuid("job_id"),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("gradings_submission_idx").on(t.submissionId, t.createdAt),
    check("gradings_status_check", oneOf("status", GRADING_STATUSES)),
    check("gradings_score_check", sql`score is null or score between 0 and 100`),
  ],
);
