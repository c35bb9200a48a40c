import { sql } from "drizzle-orm";
import { oneOf } from "./columns.js";
import {
  bigserial,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { candidates } from "./hiring.js";

/** Why we may hold a candidate's data (GDPR art. 6): stored with every consent record. */
export const LAWFUL_BASES = ["consent", "legitimate_interest", "contract"] as const;
export type TLawfulBasis = (typeof LAWFUL_BASES)[number];
/** How the candidate reached us, or where they acknowledged the notice. */
export const CONSENT_SOURCES = ["team_form", "csv_import", "bulk_intake", "assessment"] as const;
export type TConsentSource = (typeof CONSENT_SOURCES)[number];
/** What personal data a staff member read: contact details, or the résumé as text or file. */
export const ACCESS_KINDS = ["contact", "resume_text", "resume_file"] as const;
export type TAccessKind = (typeof ACCESS_KINDS)[number];

/** The organisation's own settings: one row (id 1), created on first save. */
export const organisationSettings = pgTable(
  "organisation_settings",
  {
    id: smallint("id").primaryKey().default(1),
    privacyNoticeUrl: text("privacy_notice_url"),
    /** Months after the last rejection/withdrawal before a candidate is anonymized; null = off. */
    retentionMonths: integer("retention_months"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    check("organisation_settings_singleton_check", sql`id = 1`),
    check(
      "organisation_settings_retention_check",
      sql`retention_months is null or retention_months between 1 and 120`,
    ),
  ],
);

/** One row per time we recorded a lawful basis for holding a candidate's data. */
export const candidateConsents = pgTable(
  "candidate_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    lawfulBasis: text("lawful_basis", { enum: LAWFUL_BASES }).notNull(),
    source: text("source", { enum: CONSENT_SOURCES }).notNull(),
    /** The notice in force when this was recorded (the organisation's URL at the time). */
    noticeUrl: text("notice_url"),
    /** Null when the candidate recorded it themselves (the assessment portal). */
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("candidate_consents_candidate_idx").on(t.candidateId, t.recordedAt),
    check("candidate_consents_basis_check", oneOf("lawful_basis", LAWFUL_BASES)),
    check("candidate_consents_source_check", oneOf("source", CONSENT_SOURCES)),
  ],
);

/** Who read a candidate's contact details or résumé, and when: one insert per read. */
export const candidateAccessEvents = pgTable(
  "candidate_access_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ACCESS_KINDS }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("candidate_access_events_candidate_idx").on(t.candidateId, t.id),
    check("candidate_access_events_kind_check", oneOf("kind", ACCESS_KINDS)),
  ],
);
