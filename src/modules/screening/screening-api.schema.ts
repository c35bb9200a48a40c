import { z } from "zod";
import { ZEmail, ZIsoDateTime, ZPersonName, ZUuid } from "../../shared/schema-primitives.js";
import { SCREEN_OUTCOMES } from "../../db/schema/index.js";
import { ZChecklist, ZChecklistItem, ZCustomChecklistItemInput } from "./screening-checklist.js";
import { ZResumeExtractErrorCode, ZScreenProposal } from "./screening.schema.js";

/** HTTP request and response schemas of the screening routes (the core's own are screening.schema.ts). */

export const ZRoleIdParams = z.strictObject({ roleId: ZUuid });
export const ZCandidateIdParams = z.strictObject({ candidateId: ZUuid });
export const ZApplicationIdParams = z.strictObject({ applicationId: ZUuid });
export const ZBatchIdParams = z.strictObject({ batchId: ZUuid });

// ---- checklist per role ----

export const ZScreeningSettings = z.object({
  roleId: ZUuid,
  checklist: z.array(ZChecklistItem).max(50),
  blind: z.boolean(),
  /** True until someone saves the settings: the checklist is the one proposed from level and stack. */
  proposed: z.boolean(),
  updatedAt: ZIsoDateTime.nullable(),
  updatedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
});
export type TScreeningSettings = z.infer<typeof ZScreeningSettings>;

export const ZUpdateScreeningSettingsRequest = z.strictObject({
  checklist: ZChecklist,
  /** Role-specific items typed as a label and the words that evidence them; appended to the list. */
  addCustomItems: z.array(ZCustomChecklistItemInput).max(20).optional(),
  blind: z.boolean(),
});
export type TUpdateScreeningSettingsRequest = z.infer<typeof ZUpdateScreeningSettingsRequest>;

export const ZScreeningSettingsResponse = z.object({ settings: ZScreeningSettings });

// ---- resumes ----

export const ZResumeSummary = z.object({
  id: ZUuid,
  candidateId: ZUuid,
  filename: z.string(),
  format: z.enum(["pdf", "docx", "txt"]),
  sizeBytes: z.int().min(0),
  uploadedAt: ZIsoDateTime,
  /** What was read from it; empty lists when nothing was found. */
  emails: z.array(z.string()).max(50),
  phones: z.array(z.string()).max(50),
  links: z.array(z.object({ kind: z.string(), url: z.string() })).max(200),
  experienceYears: z.number().nullable(),
});
export type TResumeSummary = z.infer<typeof ZResumeSummary>;
export const ZResumeResponse = z.object({ resume: ZResumeSummary });

// ---- the screening page ----

export const ZItemDecision = z.strictObject({
  itemId: z.string().max(64),
  verdict: z.enum(["met", "not_met", "unclear"]),
  note: z.string().trim().max(1000).optional(),
});

export const ZRecordScreenRequest = z.strictObject({
  items: z.array(ZItemDecision).min(1).max(50),
  outcome: z.enum(SCREEN_OUTCOMES),
  notes: z.string().trim().max(5000).default(""),
  /** With "pass": move the application to the next stage of the plan (the default). */
  advance: z.boolean().default(true),
});
export type TRecordScreenRequest = z.infer<typeof ZRecordScreenRequest>;

export const ZRecordedItem = z.object({
  itemId: z.string(),
  label: z.string(),
  kind: z.string(),
  proposedVerdict: z.enum(["met", "not_met", "unclear"]),
  proposedConfidence: z.number(),
  verdict: z.enum(["met", "not_met", "unclear"]),
  overridden: z.boolean(),
  note: z.string().nullable(),
});
export type TRecordedItem = z.infer<typeof ZRecordedItem>;

export const ZRecordedScreen = z.object({
  id: ZUuid,
  outcome: z.enum(SCREEN_OUTCOMES),
  notes: z.string(),
  blind: z.boolean(),
  items: z.array(ZRecordedItem),
  screenedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  screenedAt: ZIsoDateTime,
});

export const ZScreeningView = z.object({
  application: z.object({
    id: ZUuid,
    status: z.string(),
    stage: z.object({ id: ZUuid, name: z.string(), kind: z.string() }),
    inScreeningStage: z.boolean(),
  }),
  role: z.object({ id: ZUuid, title: z.string(), level: z.string() }),
  /** Null while blind review hides who the candidate is (until a screen is recorded). */
  candidate: z
    .object({
      id: ZUuid,
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
    })
    .nullable(),
  /** Shown in place of the name during blind review. */
  candidateLabel: z.string(),
  blind: z.boolean(),
  /** Null when the candidate has no résumé yet. In blind review it carries no filename. */
  resume: z
    .object({
      id: ZUuid,
      format: z.string(),
      uploadedAt: ZIsoDateTime,
      filename: z.string().nullable(),
      downloadable: z.boolean(),
    })
    .nullable(),
  checklist: z.array(ZChecklistItem),
  proposal: ZScreenProposal.nullable(),
  screens: z.array(ZRecordedScreen),
  canRecord: z.boolean(),
  /** Why recording is not possible now (closed, other stage, no résumé, no permission). */
  cannotRecordBecause: z.string().nullable(),
});
export type TScreeningView = z.infer<typeof ZScreeningView>;
export const ZScreeningViewResponse = z.object({ screening: ZScreeningView });

// ---- bulk intake ----

/**
 * `possible-duplicate`: the e-mail belongs to a candidate the uploader may not see, so a separate
 * record was made and flagged for an admin to merge (nothing on the other record was touched).
 */
export const INTAKE_RESULT_STATUSES = [
  "imported",
  "merged",
  "possible-duplicate",
  "failed",
] as const;
export const ZIntakeResult = z.object({
  position: z.int(),
  filename: z.string(),
  status: z.enum(INTAKE_RESULT_STATUSES),
  reason: z.string().nullable(),
  errorCode: z.union([ZResumeExtractErrorCode, z.literal("intake_failed")]).nullable(),
  candidateId: ZUuid.nullable(),
  applicationId: ZUuid.nullable(),
  /** Withheld (null) when the role screens blind. */
  candidateName: z.string().nullable(),
  /** "no e-mail found" and similar things a recruiter should fix by hand. */
  warnings: z.array(z.string()),
});
export type TIntakeResult = z.infer<typeof ZIntakeResult>;

export const ZIntakeBatch = z.object({
  id: ZUuid,
  roleId: ZUuid,
  status: z.enum(["uploading", "processing", "done"]),
  total: z.int(),
  processed: z.int(),
  succeeded: z.int(),
  failed: z.int(),
  results: z.array(ZIntakeResult),
  createdAt: ZIsoDateTime,
  finishedAt: ZIsoDateTime.nullable(),
});
export type TIntakeBatch = z.infer<typeof ZIntakeBatch>;
export const ZIntakeBatchResponse = z.object({ batch: ZIntakeBatch });

// ---- CSV import ----

export const ZImportCandidatesRequest = z.strictObject({
  /** The CSV text: a header row with name and email, optionally github, portfolio, linkedin, phone. */
  csv: z.string().min(1, "is empty").max(1_000_000, "must be at most 1 MB"),
  /** Apply every imported candidate to this role, in its first stage. */
  roleId: ZUuid.optional(),
});

export const ZImportRowReport = z.object({
  line: z.int(),
  status: z.enum(INTAKE_RESULT_STATUSES),
  email: z.string().nullable(),
  candidateId: ZUuid.nullable(),
  applicationId: ZUuid.nullable(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type TImportRowReport = z.infer<typeof ZImportRowReport>;
export const ZImportCandidatesResponse = z.object({
  imported: z.int(),
  merged: z.int(),
  possibleDuplicates: z.int(),
  failed: z.int(),
  rows: z.array(ZImportRowReport),
});

export const ZCsvRow = z.object({
  name: ZPersonName,
  email: ZEmail,
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()./-]{5,40}$/, "must be a phone number")
    .optional(),
  github: z
    .url({ protocol: /^https?$/, error: "must be an http(s) link" })
    .max(300)
    .optional(),
  portfolio: z
    .url({ protocol: /^https?$/, error: "must be an http(s) link" })
    .max(300)
    .optional(),
  linkedin: z
    .url({ protocol: /^https?$/, error: "must be an http(s) link" })
    .max(300)
    .optional(),
});
export type TCsvRow = z.infer<typeof ZCsvRow>;
