import { z } from "zod";
import { ZUuid } from "../../shared/schema-primitives.js";
import { ZApplicationSummary, ZInterviewSummary } from "../pipeline/applications.schema.js";
import { ZLevel } from "../roles/templates/levels.js";
import { ZRoleStatus, ZStageKind } from "../roles/roles.schema.js";

/**
 * The home page's waiting lists are previews (the first few items, soonest or most recent first);
 * `totals` says how many wait in all, so nothing is cut off without saying so.
 */
export const ZDashboardResponse = z.object({
  /** Your interviews on active applications without a submitted scorecard, soonest first. */
  scorecardsToSubmit: z.array(ZInterviewSummary.extend({ application: ZApplicationSummary })),
  /** Active applications in a resume-screen stage of roles whose pipeline you run. */
  applicationsToScreen: z.array(ZApplicationSummary),
  /** Active applications on roles you lead whose current stage has every scorecard submitted. */
  decisionsToMake: z.array(ZApplicationSummary.extend({ submittedScorecards: z.number().int() })),
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
