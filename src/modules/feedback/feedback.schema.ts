import { z } from "zod";
import { FEEDBACK_STATUSES } from "../../db/schema/index.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

export const ZFeedbackBody = z
  .string()
  .trim()
  .min(40, "must be at least 40 characters: say something the candidate can use")
  .max(20_000);

export const ZFeedback = z.object({
  id: ZUuid,
  applicationId: ZUuid,
  status: z.enum(FEEDBACK_STATUSES),
  /** Markdown. */
  body: z.string().max(20_000),
  revision: z.number().int(),
  editedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  editedAt: ZIsoDateTime,
  approvedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  approvedAt: ZIsoDateTime.nullable(),
  /** When the approved text was e-mailed to the candidate; null until then. */
  sentAt: ZIsoDateTime.nullable(),
});
export type TFeedback = z.infer<typeof ZFeedback>;

export const ZFeedbackResponse = z.object({
  /** Null until someone drafts it. */
  feedback: ZFeedback.nullable(),
  /** Feedback is written for rejected applications only. */
  canDraft: z.boolean(),
});

export const ZDraftFeedbackRequest = z.strictObject({
  /** Replace an existing draft with a fresh one from the evidence; never an approved one. */
  regenerate: z.boolean().default(false),
});
export const ZUpdateFeedbackRequest = z.strictObject({
  body: ZFeedbackBody,
  revision: z.number().int().min(1).max(1_000_000),
});
export const ZApproveFeedbackRequest = z.strictObject({
  revision: z.number().int().min(1).max(1_000_000),
});
