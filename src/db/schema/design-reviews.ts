import { sql } from "drizzle-orm";
import {
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
import { assessmentParts, assessments, assessmentSubmissions } from "./assessments.js";
import { oneOf } from "./columns.js";
import { applications } from "./hiring.js";

const timestampColumn = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => timestampColumn("created_at").notNull().defaultNow();
const updatedAt = () => timestampColumn("updated_at").notNull().defaultNow();

export const DESIGN_REVIEW_STATUSES = ["draft", "submitted"] as const;
export type TDesignReviewStatus = (typeof DESIGN_REVIEW_STATUSES)[number];

/** One rubric dimension as a reviewer scored it: a 1–4 rating and the passage that decided it. */
export type TDesignReviewScore = { rating: number | null; quote: string; note: string };

/**
 * A reviewer's review of the design-document part of an assessment: one per reviewer and part,
 * a draft until submitted, then locked. It names the part's submission version it read, so a
 * later upload never silently changes what a quote refers to.
 */
export const designReviews = pgTable(
  "design_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    // The architecture part reviewed; an assessment may hold other parts graded automatically.
    partId: uuid("part_id")
      .notNull()
      .references(() => assessmentParts.id, { onDelete: "cascade" }),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => assessmentSubmissions.id, { onDelete: "cascade" }),
    // Denormalised from the assessment so the shortlist reads evidence per application directly.
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: DESIGN_REVIEW_STATUSES }).notNull(),
    // Bumped on every draft save; the client sends the revision it edited (optimistic concurrency).
    revision: integer("revision").notNull(),
    scores: jsonb("scores").$type<Record<string, TDesignReviewScore>>().notNull(),
    summary: text("summary").notNull(),
    submittedAt: timestampColumn("submitted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("design_reviews_part_reviewer_key").on(t.partId, t.reviewerId),
    index("design_reviews_assessment_idx").on(t.assessmentId),
    index("design_reviews_application_idx").on(t.applicationId, t.status),
    check("design_reviews_status_check", oneOf("status", DESIGN_REVIEW_STATUSES)),
    check(
      "design_reviews_submitted_check",
      sql`(status = 'submitted') = (submitted_at is not null)`,
    ),
  ],
);
