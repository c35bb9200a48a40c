import { oneOf } from "./columns.js";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const MAIL_KINDS = [
  "team_invite",
  "assessment_link",
  "interview_scheduled",
  "interview_rescheduled",
  "interview_cancelled",
  "scorecard_reminder",
  "report_ready",
  "rejection_feedback",
  "assessment_reminder",
  "scorecard_submitted",
  "decision_waiting",
  "note_mention",
] as const;
export type TMailKind = (typeof MAIL_KINDS)[number];

export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export type TOutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The transactional outbox: a message is written in the same transaction as its cause (an invite,
 * an assessment sent) and a job delivers it, so a crash or a refusing SMTP server loses nothing.
 * Shortlist is one organisation per installation, so the organisation is the installation.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: MAIL_KINDS }).notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** An iCalendar part (METHOD:REQUEST or CANCEL) sent as text/calendar with the message. */
    calendarMethod: text("calendar_method", { enum: ["REQUEST", "CANCEL"] }),
    calendarIcs: text("calendar_ics"),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    // The Outbox page pages newest first by (created_at, id).
    index("outbox_messages_created_idx").on(t.createdAt, t.id),
    check("outbox_messages_status_check", oneOf("status", OUTBOX_STATUSES)),
    check("outbox_messages_kind_check", oneOf("kind", MAIL_KINDS)),
  ],
);

/** An admin's wording of one kind of mail; a kind without a row uses the built-in default. */
export const mailTemplates = pgTable(
  "mail_templates",
  {
    kind: text("kind", { enum: MAIL_KINDS }).primaryKey(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check("mail_templates_kind_check", oneOf("kind", MAIL_KINDS))],
);
