import type { TDatabase, TExecutor } from "../../db/client.js";
import { MAIL_KINDS } from "../../db/schema/index.js";
import type { TMailKind, TOutboxStatus } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import type { TJobQueue } from "../../jobs/boss-queue.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import { deliverMailJob } from "./deliver-mail.job.js";
import { assertKnownPlaceholders, MAIL_KIND_INFO, renderMail } from "./mail-templates.js";
import type { TMailTemplate } from "./mail-templates.js";
import type { TCalendarPart, TMailTransport } from "./mail-transport.js";
import type { TMailRepo, TOutboxCursor, TOutboxRow } from "./mail.repo.js";

export const NO_SMTP_ERROR = "not sent: no SMTP configured";

function presentMessage(row: TOutboxRow) {
  return {
    id: row.id,
    kind: row.kind,
    to: row.toAddress,
    subject: row.subject,
    text: row.text,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    /** METHOD of the calendar invite the message carries, if it carries one. */
    calendarMethod: row.calendarMethod,
  };
}

const encodeCursor = (row: TOutboxRow) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string): TOutboxCursor {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new AppError("VALIDATION_FAILED", "That page cursor is not one this list gave out.", {
      fields: [{ field: "cursor", message: "is not a cursor from this list" }],
    });
  }
  return { createdAt, id };
}

export function createMailService(deps: {
  db: TDatabase;
  mailRepo: TMailRepo;
  jobQueue: Pick<TJobQueue, "enqueue" | "wake">;
  auditService: Pick<TAuditService, "recordEvent">;
  /** Undefined without SMTP_URL: mail then stays in the outbox with NO_SMTP_ERROR. */
  transport: TMailTransport | undefined;
}) {
  const repo = deps.mailRepo;

  async function templateOf(kind: TMailKind, executor?: TExecutor): Promise<TMailTemplate> {
    const row = await repo.findTemplate(kind, executor);
    return row ? { subject: row.subject, body: row.body } : MAIL_KIND_INFO[kind].defaults;
  }

  function presentTemplate(
    kind: TMailKind,
    row?: { subject: string; body: string; updatedAt: Date },
  ) {
    const info = MAIL_KIND_INFO[kind];
    return {
      kind,
      label: info.label,
      subject: row?.subject ?? info.defaults.subject,
      body: row?.body ?? info.defaults.body,
      isDefault: row === undefined,
      placeholders: Object.keys(info.placeholders),
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }

  return {
    /**
     * Writes a message to the outbox in the caller's transaction, with its delivery job. Call
     * `wake()` after the commit.
     */
    async enqueueMail(
      input: {
        kind: TMailKind;
        to: string;
        values: Record<string, string>;
        calendar?: TCalendarPart | undefined;
      },
      executor: TExecutor,
    ): Promise<TOutboxRow> {
      const rendered = renderMail(await templateOf(input.kind, executor), input.values);
      const row = await repo.insertMessage(
        {
          kind: input.kind,
          toAddress: input.to,
          ...rendered,
          calendarMethod: input.calendar?.method ?? null,
          calendarIcs: input.calendar?.ics ?? null,
        },
        executor,
      );
      await deps.jobQueue.enqueue(deliverMailJob, { messageId: row.id }, executor);
      return row;
    },

    wake: () => deps.jobQueue.wake(deliverMailJob),

    /** The delivery job's work: one attempt; throws to be retried with the queue's backoff. */
    async deliverMessage(messageId: string, attempt: { number: number; isLast: boolean }) {
      const message = await repo.findMessage(messageId);
      if (!message || message.status === "sent") return { skipped: true };
      if (!deps.transport) {
        // Nothing to retry against: the message waits in the outbox, readable by admins.
        await repo.updateMessage(message.id, { status: "queued", lastError: NO_SMTP_ERROR });
        return { sent: false, reason: NO_SMTP_ERROR };
      }
      await repo.updateMessage(message.id, { status: "sending", attempts: message.attempts + 1 });
      try {
        await deps.transport.send({
          to: message.toAddress,
          subject: message.subject,
          text: message.text,
          html: message.html,
          calendar:
            message.calendarMethod && message.calendarIcs
              ? { method: message.calendarMethod, ics: message.calendarIcs }
              : undefined,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await repo.updateMessage(message.id, {
          status: attempt.isLast ? "failed" : "queued",
          lastError: reason.slice(0, 1000),
        });
        throw error;
      }
      await repo.updateMessage(message.id, { status: "sent", lastError: null, sentAt: new Date() });
      return { sent: true };
    },

    async listOutbox(query: {
      limit: number;
      cursor?: string | undefined;
      status?: TOutboxStatus;
    }) {
      const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      const rows = await repo.listMessages({
        limit: query.limit + 1,
        cursor,
        ...(query.status ? { status: query.status } : {}),
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        messages: page.map(presentMessage),
        total: await repo.countMessages(query.status),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
        smtpConfigured: deps.transport !== undefined,
      };
    },

    async getMessage(messageId: string) {
      const row = await repo.findMessage(messageId);
      if (!row) throw notFound("That message");
      return { ...presentMessage(row), html: row.html };
    },

    /** Puts a message that was not sent back in the queue, now. */
    async retryMessage(messageId: string, actor: TActor) {
      const row = await deps.db.transaction(async (tx) => {
        const before = await repo.findMessage(messageId, tx);
        if (!before) throw notFound("That message");
        if (before.status === "sent" || before.status === "sending") {
          throw new AppError(
            "CONFLICT",
            `That message is ${before.status}; only a message not sent can be retried.`,
          );
        }
        const after = await repo.updateMessage(messageId, { status: "queued" }, tx);
        await deps.jobQueue.enqueue(deliverMailJob, { messageId }, tx);
        await deps.auditService.recordEvent(
          actor,
          { action: "mail.retried", entityType: "outbox_message", entityId: messageId },
          tx,
        );
        return after ?? before;
      });
      await deps.jobQueue.wake(deliverMailJob);
      return presentMessage(row);
    },

    async listTemplates() {
      const rows = new Map((await repo.listTemplates()).map((row) => [row.kind, row]));
      return { templates: MAIL_KINDS.map((kind) => presentTemplate(kind, rows.get(kind))) };
    },

    async saveTemplate(kind: TMailKind, template: TMailTemplate, actor: TActor) {
      assertKnownPlaceholders(kind, template);
      return deps.db.transaction(async (tx) => {
        const before = await repo.findTemplate(kind, tx);
        const row = await repo.upsertTemplate({ kind, ...template, updatedBy: actor.userId }, tx);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "mail_template.saved",
            entityType: "mail_template",
            entityId: kind,
            before: before ? { subject: before.subject, body: before.body } : null,
            after: template,
          },
          tx,
        );
        return presentTemplate(kind, row);
      });
    },

    async resetTemplate(kind: TMailKind, actor: TActor) {
      await deps.db.transaction(async (tx) => {
        await repo.deleteTemplate(kind, tx);
        await deps.auditService.recordEvent(
          actor,
          { action: "mail_template.reset", entityType: "mail_template", entityId: kind },
          tx,
        );
      });
      return presentTemplate(kind);
    },

    /** Renders unsaved wording with the kind's example values, checking it as a save would. */
    previewTemplate(kind: TMailKind, template: TMailTemplate) {
      assertKnownPlaceholders(kind, template);
      return renderMail(template, MAIL_KIND_INFO[kind].placeholders);
    },
  };
}
export type TMailService = ReturnType<typeof createMailService>;
