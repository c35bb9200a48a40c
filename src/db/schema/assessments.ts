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
/** "shared": one clock for all parts, started once; "per-part": each part starts its own. */
export const ASSESSMENT_TIMINGS = ["shared", "per-part"] as const;
export type TAssessmentTiming = (typeof ASSESSMENT_TIMINGS)[number];
export const MAX_ASSESSMENT_PARTS = 4;

/**
 * One practical assessment sent to a candidate: one link, one deadline, 1–4 parts (one pack
 * each). With shared timing `timeLimitMinutes` and `startedAt` are the one clock; with per-part
 * timing each part has its own and these hold the sum and the first start.
 */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    timing: text("timing", { enum: ASSESSMENT_TIMINGS }).notNull().default("shared"),
    timeLimitMinutes: integer("time_limit_minutes").notNull(),
    deadlineAt: timestamp("deadline_at", { withTimezone: true }).notNull(),
    // The link's secret is stored only as a hash; the link itself is shown once to the sender.
    tokenHash: text("token_hash").notNull(),
    sentBy: uuid("sent_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** The candidate said they are done: the clock stops and no upload is taken after it. */
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** When the candidate was reminded that the deadline is a day away; once per assessment. */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("assessments_token_hash_key").on(t.tokenHash),
    index("assessments_application_idx").on(t.applicationId),
    check("assessments_time_limit_check", sql`time_limit_minutes between 10 and 1440`),
    check("assessments_timing_check", oneOf("timing", ASSESSMENT_TIMINGS)),
  ],
);

/** One pack of an assessment, in the order the candidate sees them. */
export const assessmentParts = pgTable(
  "assessment_parts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    /** 1-based, as the candidate reads it ("Part 2"). */
    position: integer("position").notNull(),
    packId: text("pack_id").notNull(),
    /** The part's own clock (per-part timing); with shared timing the pack's suggested effort. */
    timeLimitMinutes: integer("time_limit_minutes").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    /** The first upload; later uploads are new versions. */
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("assessment_parts_position_key").on(t.assessmentId, t.position),
    uniqueIndex("assessment_parts_pack_key").on(t.assessmentId, t.packId),
    check("assessment_parts_position_check", sql`position between 1 and 4`),
    check("assessment_parts_time_limit_check", sql`time_limit_minutes between 10 and 1440`),
  ],
);

/** Every upload is kept; per part, the newest version counts. */
export const assessmentSubmissions = pgTable(
  "assessment_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    partId: uuid("part_id")
      .notNull()
      .references(() => assessmentParts.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
    isLate: boolean("is_late").notNull().default(false),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("assessment_submissions_part_version_key").on(t.partId, t.version)],
);

/**
 * The hiring team's choice of the version that counts, one row per part at most (each part has
 * its own versions). Without a row the part's newest version counts
 * (`modules/assessments/counting-version.ts` owns that rule).
 */
export const assessmentCountingChoices = pgTable("assessment_counting_choices", {
  partId: uuid("part_id")
    .primaryKey()
    .references(() => assessmentParts.id, { onDelete: "cascade" }),
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
    /**
     * What the shortlist reads of a report (status, integrity verdict, each group's id, passed,
     * total and weight), kept by PostgreSQL from `report` on every write: reading it for a
     * role's 1,600 gradings takes half the time of picking it out of the reports (migration 0015).
     */
    summary: jsonb("summary").generatedAlwaysAs(sql`grading_summary(report)`),
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
