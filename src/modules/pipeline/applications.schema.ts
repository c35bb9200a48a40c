import { z } from "zod";
import { APPLICATION_STATUSES } from "../../db/schema/index.js";
import { ERROR_STATUS } from "../../errors.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";
import { ZLevel } from "../roles/templates/levels.js";
import { ZStageKind } from "../roles/roles.schema.js";

export const ZApplicationStatus = z.enum(APPLICATION_STATUSES);
const ZReason = z.string().trim().min(3).max(2000);

export const ZStageRef = z.object({
  id: ZUuid,
  name: z.string(),
  kind: ZStageKind,
  position: z.number().int(),
});

export const ZApplicationSummary = z.object({
  id: ZUuid,
  candidate: z.object({ id: ZUuid, name: z.string() }),
  role: z.object({ id: ZUuid, title: z.string(), level: ZLevel }),
  status: ZApplicationStatus,
  currentStage: ZStageRef,
  closedReason: z.string().nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
});
export type TApplicationSummary = z.infer<typeof ZApplicationSummary>;

export const ZStageEvent = z.object({
  id: z.number().int(),
  fromStage: ZStageRef.nullable(),
  toStage: ZStageRef.nullable(),
  statusAfter: ZApplicationStatus,
  reason: z.string().nullable(),
  by: z.object({ id: ZUuid, name: z.string() }).nullable(),
  at: ZIsoDateTime,
});

export const ZInterviewSummary = z.object({
  id: ZUuid,
  applicationId: ZUuid,
  stageId: ZUuid,
  stageName: z.string(),
  interviewer: z.object({ id: ZUuid, name: z.string() }),
  scheduledAt: ZIsoDateTime,
  durationMinutes: z.number().int(),
  /** The IANA zone the time was set in; invites and reminders state the time in it. */
  timeZone: z.string(),
  location: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  /** Whether a scorecard exists, never its content: that is the scorecard endpoints' business. */
  scorecardStatus: z.enum(["none", "draft", "submitted"]),
});
export type TInterviewSummary = z.infer<typeof ZInterviewSummary>;

export const ZApplicationDetail = ZApplicationSummary.extend({
  stages: z.array(ZStageRef),
  history: z.array(ZStageEvent),
  interviews: z.array(ZInterviewSummary),
  permissions: z.object({
    /** Move, reject, withdraw, schedule interviews. */
    canManage: z.boolean(),
    /** Record decisions and read every scorecard. */
    canDecide: z.boolean(),
  }),
});

export const ZCreateApplicationRequest = z.strictObject({
  candidateId: ZUuid,
  roleId: ZUuid,
  /** Defaults to the first stage of the plan. */
  stageId: ZUuid.optional(),
});

export const ZListApplicationsQuery = z.strictObject({
  roleId: ZUuid.optional(),
  stageId: ZUuid.optional(),
  candidateId: ZUuid.optional(),
  status: ZApplicationStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type TListApplicationsQuery = z.infer<typeof ZListApplicationsQuery>;

export const ZMoveApplicationRequest = z.strictObject({
  toStageId: ZUuid,
  reason: ZReason.optional(),
  /**
   * A move forward past interviews whose scorecards are not in is refused with 409
   * CONFIRMATION_REQUIRED (details.missing) until sent with confirm: true and a reason.
   */
  confirm: z.boolean().optional(),
});
export const ZCloseApplicationRequest = z.strictObject({ reason: ZReason });

export const ZApplicationIdParams = z.strictObject({ applicationId: ZUuid });
export const ZApplicationResponse = z.object({ application: ZApplicationDetail });
export const ZListApplicationsResponse = z.object({
  applications: z.array(ZApplicationSummary),
  total: z.number().int(),
});

/** At most one board page's worth per request, so one request stays one short wait. */
const ZBulkIds = z.array(ZUuid).min(1, "select at least one application").max(100);
export const ZBulkApplicationsRequest = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("reject"), applicationIds: ZBulkIds, reason: ZReason }),
  z.strictObject({
    action: z.literal("move"),
    applicationIds: ZBulkIds,
    toStageId: ZUuid,
    reason: ZReason.optional(),
    /** As for one move: past interviews without scorecards, confirm with a reason. */
    confirm: z.boolean().optional(),
  }),
]);
export type TBulkApplicationsRequest = z.infer<typeof ZBulkApplicationsRequest>;

const ERROR_CODES = Object.keys(ERROR_STATUS) as [
  keyof typeof ERROR_STATUS,
  ...(keyof typeof ERROR_STATUS)[],
];
export const ZBulkApplicationsResponse = z.object({
  results: z.array(
    z.object({
      applicationId: ZUuid,
      /** "done", or the error code the single-application route would have answered. */
      outcome: z.union([z.literal("done"), z.enum(ERROR_CODES)]),
      message: z.string().nullable(),
    }),
  ),
  done: z.number().int(),
  failed: z.number().int(),
});
export type TBulkApplicationsResponse = z.infer<typeof ZBulkApplicationsResponse>;
