import { z } from "zod";
import { ZTimeCursor } from "../../shared/keyset-cursor.js";
import { ZUuid } from "../../shared/schema-primitives.js";
import { ZApplicationSummary, ZInterviewSummary } from "../pipeline/applications.schema.js";
import { ZLevel } from "../roles/templates/levels.js";
import { ZRoleStatus, ZStageKind } from "../roles/roles.schema.js";

/**
 * The home page's waiting lists are previews (the first few items, soonest or most recent first);
 * `totals` says how many wait in all, so nothing is cut off without saying so.
 */
const ZScorecardToSubmit = ZInterviewSummary.extend({ application: ZApplicationSummary });
const ZDecisionToMake = ZApplicationSummary.extend({ submittedScorecards: z.number().int() });

export const ZDashboardResponse = z.object({
  /** Your interviews on active applications without a submitted scorecard, soonest first. */
  scorecardsToSubmit: z.array(ZScorecardToSubmit).max(50),
  /** Active applications in a resume-screen stage of roles whose pipeline you run, newest change first. */
  applicationsToScreen: z.array(ZApplicationSummary).max(50),
  /** Active applications on roles you lead whose current stage has every scorecard submitted. */
  decisionsToMake: z.array(ZDecisionToMake).max(50),
  totals: z.object({
    scorecardsToSubmit: z.number().int(),
    applicationsToScreen: z.number().int(),
    decisionsToMake: z.number().int(),
  }),
  roles: z.array(
    z.object({
      id: ZUuid,
      title: z.string(),
      level: ZLevel,
      status: ZRoleStatus,
      stages: z.array(
        z.object({
          id: ZUuid,
          name: z.string(),
          kind: ZStageKind,
          activeApplications: z.number().int(),
        }),
      ),
    }),
  ),
});

/** A page of one of the home page's waiting lists, in the same order as its preview. */
export const ZWaitingListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** The `nextCursor` of the previous page; absent for the first page. */
  after: ZTimeCursor.optional(),
});

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item).max(100),
    /** How many wait in all (not only on this page). */
    total: z.number().int().min(0),
    /** Pass as `after` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  });
export const ZScorecardsToSubmitPage = page(ZScorecardToSubmit);
export const ZApplicationsToScreenPage = page(ZApplicationSummary);
export const ZDecisionsToMakePage = page(ZDecisionToMake);
