import { z } from "zod";
import { RECOMMENDATIONS, SCORECARD_STATUSES } from "../../db/schema/index.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";
import { ZQuestionId } from "../questions/bank/index.js";
import { ZCompetencyId } from "../roles/templates/competencies.js";

export const ZRecommendation = z.enum(RECOMMENDATIONS);
// The shared 4-point scale of the bank's rubrics; no middle point to sit on.
const ZScore = z.int().min(1).max(4);
export const ZQuestionRating = z.union([ZScore, z.literal("not_asked")]);

export const ZAnswerInput = z.strictObject({
  questionId: ZQuestionId,
  questionVersionId: ZUuid,
  rating: ZQuestionRating.nullable().default(null),
  signals: z.array(z.string().max(200)).max(10).default([]),
  notes: z.string().max(4000).default(""),
});

const ZCompetencyRatings = z.partialRecord(ZCompetencyId, ZScore);

export const ZScorecardContent = z.strictObject({
  answers: z
    .array(ZAnswerInput)
    .max(15)
    .default([])
    .refine((a) => new Set(a.map((x) => x.questionId)).size === a.length, "lists a question twice"),
  competencyRatings: ZCompetencyRatings.default({}),
  keyTakeaways: z.string().max(4000).default(""),
  recommendation: ZRecommendation.nullable().default(null),
});
export type TScorecardContent = z.infer<typeof ZScorecardContent>;

export const ZSaveDraftRequest = ZScorecardContent.extend({
  /** The revision the client edited; 0 when starting a new draft. */
  revision: z.int().min(0).max(1_000_000),
});
export type TSaveDraftRequest = z.infer<typeof ZSaveDraftRequest>;

export const ZSubmitScorecardRequest = z.strictObject({ revision: z.int().min(1).max(1_000_000) });

export const ZCorrectScorecardRequest = ZScorecardContent.extend({
  reason: z.string().trim().min(10).max(2000),
});
export type TCorrectScorecardRequest = z.infer<typeof ZCorrectScorecardRequest>;

export const ZScorecard = z.object({
  id: ZUuid,
  interviewId: ZUuid,
  applicationId: ZUuid,
  stageId: ZUuid,
  stageName: z.string(),
  interviewer: z.object({ id: ZUuid, name: z.string() }),
  version: z.number().int(),
  status: z.enum(SCORECARD_STATUSES),
  revision: z.number().int(),
  answers: z.array(
    z.object({
      questionId: z.string(),
      questionVersionId: ZUuid,
      rating: ZQuestionRating.nullable(),
      signals: z.array(z.string()),
      notes: z.string(),
      /** The question as the interviewer saw it (the pinned version), for reading the card. */
      questionTitle: z.string().nullable(),
      questionVersion: z.number().int().nullable(),
    }),
  ),
  competencyRatings: z.record(z.string(), z.number().int()),
  keyTakeaways: z.string(),
  recommendation: ZRecommendation.nullable(),
  correctionReason: z.string().nullable(),
  submittedAt: ZIsoDateTime.nullable(),
  /** Set when a later correction replaced this version; both stay readable. */
  supersededAt: ZIsoDateTime.nullable(),
  updatedAt: ZIsoDateTime,
});
export type TScorecard = z.infer<typeof ZScorecard>;

export const ZScorecardResponse = z.object({ scorecard: ZScorecard });
export const ZMyScorecardResponse = z.object({ scorecard: ZScorecard.nullable() });
export const ZScorecardIdParams = z.strictObject({ scorecardId: ZUuid });
export const ZListScorecardsQuery = z.strictObject({
  stageId: ZUuid.optional(),
  includeSuperseded: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});
export const ZListScorecardsResponse = z.object({
  scorecards: z.array(ZScorecard),
  /** Stages whose other scorecards stay hidden until the caller submits their own. */
  withheldStageIds: z.array(ZUuid),
});
