import { check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "./columns.js";
import { candidates } from "./hiring.js";

/** Offered in every category: a candidate may answer the form and still keep any part private. */
export const PREFER_NOT_TO_SAY = "prefer_not_to_say";
// The categories of the EEO-1 report (sex, race/ethnicity) and of the US federal-contractor forms
// (protected veteran, disability), each with "prefer not to say".
export const SEX_ANSWERS = ["female", "male", "another", PREFER_NOT_TO_SAY] as const;
export const RACE_ETHNICITY_ANSWERS = [
  "hispanic_or_latino",
  "white",
  "black_or_african_american",
  "asian",
  "native_hawaiian_or_pacific_islander",
  "american_indian_or_alaska_native",
  "two_or_more",
  PREFER_NOT_TO_SAY,
] as const;
export const VETERAN_ANSWERS = [
  "protected_veteran",
  "not_protected_veteran",
  PREFER_NOT_TO_SAY,
] as const;
export const DISABILITY_ANSWERS = ["yes", "no", PREFER_NOT_TO_SAY] as const;

/**
 * A candidate's voluntary self-identification, kept apart from everything the hiring team reads:
 * only the fairness module's aggregates and the candidate's own export and erasure touch it. A
 * null column is a question left unanswered; no row is a candidate who skipped the form.
 */
export const selfIdentifications = pgTable(
  "self_identifications",
  {
    candidateId: uuid("candidate_id")
      .primaryKey()
      .references(() => candidates.id, { onDelete: "cascade" }),
    sex: text("sex", { enum: SEX_ANSWERS }),
    raceEthnicity: text("race_ethnicity", { enum: RACE_ETHNICITY_ANSWERS }),
    veteranStatus: text("veteran_status", { enum: VETERAN_ANSWERS }),
    disability: text("disability", { enum: DISABILITY_ANSWERS }),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    check("self_identifications_sex_check", oneOf("sex", SEX_ANSWERS)),
    check("self_identifications_race_check", oneOf("race_ethnicity", RACE_ETHNICITY_ANSWERS)),
    check("self_identifications_veteran_check", oneOf("veteran_status", VETERAN_ANSWERS)),
    check("self_identifications_disability_check", oneOf("disability", DISABILITY_ANSWERS)),
  ],
);
