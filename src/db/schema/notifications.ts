import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { oneOf } from "./columns.js";
import { applications } from "./hiring.js";

/**
 * What the hiring team is told about, in the app and by e-mail: an assessment report arrived, a
 * scorecard came in on an application one runs, every scorecard of a round is in and the decision
 * waits, and a colleague mentioned one in a note.
 */
export const NOTIFICATION_KINDS = [
  "report_ready",
  "scorecard_submitted",
  "decision_waiting",
  "note_mention",
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The hiring team's notes on an application: pipeline-only (interviewers do not read them, so
 * their scorecards stay independent). Mentioned colleagues are resolved when the note is written.
 */
export const applicationNotes = pgTable(
  "application_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    mentionedUserIds: jsonb("mentioned_user_ids").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_notes_application_idx").on(t.applicationId, t.createdAt)],
);

/**
 * One line in a person's bell. It stores references, never text: the candidate's name and the
 * role's title are read when the list is shown, so an erasure or a rename reaches it at once.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    noteId: uuid("note_id").references(() => applicationNotes.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    // The bell pages newest first per person, and counts what is unread.
    index("notifications_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("notifications_user_unread_idx")
      .on(t.userId)
      .where(sql`read_at is null`),
    check("notifications_kind_check", oneOf("kind", NOTIFICATION_KINDS)),
  ],
);

/** A person's choice per kind; a kind without a row uses the defaults in notification-kinds.ts. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    inApp: boolean("in_app").notNull(),
    email: boolean("email").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check("notification_preferences_kind_check", oneOf("kind", NOTIFICATION_KINDS)),
  ],
);
