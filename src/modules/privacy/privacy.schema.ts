import { z } from "zod";
import { ACCESS_KINDS, CONSENT_SOURCES, LAWFUL_BASES, USER_ROLES } from "../../db/schema/index.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

export const ZLawfulBasis = z.enum(LAWFUL_BASES);

export const ZPrivacySettings = z.object({
  /** The organisation's privacy notice, linked from the candidate portal and recorded with consents. */
  privacyNoticeUrl: z.string().nullable(),
  /** Months after the last rejection or withdrawal before a candidate is anonymized; null = off. */
  retentionMonths: z.int().nullable(),
  updatedAt: ZIsoDateTime.nullable(),
});
export type TPrivacySettings = z.infer<typeof ZPrivacySettings>;
export const ZPrivacySettingsResponse = z.object({ settings: ZPrivacySettings });

export const ZUpdatePrivacySettingsRequest = z.strictObject({
  privacyNoticeUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) link" })
    .max(500, "must be at most 500 characters")
    .nullable(),
  retentionMonths: z
    .int("must be a whole number of months")
    .min(1, "must be at least 1 month")
    .max(120, "must be at most 120 months")
    .nullable(),
});
export type TUpdatePrivacySettingsRequest = z.infer<typeof ZUpdatePrivacySettingsRequest>;

export const ZRetentionPreviewQuery = z.strictObject({
  /** Preview a period before saving it; the saved setting otherwise. */
  months: z.coerce
    .number()
    .int("must be a whole number of months")
    .min(1, "must be at least 1 month")
    .max(120, "must be at most 120 months")
    .optional(),
});
export const ZRetentionPreviewResponse = z.object({
  /** The period previewed; null when retention is off and no months were given. */
  months: z.int().nullable(),
  enabled: z.boolean(),
  due: z.array(z.object({ candidateId: ZUuid, name: z.string(), lastClosedAt: ZIsoDateTime })),
  /** True when more are due than listed (the list stops at 200). */
  truncated: z.boolean(),
});

export const ZConsent = z.object({
  id: ZUuid,
  lawfulBasis: ZLawfulBasis,
  source: z.enum(CONSENT_SOURCES),
  noticeUrl: z.string().nullable(),
  recordedAt: ZIsoDateTime,
  /** Null when the candidate recorded it themselves (assessment portal). */
  recordedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
});
export type TConsent = z.infer<typeof ZConsent>;
export const ZConsentsResponse = z.object({ consents: z.array(ZConsent) });

export const ZAccessTrailQuery = z.strictObject({
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZAccessTrailResponse = z.object({
  events: z.array(
    z.object({
      id: z.int(),
      kind: z.enum(ACCESS_KINDS),
      at: ZIsoDateTime,
      user: z.object({ id: ZUuid, name: z.string(), role: z.enum(USER_ROLES) }).nullable(),
    }),
  ),
  nextBefore: z.int().nullable(),
});

export const ZEraseCandidateRequest = z.strictObject({
  /** The candidate's name as shown, typed by the admin: erasure cannot be undone. */
  confirmName: z.string().trim().min(1, "type the candidate's name to confirm").max(120),
  reason: z
    .string()
    .trim()
    .min(5, "say why, in at least 5 characters")
    .max(500, "must be at most 500 characters"),
});
export type TEraseCandidateRequest = z.infer<typeof ZEraseCandidateRequest>;
export const ZEraseCandidateResponse = z.object({
  candidateId: ZUuid,
  erasedAt: ZIsoDateTime,
  removed: z.object({
    resumes: z.int(),
    submissionFiles: z.int(),
    auditPayloads: z.int(),
    /** Rows of voluntary self-identification deleted (0 or 1). */
    selfIdentification: z.int(),
    /** Outbox messages deleted (to the person) or rewritten with the anonymous name (to others). */
    mailMessages: z.int(),
  }),
});
