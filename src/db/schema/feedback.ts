import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { oneOf } from "./columns.js";
import { applications } from "./hiring.js";

export const FEEDBACK_STATUSES = ["draft", "approved"] as const;
export type TFeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/**
 * The structured feedback kept for a rejected candidate: one per application, drafted from the
 * competency-level evidence, edited by the team and approved before anyone downloads it. An edit
 * after approval returns it to draft, so what was approved is always what is downloaded.
 */
export const applicationFeedback = pgTable(
  "application_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    status: text("status", { enum: FEEDBACK_STATUSES }).notNull().default("draft"),
    body: text("body").notNull(),
    // Bumped on every save; the client sends the revision it edited (optimistic concurrency).
    revision: integer("revision").notNull().default(1),
    editedBy: uuid("edited_by").references(() => users.id, { onDelete: "set null" }),
    editedAt: timestamp("edited_at", { withTimezone: true }).notNull().defaultNow(),
    approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    /** When the approved text went to the candidate by e-mail; it goes once. */
    sentAt: timestamp("sent_at", { withTimezone: true }),
    sentBy: uuid("sent_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("application_feedback_application_key").on(t.applicationId),
    check("application_feedback_status_check", oneOf("status", FEEDBACK_STATUSES)),
  ],
);
