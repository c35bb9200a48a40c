import { z } from "zod";
import {
  DISABILITY_ANSWERS,
  RACE_ETHNICITY_ANSWERS,
  SEX_ANSWERS,
  VETERAN_ANSWERS,
} from "../../db/schema/index.js";
import { ZIsoDate, ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

/** Each question may be left out (null): answering one does not oblige the others. */
export const ZSelfIdentificationAnswers = z.strictObject({
  sex: z.enum(SEX_ANSWERS).nullable(),
  raceEthnicity: z.enum(RACE_ETHNICITY_ANSWERS).nullable(),
  veteranStatus: z.enum(VETERAN_ANSWERS).nullable(),
  disability: z.enum(DISABILITY_ANSWERS).nullable(),
});
export type TSelfIdentificationAnswers = z.infer<typeof ZSelfIdentificationAnswers>;

export const ZSelfIdentificationResponse = z.object({
  /** null: the candidate has not answered (or withdrew their answers). */
  selfIdentification: ZSelfIdentificationAnswers.extend({ updatedAt: ZIsoDateTime }).nullable(),
});

export const FAIRNESS_CATEGORIES = ["sex", "raceEthnicity", "veteranStatus", "disability"] as const;
export type TFairnessCategory = (typeof FAIRNESS_CATEGORIES)[number];

export const ZFairnessReportQuery = z.strictObject({
  /** One role (per stage of its plan); without it, every role in reach, per stage kind. */
  roleId: ZUuid.optional(),
  /** Applications created on or after this day (UTC); default a year before `to`. */
  from: ZIsoDate.optional(),
  /** Applications created up to and including this day (UTC); default today. */
  to: ZIsoDate.optional(),
});
export type TFairnessReportQuery = z.infer<typeof ZFairnessReportQuery>;

const ZRate = z.number().min(0).max(1);
const ZGroupImpact = z.object({
  group: z.string().max(60),
  size: z.number().int().min(5),
  selected: z.number().int().min(0),
  selectionRate: ZRate,
  /** Against the highest-rated group's rate; null for that group and for groups not rated. */
  impactRatio: z.number().min(0).nullable(),
  /** false for a group under 2% of the sample: shown, not rated. */
  rated: z.boolean(),
  isReference: z.boolean(),
  belowFourFifths: z.boolean(),
  fisherP: ZRate.nullable(),
  smallSample: z.boolean(),
});
const ZImpactTable = z.object({
  /** Groups of at least 5 people; smaller groups are never sent. */
  groups: z.array(ZGroupImpact).max(10),
  /** How many groups had fewer than 5 people and were left out. */
  suppressedGroups: z.number().int().min(0).max(10),
});
const ZCategoryImpact = ZImpactTable.extend({ category: z.enum(FAIRNESS_CATEGORIES) });
const ZStageImpact = z.object({
  /** A stage id (one role) or a stage kind (across roles). */
  key: z.string().max(60),
  name: z.string().max(200),
  categories: z.array(ZCategoryImpact).max(FAIRNESS_CATEGORIES.length),
});

export const ZFairnessReportResponse = z.object({
  roleId: ZUuid.nullable(),
  from: ZIsoDate,
  to: ZIsoDate,
  /** Per stage: of those who reached it, who reached a later stage (or were hired from it). */
  stages: z.array(ZStageImpact).max(100),
  /** Of every application in range, who was hired. */
  overall: z.array(ZCategoryImpact).max(FAIRNESS_CATEGORIES.length),
  thresholds: z.object({
    minGroupShown: z.number().int(),
    minShareRated: z.number(),
    fourFifths: z.number(),
    smallSample: z.number().int(),
  }),
});
export type TFairnessReportResponse = z.infer<typeof ZFairnessReportResponse>;
