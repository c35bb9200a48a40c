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
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { storedFiles } from "./files.js";
import { applications, candidates, roles } from "./hiring.js";

export const SCREEN_OUTCOMES = ["pass", "hold", "reject"] as const;
export const INTAKE_STATUSES = ["uploading", "processing", "done"] as const;

/** A role's screening checklist (items as ZChecklist) and whether screening is blind. */
export const roleScreeningSettings = pgTable("role_screening_settings", {
  roleId: uuid("role_id")
    .primaryKey()
    .references(() => roles.id, { onDelete: "cascade" }),
  checklist: jsonb("checklist").notNull(),
  blind: boolean("blind").notNull().default(false),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A candidate's resume: the original file and what was extracted from it. */
export const resumes = pgTable(
  "resumes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
    format: text("format").notNull(),
    text: text("text").notNull(),
    fields: jsonb("fields").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("resumes_candidate_idx").on(t.candidateId, t.createdAt)],
);

/** A recorded screen: the checklist as it was, the proposal, each confirmed item, the outcome. */
export const resumeScreens = pgTable(
  "resume_screens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    resumeId: uuid("resume_id").references(() => resumes.id, { onDelete: "set null" }),
    checklist: jsonb("checklist").notNull(),
    proposal: jsonb("proposal").notNull(),
    items: jsonb("items").notNull(),
    outcome: text("outcome", { enum: SCREEN_OUTCOMES }).notNull(),
    notes: text("notes").notNull().default(""),
    blind: boolean("blind").notNull(),
    screenedBy: uuid("screened_by").references(() => users.id, { onDelete: "set null" }),
    screenedAt: timestamp("screened_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("resume_screens_application_idx").on(t.applicationId, t.screenedAt),
    check("resume_screens_outcome_check", oneOf("outcome", SCREEN_OUTCOMES)),
  ],
);

/** A bulk upload of resumes to a role, processed in the background with a per-file report. */
export const intakeBatches = pgTable(
  "intake_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    status: text("status", { enum: INTAKE_STATUSES }).notNull().default("uploading"),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    succeeded: integer("succeeded").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    // [{ filename, status: "imported" | "merged" | "failed", reason?, candidateId?, applicationId? }]
    results: jsonb("results")
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("intake_batches_role_idx").on(t.roleId, t.createdAt),
    check("intake_batches_status_check", oneOf("status", INTAKE_STATUSES)),
  ],
);

/** The files of a batch waiting to be processed; removed once processed. */
export const intakeFiles = pgTable(
  "intake_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => intakeBatches.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
  },
  (t) => [index("intake_files_batch_idx").on(t.batchId, t.position)],
);
