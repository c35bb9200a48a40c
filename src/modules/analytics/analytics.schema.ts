import { z } from "zod";
import { ZIsoDate, ZUuid } from "../../shared/schema-primitives.js";

/** The longest date range one report covers: enough for a year-on-year look, bounded for speed. */
export const MAX_RANGE_DAYS = 3 * 366;

export const ZAnalyticsQuery = z
  .object({
    roleId: ZUuid.optional(),
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "from must be on or before to",
    path: ["from"],
  });
export type TAnalyticsQuery = z.infer<typeof ZAnalyticsQuery>;

const ZCount = z.number().int().min(0);
const ZShare = z.number().min(0).max(1).nullable();
const ZMaybe = z.number().nullable();

const ZReportScope = z.object({
  roleId: ZUuid.nullable(),
  /** First day included and last day included (UTC), by when the application was created. */
  from: ZIsoDate,
  to: ZIsoDate,
  /** The roles the caller may pick (admins: all; hiring managers: the roles they lead). */
  /** The picker's roles: open first, then by title, at most 500, the chosen role among them. */
  roles: z.array(z.object({ id: ZUuid, title: z.string().max(200), open: z.boolean() })).max(500),
  /** Every role the caller may analyse; more than `roles` holds when past 500. */
  rolesTotal: z.number().int().min(0),
});

const ZWaiting = z.object({
  applicationId: ZUuid,
  candidateName: z.string().max(200),
  roleTitle: z.string().max(200),
  since: z.iso.datetime({ offset: true }),
  days: z.number().min(0),
});

export const ZProcessAnalyticsResponse = z.object({
  scope: ZReportScope,
  /** Stages in plan order; across several roles, stages of the same kind are added up. */
  stages: z
    .array(
      z.object({
        key: z.string().max(64),
        kind: z.string().max(64),
        name: z.string().max(200),
        /** Applications that ever entered the stage, even if rejected later. */
        reached: ZCount,
        /** Of those, how many went on to a later stage or were hired. */
        passed: ZCount,
        passThrough: ZShare,
        medianHours: ZMaybe,
        p75Hours: ZMaybe,
        /** Visits that ended (moved on, rejected or withdrawn), which the median and p75 describe. */
        finishedVisits: ZCount,
        stillIn: ZCount,
        oldestWaiting: z.array(ZWaiting).max(5),
      }),
    )
    .max(500),
  totals: z.object({
    applications: ZCount,
    firstScreen: z.object({ count: ZCount, medianDays: ZMaybe, p75Days: ZMaybe }),
    hire: z.object({ count: ZCount, medianDays: ZMaybe, p75Days: ZMaybe }),
  }),
  scorecards: z.object({
    /** Interviews already held. */
    held: ZCount,
    submitted: ZCount,
    withinDay: ZCount,
    submissionRate: ZShare,
    withinDayShare: ZShare,
  }),
});
export type TProcessAnalyticsResponse = z.infer<typeof ZProcessAnalyticsResponse>;

const ZRecommendations = z.object({
  strong_no: ZCount,
  no: ZCount,
  yes: ZCount,
  strong_yes: ZCount,
});

export const ZCalibrationResponse = z.object({
  scope: ZReportScope,
  lambda: z.number(),
  minComparisons: z.number().int(),
  interviewers: z
    .array(
      z.object({
        interviewerId: ZUuid,
        name: z.string().max(200),
        scorecards: ZCount,
        recommendations: ZRecommendations,
        leniency: z.object({
          /** Comparisons: a competency rating beside other raters of the same candidate. */
          n: ZCount,
          candidates: ZCount,
          mean: ZMaybe,
          low: ZMaybe,
          high: ZMaybe,
          shrunk: ZMaybe,
          flagged: z.boolean(),
          direction: z.enum(["lenient", "severe", "none"]),
        }),
      }),
    )
    .max(2000),
});
export type TCalibrationResponse = z.infer<typeof ZCalibrationResponse>;

const ZReliabilityRow = z.object({
  key: z.string().max(200),
  label: z.string().max(300),
  alpha: ZMaybe,
  /** Pairable ratings: those in units (a candidate at a stage) with at least two ratings. */
  pairable: ZCount,
  units: ZCount,
  low: ZMaybe,
  high: ZMaybe,
  band: z.enum(["reliable", "tentative", "unreliable"]).nullable(),
});

export const ZReliabilityResponse = z.object({
  scope: ZReportScope,
  resamples: z.number().int(),
  competencies: z.array(ZReliabilityRow).max(500),
  questions: z.array(ZReliabilityRow).max(2000),
  stages: z.array(ZReliabilityRow).max(100),
});
export type TReliabilityResponse = z.infer<typeof ZReliabilityResponse>;
export type TReliabilityRow = z.infer<typeof ZReliabilityRow>;

export const ZQuestionQualityResponse = z.object({
  scope: ZReportScope,
  threshold: z.number(),
  minAsked: z.number().int(),
  questions: z
    .array(
      z.object({
        questionVersionId: ZUuid,
        questionId: z.string().max(200),
        version: z.number().int(),
        title: z.string().max(300),
        /** Candidates rated on this version. */
        asked: ZCount,
        mean: z.number(),
        /** (mean - 1) / 3: 0 when everyone got a 1, 1 when everyone got a 4. */
        difficulty: z.number(),
        /** Item-rest correlation with the candidate's other ratings in the same stage. */
        discrimination: ZMaybe,
        flagged: z.boolean(),
      }),
    )
    .max(5000),
});
export type TQuestionQualityResponse = z.infer<typeof ZQuestionQualityResponse>;
