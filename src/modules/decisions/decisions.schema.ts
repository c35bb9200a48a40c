import { z } from "zod";
import { DECISIONS } from "../../db/schema/index.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";
import { ZApplicationSummary } from "../pipeline/applications.schema.js";
import { ZConfirmation } from "../pipeline/transition-evidence.js";
import { ZCompetencyId } from "../roles/templates/competencies.js";
import { ZScorecard } from "../scorecards/scorecards.schema.js";

export const ZDecisionKind = z.enum(DECISIONS);

export const ZRecordDecisionRequest = z.strictObject({
  decision: ZDecisionKind,
  rationale: z
    .string()
    .trim()
    .min(20, "must be at least 20 characters: write down the reasons")
    .max(4000),
  /**
   * An offer, or an advance that leaves scorecards unsubmitted, is refused with 409
   * CONFIRMATION_REQUIRED (details.missing) until sent again with confirm: true and a reason.
   */
  ...ZConfirmation,
});
export type TRecordDecisionRequest = z.infer<typeof ZRecordDecisionRequest>;

export const ZDecision = z.object({
  id: ZUuid,
  stageId: ZUuid,
  stageName: z.string(),
  decision: ZDecisionKind,
  rationale: z.string(),
  decidedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  createdAt: ZIsoDateTime,
});

export const ZDecisionTally = z.object({
  recommendations: z.object({
    strong_no: z.number().int(),
    no: z.number().int(),
    yes: z.number().int(),
    strong_yes: z.number().int(),
  }),
  competencies: z.array(
    z.object({
      competencyId: ZCompetencyId,
      /** Mean of the 1-4 ratings given, null when nobody rated it. */
      average: z.number().nullable(),
      ratings: z.number().int(),
      /** The role's weight for this competency (0-100). */
      weight: z.number().int(),
    }),
  ),
  /** Weighted mean over rated competencies (1-4), null when nothing was rated. */
  weightedAverage: z.number().nullable(),
});

export const ZDecisionSummaryResponse = z.object({
  application: ZApplicationSummary,
  /** Every current submitted scorecard of the application, all stages, side by side. */
  scorecards: z.array(ZScorecard),
  tally: ZDecisionTally,
  /** Interviews in the current stage still waiting for a submitted scorecard. */
  pendingInterviewsInCurrentStage: z.number().int(),
  decisions: z.array(ZDecision),
  /** Set on the answer to a POST: the decision just recorded. */
  recorded: ZDecision.nullable(),
});
export type TDecisionSummary = z.infer<typeof ZDecisionSummaryResponse>;
