import { z } from "zod";
import { GRADING_STATUSES } from "../../db/schema/index.js";
import { ZGradeReport } from "../../grader/grade-report.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

const ZPackId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be a pack id");

export const ZApplicationIdParams = z.strictObject({ applicationId: ZUuid });
export const ZAssessmentIdParams = z.strictObject({ assessmentId: ZUuid });
export const ZSubmissionIdParams = z.strictObject({ submissionId: ZUuid });
export const ZGradingIdParams = z.strictObject({ gradingId: ZUuid });

export const ZPackGroup = z.object({
  id: z.string(),
  name: z.string(),
  weight: z.number(),
  competency: z.string(),
});

export const ZPackSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  levels: z.array(z.string()),
  competencies: z.array(z.string()),
  timeLimitMinutes: z.number().int(),
  groups: z.array(ZPackGroup),
  /** Whether the pack is meant for the role's level. */
  suitsRoleLevel: z.boolean(),
});
export type TPackSummary = z.infer<typeof ZPackSummary>;
export const ZListPacksResponse = z.object({ packs: z.array(ZPackSummary) });

export const ZSendAssessmentRequest = z.strictObject({
  packId: ZPackId,
  /** Defaults to the pack's time limit. */
  timeLimitMinutes: z.number().int().min(10).max(1440).optional(),
  /** The last moment the candidate may work in; at least an hour from now, at most 60 days. */
  deadlineAt: ZIsoDateTime,
});
export type TSendAssessmentRequest = z.infer<typeof ZSendAssessmentRequest>;

export const ZGradingStatus = z.enum(GRADING_STATUSES);

export const ZGradingSummary = z.object({
  id: ZUuid,
  submissionId: ZUuid,
  status: ZGradingStatus,
  score: z.number().int().nullable(),
  createdAt: ZIsoDateTime,
  startedAt: ZIsoDateTime.nullable(),
  finishedAt: ZIsoDateTime.nullable(),
  requestedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
});

export const ZSubmissionSummary = z.object({
  id: ZUuid,
  version: z.number().int(),
  isLate: z.boolean(),
  submittedAt: ZIsoDateTime,
  filename: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  /** The newest grading of this submission, if any. */
  latestGrading: ZGradingSummary.nullable(),
});

/** The version whose result counts for the application, and why. */
export const ZCountingVersion = z.object({
  submissionId: ZUuid,
  version: z.number().int(),
  /** How many versions were uploaded. */
  of: z.number().int(),
  /** The counting version's newest grading; null while it has none. */
  grading: ZGradingSummary.nullable(),
  /** null: the default rule, the newest version counts. */
  chosen: z
    .object({
      by: z.object({ id: ZUuid, name: z.string() }).nullable(),
      at: ZIsoDateTime,
      reason: z.string(),
    })
    .nullable(),
});

export const ZChooseCountingVersionRequest = z.strictObject({
  submissionId: ZUuid,
  /** Why another version counts; kept with the choice and in the audit trail. */
  reason: z
    .string()
    .trim()
    .min(5, "must say why, in at least 5 characters")
    .max(1000, "must be at most 1000 characters"),
});
export type TChooseCountingVersionRequest = z.infer<typeof ZChooseCountingVersionRequest>;

export const ZAssessmentState = z.enum(["sent", "started", "submitted", "revoked", "expired"]);

export const ZAssessmentSummary = z.object({
  id: ZUuid,
  applicationId: ZUuid,
  pack: z.object({ id: z.string(), title: z.string(), groups: z.array(ZPackGroup) }),
  state: ZAssessmentState,
  timeLimitMinutes: z.number().int(),
  deadlineAt: ZIsoDateTime,
  /** The link stops working at this moment (deadline + grace). */
  linkExpiresAt: ZIsoDateTime,
  sentAt: ZIsoDateTime,
  sentBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  startedAt: ZIsoDateTime.nullable(),
  dueAt: ZIsoDateTime.nullable(),
  revokedAt: ZIsoDateTime.nullable(),
  /** Newest first. Which one counts is `counting`, not the order. */
  submissions: z.array(ZSubmissionSummary),
  /** null until the first upload. */
  counting: ZCountingVersion.nullable(),
  permissions: z.object({
    canManage: z.boolean(),
    /** Hiring managers on the role's team and admins may choose the version that counts. */
    canChooseCountingVersion: z.boolean(),
  }),
});
export type TAssessmentSummary = z.infer<typeof ZAssessmentSummary>;

export const ZSendAssessmentResponse = z.object({
  assessment: ZAssessmentSummary,
  /** Shown once: only its hash is stored. */
  candidateUrl: z.string(),
});
export const ZAssessmentResponse = z.object({ assessment: ZAssessmentSummary });
export const ZListAssessmentsResponse = z.object({ assessments: z.array(ZAssessmentSummary) });

export const ZGradingDetail = ZGradingSummary.extend({
  assessmentId: ZUuid,
  submissionVersion: z.number().int(),
  isLate: z.boolean(),
  report: ZGradeReport.nullable(),
  /** Which competencies each group feeds, from the pack's manifest. */
  competencies: z.array(
    z.object({ competency: z.string(), groups: z.array(z.string()), score: z.number().nullable() }),
  ),
});
export const ZGradingResponse = z.object({ grading: ZGradingDetail });

export const ZSubmissionFile = z.object({
  path: z.string(),
  sizeBytes: z.number().int(),
});
export const ZSubmissionFilesResponse = z.object({
  files: z.array(ZSubmissionFile),
  truncated: z.boolean(),
});
export const ZSubmissionFileQuery = z.strictObject({
  path: z.string().min(1).max(500),
});
export const ZSubmissionFileResponse = z.object({
  path: z.string(),
  sizeBytes: z.number().int(),
  /** false when the file is binary or too large to show; content is then empty. */
  shown: z.boolean(),
  content: z.string(),
});

// The candidate portal: what the token holder sees. No ids of anything but this assessment.
export const ZPortalTokenParams = z.strictObject({ token: z.string().min(1).max(200) });

export const ZPortalSubmission = z.object({
  version: z.number().int(),
  isLate: z.boolean(),
  submittedAt: ZIsoDateTime,
  filename: z.string(),
  sizeBytes: z.number().int(),
});

export const ZPortalAssessment = z.object({
  candidateName: z.string(),
  roleTitle: z.string(),
  pack: z.object({ title: z.string(), summary: z.string() }),
  instructions: z.string(),
  /** The instructions rendered from Markdown and sanitized on the server. */
  instructionsHtml: z.string(),
  timeLimitMinutes: z.number().int(),
  deadlineAt: ZIsoDateTime,
  linkExpiresAt: ZIsoDateTime,
  startedAt: ZIsoDateTime.nullable(),
  dueAt: ZIsoDateTime.nullable(),
  serverNow: ZIsoDateTime,
  maxUploadBytes: z.number().int(),
  submissions: z.array(ZPortalSubmission),
});
export const ZPortalAssessmentResponse = z.object({ assessment: ZPortalAssessment });
export const ZPortalSubmitResponse = z.object({
  submission: ZPortalSubmission,
  assessment: ZPortalAssessment,
});
