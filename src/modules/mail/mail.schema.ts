import { z } from "zod";
import { MAIL_KINDS, OUTBOX_STATUSES } from "../../db/schema/index.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

const ZKind = z.enum(MAIL_KINDS);
const ZStatus = z.enum(OUTBOX_STATUSES);

export const ZOutboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(200).optional(),
  status: ZStatus.optional(),
});

const ZOutboxMessage = z.object({
  id: ZUuid,
  kind: ZKind,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: ZStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  sentAt: ZIsoDateTime.nullable(),
  /** The METHOD of the calendar invite attached (REQUEST or CANCEL), or null for plain mail. */
  calendarMethod: z.enum(["REQUEST", "CANCEL"]).nullable(),
});

export const ZOutboxResponse = z.object({
  messages: z.array(ZOutboxMessage),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  smtpConfigured: z.boolean(),
});
export const ZOutboxMessageParams = z.object({ messageId: ZUuid });
export const ZOutboxMessageResponse = z.object({
  message: ZOutboxMessage.extend({ html: z.string() }),
});
export const ZRetryOutboxMessageResponse = z.object({ message: ZOutboxMessage });

export const ZMailTemplateParams = z.object({ kind: ZKind });
export const ZMailTemplateRequest = z.object({
  subject: z.string().trim().min(1, "must not be empty").max(300),
  body: z.string().trim().min(1, "must not be empty").max(20_000),
});
const ZMailTemplate = z.object({
  kind: ZKind,
  label: z.string(),
  subject: z.string(),
  body: z.string(),
  isDefault: z.boolean(),
  placeholders: z.array(z.string()),
  updatedAt: ZIsoDateTime.nullable(),
});
export const ZMailTemplatesResponse = z.object({ templates: z.array(ZMailTemplate) });
export const ZMailTemplateResponse = z.object({ template: ZMailTemplate });
export const ZMailPreviewResponse = z.object({
  preview: z.object({ subject: z.string(), text: z.string(), html: z.string() }),
});
