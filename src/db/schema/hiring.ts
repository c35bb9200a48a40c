import { sql } from "drizzle-orm";
import { oneOf } from "./columns.js";
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";

export const LEVELS = ["junior", "mid", "senior"] as const;
export const TEAM_ROLES = ["hiring_manager", "recruiter", "interviewer"] as const;
export type TTeamRole = (typeof TEAM_ROLES)[number];
export const ROLE_STATUSES = ["open", "closed"] as const;
export const STAGE_KINDS = [
  "resume-screen",
  "technical-screen",
  "practical-assessment",
  "technical-deep-dive",
  "culture-fit",
  "decision",
  "custom",
] as const;
export type TStageKind = (typeof STAGE_KINDS)[number];
export const APPLICATION_STATUSES = ["active", "rejected", "withdrawn", "hired"] as const;
export type TApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const SCORECARD_STATUSES = ["draft", "submitted"] as const;
export const RECOMMENDATIONS = ["strong_no", "no", "yes", "strong_yes"] as const;
export type TRecommendation = (typeof RECOMMENDATIONS)[number];
export const DECISIONS = ["advance", "reject", "offer"] as const;
export type TDecisionKind = (typeof DECISIONS)[number];

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** Rubric anchors 1-4 with optional per-level overrides; validated by ZQuestionRubric. */
export type TStoredRubric = Record<string, Record<string, string>>;

export const questions = pgTable("questions", {
  // The seed's kebab-case slug, stable across versions so plans and kits can name a question.
  id: text("id").primaryKey(),
  latestVersion: integer("latest_version").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// Immutable: an edit inserts a new row, so a scorecard always points at the words it was scored on.
export const questionVersions = pgTable(
  "question_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    area: text("area").notNull(),
    title: text("title").notNull(),
    prompt: text("prompt").notNull(),
    competencies: jsonb("competencies").$type<string[]>().notNull(),
    levels: jsonb("levels").$type<string[]>().notNull(),
    cultureFacets: jsonb("culture_facets").$type<string[]>(),
    suggestedMinutes: integer("suggested_minutes").notNull(),
    signals: jsonb("signals").$type<string[]>().notNull(),
    redFlags: jsonb("red_flags").$type<string[]>().notNull(),
    followUps: jsonb("follow_ups").$type<string[]>().notNull(),
    rubric: jsonb("rubric").$type<TStoredRubric>().notNull(),
    changeNote: text("change_note"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("question_versions_question_version_key").on(t.questionId, t.version)],
);

export const roles = pgTable(
  "roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    level: text("level", { enum: LEVELS }).notNull(),
    status: text("status", { enum: ROLE_STATUSES }).notNull().default("open"),
    scope: text("scope").notNull(),
    stackTags: jsonb("stack_tags").$type<string[]>().notNull(),
    competencyWeights: jsonb("competency_weights").$type<Record<string, number>>().notNull(),
    // The shortlist's bar on the 1–4 scale: P(above the bar) is measured against it.
    bar: doublePrecision("bar").notNull().default(3),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  () => [
    check("roles_level_check", oneOf("level", LEVELS)),
    check("roles_status_check", oneOf("status", ROLE_STATUSES)),
    check("roles_bar_check", sql`bar between 1 and 4`),
  ],
);

export const roleTeamMembers = pgTable(
  "role_team_members",
  {
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    teamRole: text("team_role", { enum: TEAM_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.roleId, t.userId] }),
    index("role_team_members_user_idx").on(t.userId),
    check("role_team_members_team_role_check", oneOf("team_role", TEAM_ROLES)),
  ],
);

/** One question in a stage's kit, in asking order. */
export type TStageKitItem = { questionId: string; minutes: number };

export const roleStages = pgTable(
  "role_stages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    // Not unique: a plan edit rewrites positions in place, and order is checked by the service.
    position: integer("position").notNull(),
    kind: text("kind", { enum: STAGE_KINDS }).notNull(),
    name: text("name").notNull(),
    purpose: text("purpose").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    competencies: jsonb("competencies").$type<string[]>().notNull(),
    kit: jsonb("kit").$type<TStageKitItem[]>().notNull(),
    checklist: jsonb("checklist").$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("role_stages_role_idx").on(t.roleId, t.position),
    check("role_stages_kind_check", oneOf("kind", STAGE_KINDS)),
  ],
);

export const candidates = pgTable(
  "candidates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    // Stored lower-cased (the request schema folds it). One record per e-mail, except records an
    // import made beside a candidate its uploader may not see: those point at the original
    // (`possible_duplicate_of`) until an admin merges them.
    email: text("email").notNull(),
    phone: text("phone"),
    githubUrl: text("github_url"),
    portfolioUrl: text("portfolio_url"),
    linkedinUrl: text("linkedin_url"),
    notes: text("notes"),
    // The name folded for spotting possible duplicates: case, accents and spacing aside, so
    // "Jónas  Berg" and "jonas berg" meet. Computed by the database, so every writer agrees.
    nameKey: text("name_key").generatedAlwaysAs(
      sql`btrim(regexp_replace(lower(regexp_replace(normalize(name, NFD), '[\\u0300-\\u036f]', '', 'g')), '\\s+', ' ', 'g'))`,
    ),
    possibleDuplicateOf: uuid("possible_duplicate_of").references(
      (): AnyPgColumn => candidates.id,
      { onDelete: "set null" },
    ),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Set when the personal data was erased; the row stays, anonymous, for ratings and history. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("candidates_email_key")
      .on(t.email)
      .where(sql`possible_duplicate_of is null`),
    index("candidates_possible_duplicate_idx").on(t.possibleDuplicateOf),
    index("candidates_created_by_idx").on(t.createdBy),
    index("candidates_name_key_idx").on(t.nameKey),
    // The candidates list's keyset order: a page is an index range, not a sort of everyone.
    index("candidates_name_id_idx").on(t.name, t.id),
    // Substring search (`ILIKE '%q%'`) through trigrams instead of reading every candidate.
    index("candidates_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    index("candidates_email_trgm_idx").using("gin", t.email.op("gin_trgm_ops")),
  ],
);

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    currentStageId: uuid("current_stage_id")
      .notNull()
      .references(() => roleStages.id),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull().default("active"),
    closedReason: text("closed_reason"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("applications_candidate_role_key").on(t.candidateId, t.roleId),
    // A board column: one role's stage, its active applications in either direction of change,
    // keyset on (updated_at, id); also serves counts per role and stage.
    index("applications_board_column_idx").on(
      t.roleId,
      t.currentStageId,
      t.status,
      t.updatedAt.desc(),
      t.id,
    ),
    // The board and the lists: one role, one status, newest first, keyset on (updated_at, id).
    index("applications_role_status_updated_idx").on(t.roleId, t.status, t.updatedAt.desc(), t.id),
    check("applications_status_check", oneOf("status", APPLICATION_STATUSES)),
  ],
);

export const applicationStageEvents = pgTable(
  "application_stage_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    fromStageId: uuid("from_stage_id").references(() => roleStages.id, { onDelete: "set null" }),
    toStageId: uuid("to_stage_id").references(() => roleStages.id, { onDelete: "set null" }),
    statusAfter: text("status_after", { enum: APPLICATION_STATUSES }).notNull(),
    reason: text("reason"),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_stage_events_application_idx").on(t.applicationId, t.id)],
);

/** The kit as it was when the interview was scheduled: later plan or question edits do not move it. */
export type TInterviewKitItem = { questionId: string; questionVersionId: string; minutes: number };

// One row per interviewer: a panel of three is three interviews with the same stage and time.
export const interviews = pgTable(
  "interviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => roleStages.id),
    interviewerId: uuid("interviewer_id")
      .notNull()
      .references(() => users.id),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(60),
    /** The IANA zone the time was chosen in: how invites and reminders read it back to people. */
    timeZone: text("time_zone").notNull().default("UTC"),
    location: text("location"),
    meetingUrl: text("meeting_url"),
    /** RFC 5545 SEQUENCE of the calendar invite: each reschedule or cancel sends the next one. */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    /** How many scorecard reminders have gone to the interviewer (see scorecard-reminders.ts). */
    remindersSent: integer("reminders_sent").notNull().default(0),
    kit: jsonb("kit").$type<TInterviewKitItem[]>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("interviews_duration_check", sql`duration_minutes between 5 and 480`),
    uniqueIndex("interviews_application_stage_interviewer_key").on(
      t.applicationId,
      t.stageId,
      t.interviewerId,
    ),
    // An interviewer's own list, in schedule order, keyset on (scheduled_at, id).
    index("interviews_interviewer_idx").on(t.interviewerId, t.scheduledAt, t.id),
  ],
);

/**
 * A person's secret calendar feed of the interviews they run. Only the token's sha256 is kept:
 * the URL is shown once, and resetting it revokes the old one.
 */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: createdAt(),
});

export type TQuestionAnswer = {
  questionId: string;
  questionVersionId: string;
  // 1-4 (checked by the request schema), "not_asked", or null while still a draft.
  rating: number | "not_asked" | null;
  signals: string[];
  notes: string;
};

// A scorecard row is one version: version 1 is drafted then submitted; a correction is version n+1,
// submitted directly, and the row it replaces stays (supersededAt) so the trail is complete.
export const scorecards = pgTable(
  "scorecards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => roleStages.id),
    interviewerId: uuid("interviewer_id")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull(),
    status: text("status", { enum: SCORECARD_STATUSES }).notNull(),
    // Bumped on every draft save; the client sends the revision it edited (optimistic concurrency).
    revision: integer("revision").notNull(),
    answers: jsonb("answers").$type<TQuestionAnswer[]>().notNull(),
    competencyRatings: jsonb("competency_ratings").$type<Record<string, number>>().notNull(),
    keyTakeaways: text("key_takeaways").notNull(),
    recommendation: text("recommendation", { enum: RECOMMENDATIONS }),
    correctionReason: text("correction_reason"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("scorecards_interview_version_key").on(t.interviewId, t.version),
    index("scorecards_application_stage_idx").on(t.applicationId, t.stageId),
    // The current version of an interview's scorecard, and a stage's scorecards, without a scan.
    index("scorecards_current_interview_idx")
      .on(t.interviewId, t.status)
      .where(sql`superseded_at is null`),
    index("scorecards_stage_interviewer_idx").on(t.stageId, t.interviewerId),
    check("scorecards_status_check", oneOf("status", SCORECARD_STATUSES)),
    check(
      "scorecards_recommendation_check",
      sql.raw(
        `recommendation is null or recommendation in (${RECOMMENDATIONS.map((r) => `'${r}'`).join(", ")})`,
      ),
    ),
  ],
);

/**
 * What each current submitted scorecard says per competency, kept by the database itself: a
 * trigger on scorecards (migration 0014) writes one row per competency when a card is submitted
 * and removes them when it is superseded, so the shortlist aggregates ratings in SQL instead of
 * reading every card's answers. `rating` is the explicit competency rating, else the mean of the
 * card's numeric question ratings on that competency (`explicit` says which).
 */
export const scorecardRatings = pgTable(
  "scorecard_ratings",
  {
    scorecardId: uuid("scorecard_id")
      .notNull()
      .references(() => scorecards.id, { onDelete: "cascade" }),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id").notNull(),
    interviewerId: uuid("interviewer_id").notNull(),
    competency: text("competency").notNull(),
    rating: doublePrecision("rating").notNull(),
    explicit: boolean("explicit").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scorecardId, t.competency] }),
    index("scorecard_ratings_application_idx").on(t.applicationId, t.competency),
  ],
);

/**
 * Per application and competency, the sums over its raters (each rater once: their cards' mean),
 * kept with `scorecard_ratings` by the same trigger: what a lead's shortlist ranks on, read
 * without aggregating every rating per request.
 */
export const scorecardRatingCells = pgTable(
  "scorecard_rating_cells",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    competency: text("competency").notNull(),
    n: integer("n").notNull(),
    total: doublePrecision("total").notNull(),
    squares: doublePrecision("squares").notNull(),
    low: doublePrecision("low").notNull(),
    high: doublePrecision("high").notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.competency] })],
);

export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => roleStages.id),
    decision: text("decision", { enum: DECISIONS }).notNull(),
    rationale: text("rationale").notNull(),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("decisions_application_idx").on(t.applicationId),
    check("decisions_decision_check", oneOf("decision", DECISIONS)),
  ],
);
