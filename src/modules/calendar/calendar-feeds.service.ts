import { notFound } from "../../errors.js";
import { generateSecret, hashSecret } from "../../shared/secure-token.js";
import type { TClock } from "../../shared/clock.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TViewer } from "../access/viewer-scope.js";
import type { TCalendarFeedsRepo } from "./calendar-feeds.repo.js";
import { interviewFeedIcs } from "./interview-ics.js";
import { interviewEvent } from "./interview-invites.js";

// The feed shows the last two months and everything ahead: enough for a calendar, bounded.
const FEED_HISTORY_MS = 60 * 86_400_000;

/**
 * A person's secret calendar feed of the interviews they run. The URL is shown once when made;
 * making a new one revokes the old, and revoking removes it.
 */
export function createCalendarFeedsService(deps: {
  calendarFeedsRepo: TCalendarFeedsRepo;
  auditService: Pick<TAuditService, "recordEvent">;
  clock: TClock;
  publicUrl: string;
}) {
  const repo = deps.calendarFeedsRepo;
  const urlOf = (token: string) => `${deps.publicUrl}/api/calendar/${token}/interviews.ics`;

  return {
    async describe(viewer: TViewer) {
      const row = await repo.findForUser(viewer.id);
      return { active: row !== undefined, createdAt: row?.createdAt.toISOString() ?? null };
    },

    async createFeed(viewer: TViewer, actor: TActor) {
      const token = generateSecret("slcal");
      const row = await repo.replaceToken(viewer.id, hashSecret(token));
      await deps.auditService.recordEvent(actor, {
        action: "calendar_feed.created",
        entityType: "user",
        entityId: viewer.id,
      });
      return {
        active: true,
        createdAt: row?.createdAt.toISOString() ?? null,
        url: urlOf(token),
      };
    },

    async revokeFeed(viewer: TViewer, actor: TActor) {
      if (!(await repo.deleteForUser(viewer.id))) throw notFound("A calendar feed");
      await deps.auditService.recordEvent(actor, {
        action: "calendar_feed.revoked",
        entityType: "user",
        entityId: viewer.id,
      });
    },

    /** The feed itself, for whoever holds the URL; an unknown or revoked token is a 404. */
    async renderFeed(token: string) {
      const owner = await repo.findOwnerByTokenHash(hashSecret(token));
      if (!owner) throw notFound("That calendar feed");
      const since = new Date(deps.clock.now().getTime() - FEED_HISTORY_MS);
      const rows = await repo.listInterviewsOf(owner.id, since);
      return interviewFeedIcs(
        `Shortlist interviews: ${owner.name}`,
        rows.map((row) => interviewEvent(row, null)),
      );
    },
  };
}
export type TCalendarFeedsService = ReturnType<typeof createCalendarFeedsService>;
