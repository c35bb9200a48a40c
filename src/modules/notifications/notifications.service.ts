import type { TDatabase, TExecutor } from "../../db/client.js";
import type { TNotificationKind } from "../../db/schema/index.js";
import { NOTIFICATION_KINDS } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import type { TClock } from "../../shared/clock.js";
import { encodeTimeCursor } from "../../shared/keyset-cursor.js";
import type { TTimeKey } from "../../shared/keyset-cursor.js";
import type { TMailService } from "../mail/mail.service.js";
import type { TWebhookEmitter } from "../webhooks/webhooks.service.js";
import { NOTIFICATION_KIND_INFO } from "./notification-kinds.js";
import type { TDelivery } from "./notification-kinds.js";
import type { TNotificationRow, TNotificationsRepo, TRecipient } from "./notifications.repo.js";

type TViewer = { id: string };

const PAGE_SIZE = 30;

/** The sentence a person reads in the bell, built from references at read time. */
function headline(row: TNotificationRow) {
  const who = row.actorName ?? "Someone";
  switch (row.kind) {
    case "report_ready":
      return `${row.candidateName}'s assessment report is ready`;
    case "scorecard_submitted":
      return `${who} submitted a scorecard for ${row.candidateName}`;
    case "decision_waiting":
      return `Every scorecard for ${row.candidateName} is in: the decision is yours`;
    case "note_mention":
      return `${who} mentioned you in a note on ${row.candidateName}`;
  }
}

function linkOf(kind: TNotificationKind, applicationId: string) {
  return kind === "report_ready"
    ? `/applications/${applicationId}/assessment`
    : kind === "note_mention"
      ? `/applications/${applicationId}#notes`
      : `/applications/${applicationId}`;
}

/**
 * Tells the hiring team what happened: a row in each person's bell and, where they chose it, an
 * e-mail through the outbox, both in the transaction of the cause. Events reach it through the
 * same emitter as webhooks (see `withNotifications`), so nothing that emits can forget it.
 */
export function createNotificationsService(deps: {
  db: TDatabase;
  notificationsRepo: TNotificationsRepo;
  mail: Pick<TMailService, "enqueueMail" | "wake">;
  clock: TClock;
  publicUrl: string;
}) {
  const repo = deps.notificationsRepo;

  async function deliveries(recipients: TRecipient[], kind: TNotificationKind, tx: TExecutor) {
    const chosen = await repo.preferencesFor(
      recipients.map((r) => r.id),
      kind,
      tx,
    );
    return recipients.map((r) => ({
      ...r,
      delivery: chosen.get(r.id) ?? NOTIFICATION_KIND_INFO[kind].defaults,
    }));
  }

  /** Writes one kind of notification to each recipient (bar the actor) as they chose. */
  async function notify(
    input: {
      kind: TNotificationKind;
      applicationId: string;
      recipients: TRecipient[];
      actor: { id: string; name: string } | null;
      noteId?: string;
      mailValues?: Record<string, string>;
    },
    tx: TExecutor,
  ) {
    const unique = [...new Map(input.recipients.map((r) => [r.id, r])).values()].filter(
      (r) => r.id !== input.actor?.id,
    );
    if (unique.length === 0) return 0;
    const people = await deliveries(unique, input.kind, tx);
    await repo.insertMany(
      people
        .filter((p) => p.delivery.inApp)
        .map((p) => ({
          userId: p.id,
          kind: input.kind,
          applicationId: input.applicationId,
          actorId: input.actor?.id ?? null,
          noteId: input.noteId ?? null,
        })),
      tx,
    );
    const mailed = people.filter((p) => p.delivery.email);
    if (mailed.length > 0) {
      const context = await repo.contextOf(input.applicationId, tx);
      for (const person of mailed)
        await deps.mail.enqueueMail(
          {
            kind: input.kind,
            to: person.email,
            values: {
              recipientName: person.name,
              candidateName: context?.candidateName ?? "",
              roleTitle: context?.roleTitle ?? "",
              interviewerName: input.actor?.name ?? "",
              authorName: input.actor?.name ?? "",
              ...input.mailValues,
              link: `${deps.publicUrl}${linkOf(input.kind, input.applicationId)}`,
            },
          },
          tx,
        );
    }
    return people.length;
  }

  async function onScorecardSubmitted(
    data: { applicationId: string; interviewId: string; interviewerId: string },
    tx: TExecutor,
  ) {
    const actor = {
      id: data.interviewerId,
      name: (await repo.nameOf(data.interviewerId, tx)) ?? "",
    };
    await notify(
      {
        kind: "scorecard_submitted",
        applicationId: data.applicationId,
        recipients: await repo.teamOf(data.applicationId, ["recruiter", "hiring_manager"], tx),
        actor,
      },
      tx,
    );
    const round = await repo.roundOf(data.interviewId, tx);
    if (round && round.active && round.open === 0)
      await notify(
        {
          kind: "decision_waiting",
          applicationId: data.applicationId,
          recipients: await repo.teamOf(data.applicationId, ["hiring_manager"], tx),
          actor,
          mailValues: { stageName: round.stageName },
        },
        tx,
      );
  }

  async function getSettings(viewer: TViewer) {
    const stored = new Map(
      (await repo.preferencesOf(viewer.id)).map((r) => [
        r.kind,
        { inApp: r.inApp, email: r.email },
      ]),
    );
    return {
      settings: NOTIFICATION_KINDS.map((kind) => {
        const info = NOTIFICATION_KIND_INFO[kind];
        const delivery: TDelivery = stored.get(kind) ?? info.defaults;
        return { kind, label: info.label, description: info.description, ...delivery };
      }),
    };
  }

  return {
    notify,

    /** The domain events that concern people, mapped onto notifications in the cause's commit. */
    async onEvent(event: string, data: Record<string, unknown>, tx: TExecutor) {
      const applicationId = typeof data.applicationId === "string" ? data.applicationId : null;
      if (!applicationId) return;
      if (event === "assessment.graded" && data.status === "graded")
        await notify(
          {
            kind: "report_ready",
            applicationId,
            recipients: await repo.teamOf(applicationId, ["recruiter", "hiring_manager"], tx),
            actor: null,
          },
          tx,
        );
      if (
        event === "scorecard.submitted" &&
        typeof data.interviewId === "string" &&
        typeof data.interviewerId === "string"
      )
        await onScorecardSubmitted(
          {
            applicationId,
            interviewId: data.interviewId,
            interviewerId: data.interviewerId,
          },
          tx,
        );
    },

    async list(viewer: TViewer, cursor: TTimeKey | undefined) {
      const rows = await repo.listFor(viewer.id, {
        limit: PAGE_SIZE + 1,
        before: cursor,
      });
      const page = rows.slice(0, PAGE_SIZE);
      const last = page.at(-1);
      return {
        notifications: page.map((row) => ({
          id: row.id,
          kind: row.kind,
          title: headline(row),
          excerpt: row.noteExcerpt,
          link: linkOf(row.kind, row.applicationId),
          applicationId: row.applicationId,
          roleTitle: row.roleTitle,
          createdAt: row.createdAt.toISOString(),
          read: row.readAt !== null,
        })),
        nextCursor:
          rows.length > PAGE_SIZE && last
            ? encodeTimeCursor({ at: last.createdAt, id: last.id })
            : null,
        unread: await repo.unreadCount(viewer.id),
      };
    },

    unreadCount: (viewer: TViewer) => repo.unreadCount(viewer.id),

    async markRead(viewer: TViewer, ids: string[] | "all") {
      const marked = await repo.markRead(viewer.id, ids, deps.clock.now());
      return { marked, unread: await repo.unreadCount(viewer.id) };
    },

    getSettings,

    async saveSettings(
      viewer: TViewer,
      settings: { kind: TNotificationKind; inApp: boolean; email: boolean }[],
    ) {
      const kinds = settings.map((s) => s.kind);
      const repeated = kinds.find((k, i) => kinds.indexOf(k) !== i);
      if (repeated)
        throw new AppError("VALIDATION_FAILED", `"${repeated}" is listed twice; list each once.`, {
          fields: [{ field: "settings", message: `lists ${repeated} twice` }],
        });
      await repo.savePreferences(viewer.id, settings);
      return getSettings(viewer);
    },
  };
}

export type TNotificationsService = ReturnType<typeof createNotificationsService>;

/**
 * The emitter the hiring services are given: an event becomes webhook deliveries and the team's
 * notifications in the same transaction, and waking after the commit starts both kinds of delivery.
 */
export function withNotifications(
  webhooks: TWebhookEmitter,
  notifications: Pick<TNotificationsService, "onEvent">,
  mail: Pick<TMailService, "wake">,
): TWebhookEmitter {
  return {
    async emit(event, data, executor) {
      const deliveries = await webhooks.emit(event, data, executor);
      await notifications.onEvent(event, data, executor);
      return deliveries;
    },
    async wake() {
      await webhooks.wake();
      await mail.wake();
    },
  };
}
