import { doublePrecision, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { applications } from "./hiring.js";

/*
 * The analytics rollups (migration 0017): per application, what the calibration, reliability and
 * question reports aggregate, kept by a trigger on scorecards (`refresh_analytics_rollups`). Every
 * quantity in them depends only on the cards of one application (a panel, a reliability unit and
 * a candidate's stage total never span two), so a report's role and date filter, which select
 * applications, can be applied to the kept rows: a report adds up one row per application and
 * interviewer, unit or question instead of re-reading 240,000 ratings per request.
 */

/**
 * One interviewer's current submitted cards on one application: their recommendations, and their
 * comparisons with the rest of the panel (each explicit competency rating minus the other raters'
 * mean at the same stage and competency), which is one cluster of the leniency interval.
 */
export const analyticsInterviewerClusters = pgTable(
  "analytics_interviewer_clusters",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    interviewerId: uuid("interviewer_id").notNull(),
    cards: integer("cards").notNull(),
    strongNo: integer("strong_no").notNull(),
    no: integer("no").notNull(),
    yes: integer("yes").notNull(),
    strongYes: integer("strong_yes").notNull(),
    /** Comparisons with the rest of the panel (n_g) and the sum of their differences (s_g). */
    comparisons: integer("comparisons").notNull(),
    deviationSum: doublePrecision("deviation_sum").notNull(),
  },
  (t) => [
    primaryKey({
      name: "analytics_interviewer_clusters_pk",
      columns: [t.applicationId, t.interviewerId],
    }),
  ],
);

/**
 * One reliability unit: a candidate's current ratings at one stage on one competency (level
 * `competency`, explicit ratings) or one question (level `question`, keyed by question id), as
 * counts per value 1-4.
 */
export const analyticsReliabilityUnits = pgTable(
  "analytics_reliability_units",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id").notNull(),
    level: text("level", { enum: ["competency", "question"] }).notNull(),
    key: text("key").notNull(),
    v1: integer("v1").notNull(),
    v2: integer("v2").notNull(),
    v3: integer("v3").notNull(),
    v4: integer("v4").notNull(),
  },
  (t) => [
    primaryKey({
      name: "analytics_reliability_units_pk",
      columns: [t.applicationId, t.stageId, t.level, t.key],
    }),
  ],
);

/**
 * One question version asked of a candidate at one stage: the mean of its numeric ratings (`score`)
 * and the mean of the candidate's other numeric question ratings at that stage (`rest`, null when
 * there are none), the pair the item-rest correlation is taken over.
 */
export const analyticsQuestionItems = pgTable(
  "analytics_question_items",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id").notNull(),
    questionVersionId: text("question_version_id").notNull(),
    score: doublePrecision("score").notNull(),
    rest: doublePrecision("rest"),
  },
  (t) => [
    primaryKey({
      name: "analytics_question_items_pk",
      columns: [t.applicationId, t.stageId, t.questionVersionId],
    }),
  ],
);
