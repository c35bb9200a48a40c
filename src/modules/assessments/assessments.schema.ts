import { z } from "zod";
import {
  ASSESSMENT_TIMINGS,
  GRADING_STATUSES,
  MAX_ASSESSMENT_PARTS,
} from "../../db/schema/index.js";
import { ZGradeReport } from "../../grader/grade-report.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

const ZPackId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be a pack id");

export const ZApplicationIdParams = z.strictObject({ applicationId: ZUuid });
export const ZAssessmentIdParams = z.strictObject({ assessmentId: ZUuid });
export const ZAssessmentPartParams = z.strictObject({
  assessmentId: ZUuid,
  /** The part's number as the team and the candidate read it: 1 for "Part 1". */
  part: z.coerce.number().int().min(1).max(MAX_ASSESSMENT_PARTS),
});
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
  /** Proposed by the role's interview plan for its level (the send form preselects these). */
  proposed: z.boolean(),
  /** What the candidate hands in: a zipped Django project, or a design document. */
  submissionKind: z.enum(["project-zip", "document"]),
});
export type TPackSummary = z.infer<typeof ZPackSummary>;
export const ZListPacksResponse = z.object({
  packs: z.array(ZPackSummary),
  /** At most this many packs go in one assessment. */
  maxParts: z.number().int(),
});

const ZMinutes = z.number().int().min(10).max(1440);
export const ZAssessmentTiming = z.enum(ASSESSMENT_TIMINGS);

export const ZSendAssessmentRequest = z
  .strictObject({
    /** One pack: shorthand for `parts: [{ packId }]`. */
    packId: ZPackId.optional(),
    /** 1–4 packs in the order the candidate sees them. */
    parts: z
      .array(
        z.strictObject({
          packId: ZPackId,
          /** The part's own clock (per-part timing); defaults to the pack's time limit. */
          timeLimitMinutes: ZMinutes.optional(),
        }),
      )
      .min(1)
      .max(MAX_ASSESSMENT_PARTS)
      .optional(),
    /** "shared" (default): one clock for every part, started once; "per-part": a clock each. */
    timing: ZAssessmentTiming.optional(),
    /** The shared time box; defaults to the sum of the packs' time limits. */
    timeLimitMinutes: ZMinutes.optional(),
    /** The last moment the candidate may work in; at least an hour from now, at most 60 days. */
    deadlineAt: ZIsoDateTime,
  })
  .refine((body) => (body.packId === undefined) !== (body.parts === undefined), {
    message: "give either packId or parts, not both",
    path: ["parts"],
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
const ZSubmissionKind = z.enum(["project-zip", "document"]);

export const ZAssessmentPart = z.object({
  id: ZUuid,
  position: z.number().int(),
  pack: z.object({
    id: z.string(),
    title: z.string(),
    groups: z.array(ZPackGroup),
    submissionKind: ZSubmissionKind,
  }),
  state: ZAssessmentState,
  /** The part's own clock with per-part timing; the pack's suggested effort with shared timing. */
  timeLimitMinutes: z.number().int(),
  startedAt: ZIsoDateTime.nullable(),
  dueAt: ZIsoDateTime.nullable(),
  submittedAt: ZIsoDateTime.nullable(),
  /** Newest first. Which one counts is `counting`, not the order. */
  submissions: z.array(ZSubmissionSummary),
  /** The part's version that counts; null until the part's first upload. */
  counting: ZCountingVersion.nullable(),
});

export const ZAssessmentSummary = z.object({
  id: ZUuid,
  applicationId: ZUuid,
  timing: ZAssessmentTiming,
  parts: z.array(ZAssessmentPart),
  state: ZAssessmentState,
  /** The shared time box, or with per-part timing the parts' limits added up. */
  timeLimitMinutes: z.number().int(),
  deadlineAt: ZIsoDateTime,
  /** The link stops working at this moment (deadline + grace). */
  linkExpiresAt: ZIsoDateTime,
  sentAt: ZIsoDateTime,
  sentBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  /** The first start of any part (with shared timing, the clock's start). */
  startedAt: ZIsoDateTime.nullable(),
  /** With shared timing, when the time is up for every part. */
  dueAt: ZIsoDateTime.nullable(),
  /** When the candidate said they were finished; no upload is taken after it. */
  finishedAt: ZIsoDateTime.nullable(),
  revokedAt: ZIsoDateTime.nullable(),
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
  part: z.object({ position: z.number().int(), packId: z.string(), packTitle: z.string() }),
  submissionVersion: z.number().int(),
  isLate: z.boolean(),
  report: ZGradeReport.nullable(),
  /** Which competencies each group feeds, from the pack's manifest. */
  competencies: z.array(
    z.object({
      competency: z.string(),
      /** The competency in words, from the catalogue. */
      name: z.string(),
      groups: z.array(z.string()),
      score: z.number().nullable(),
    }),
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
const ZPortalToken = z.string().min(1).max(200);
export const ZPortalTokenParams = z.strictObject({ token: ZPortalToken });
export const ZPortalPartParams = z.strictObject({
  token: ZPortalToken,
  /** The part's number as the candidate reads it: 1 for "Part 1". */
  part: z.coerce.number().int().min(1).max(MAX_ASSESSMENT_PARTS),
});

export const ZPortalSubmission = z.object({
  version: z.number().int(),
  isLate: z.boolean(),
  submittedAt: ZIsoDateTime,
  filename: z.string(),
  sizeBytes: z.number().int(),
  /**
   * The automatic check of the upload: "checking", "checked", or "problem" when the upload itself
   * could not be used (then `problem` says why). Never a score or what was checked.
   */
  check: z.enum(["checking", "checked", "problem"]),
  problem: z.string().nullable(),
});

export const ZPortalPart = z.object({
  position: z.number().int(),
  pack: z.object({ title: z.string(), summary: z.string(), submissionKind: ZSubmissionKind }),
  instructions: z.string(),
  /** The instructions rendered from Markdown and sanitized on the server. */
  instructionsHtml: z.string(),
  /** The part's own clock with per-part timing; the pack's suggested effort with shared timing. */
  timeLimitMinutes: z.number().int(),
  state: z.enum(["not-started", "in-progress", "submitted"]),
  startedAt: ZIsoDateTime.nullable(),
  dueAt: ZIsoDateTime.nullable(),
  submissions: z.array(ZPortalSubmission),
});

export const ZPortalAssessment = z.object({
  candidateName: z.string(),
  /** The organisation's privacy notice; Start needs `acknowledgedNotice: true` when set. */
  privacyNoticeUrl: z.string().nullable(),
  roleTitle: z.string(),
  /** "shared": one Start for every part; "per-part": each part has its own Start and clock. */
  timing: ZAssessmentTiming,
  /** The shared time box, or the parts' limits added up. */
  timeLimitMinutes: z.number().int(),
  deadlineAt: ZIsoDateTime,
  linkExpiresAt: ZIsoDateTime,
  startedAt: ZIsoDateTime.nullable(),
  /** With shared timing, when the time is up for every part. */
  dueAt: ZIsoDateTime.nullable(),
  /** When the candidate said they were finished: the clock stops and uploads close. */
  finishedAt: ZIsoDateTime.nullable(),
  serverNow: ZIsoDateTime,
  maxUploadBytes: z.number().int(),
  parts: z.array(ZPortalPart),
});
// Fastify hands a POST without a body to the validator as null; older clients send none.
export const ZStartPortalAssessmentRequest = z
  .strictObject({ acknowledgedNotice: z.boolean().optional() })
  .nullish();
export const ZPortalAssessmentResponse = z.object({ assessment: ZPortalAssessment });
export const ZPortalSubmitResponse = z.object({
  part: z.number().int(),
  submission: ZPortalSubmission,
  assessment: ZPortalAssessment,
});
