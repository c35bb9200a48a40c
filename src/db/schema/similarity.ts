import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { assessments, assessmentSubmissions } from "./assessments.js";
import { candidates } from "./hiring.js";

/**
 * One submission's fingerprint set (src/grader/similarity/winnow.ts): who it belongs to, so a
 * comparison can leave out the candidate's own other uploads, and its size, the denominator.
 */
export const submissionFingerprintSets = pgTable(
  "submission_fingerprint_sets",
  {
    submissionId: uuid("submission_id")
      .primaryKey()
      .references(() => assessmentSubmissions.id, { onDelete: "cascade" }),
    packId: text("pack_id").notNull(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    /** Sets made with other k, w or normalisation are never compared. */
    algorithm: text("algorithm").notNull(),
    /** Distinct fingerprint hashes. */
    fingerprintCount: integer("fingerprint_count").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("submission_fingerprint_sets_pack_idx").on(t.packId, t.algorithm)],
);

/** Each winnowed fingerprint with where it is; one row per position (a hash can repeat). */
export const submissionFingerprints = pgTable(
  "submission_fingerprints",
  {
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissionFingerprintSets.submissionId, { onDelete: "cascade" }),
    packId: text("pack_id").notNull(),
    hash: bigint("hash", { mode: "number" }).notNull(),
    path: text("path").notNull(),
    startLine: integer("start_line").notNull(),
    endLine: integer("end_line").notNull(),
  },
  (t) => [
    // The comparison joins on this: every fingerprint of the same pack with the same hash.
    index("submission_fingerprints_pack_hash_idx").on(t.packId, t.hash),
    index("submission_fingerprints_submission_idx").on(t.submissionId),
  ],
);

/**
 * The closest other submissions of each submission (top 5, one per other assessment), kept in
 * both directions: a later upload that matches an earlier one shows on both reports.
 */
export const similarityMatches = pgTable(
  "similarity_matches",
  {
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissionFingerprintSets.submissionId, { onDelete: "cascade" }),
    matchedSubmissionId: uuid("matched_submission_id")
      .notNull()
      .references(() => submissionFingerprintSets.submissionId, { onDelete: "cascade" }),
    matchedAssessmentId: uuid("matched_assessment_id").notNull(),
    sharedCount: integer("shared_count").notNull(),
    /** Shared distinct fingerprints / the smaller set's distinct fingerprints, 0–1. */
    similarity: doublePrecision("similarity").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.matchedSubmissionId] }),
    index("similarity_matches_matched_idx").on(t.matchedSubmissionId),
    check("similarity_matches_similarity_check", sql`similarity between 0 and 1`),
  ],
);
