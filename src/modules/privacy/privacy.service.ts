import type { TDatabase } from "../../db/client.js";
import { notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import type { TViewer } from "../access/viewer-scope.js";
import type { TCandidatesRepo } from "../candidates/candidates.repo.js";
import { candidateVisibility } from "../candidates/candidates.service.js";
import type { TPrivacyRepo } from "./privacy.repo.js";
import type {
  TConsent,
  TPrivacySettings,
  TUpdatePrivacySettingsRequest,
} from "./privacy.schema.js";

const PREVIEW_LIMIT = 200;

/** The organisation's privacy settings, consent records, the access trail and the retention preview. */
export function createPrivacyService(deps: {
  db: TDatabase;
  privacyRepo: Pick<
    TPrivacyRepo,
    "getSettings" | "saveSettings" | "listConsents" | "listAccess" | "listDueForRetention"
  >;
  candidatesRepo: Pick<TCandidatesRepo, "isVisible">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
}) {
  const repo = deps.privacyRepo;

  async function assertVisible(candidateId: string, viewer: TViewer) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    if (!(await deps.candidatesRepo.isVisible(candidateId, candidateVisibility(scope))))
      throw notFound("That candidate");
  }

  return {
    async getSettings(): Promise<TPrivacySettings> {
      const row = await repo.getSettings();
      return {
        privacyNoticeUrl: row?.privacyNoticeUrl ?? null,
        retentionMonths: row?.retentionMonths ?? null,
        updatedAt: row?.updatedAt.toISOString() ?? null,
      };
    },

    async updateSettings(
      input: TUpdatePrivacySettingsRequest,
      viewer: TViewer,
      actor: TActor,
    ): Promise<TPrivacySettings> {
      const saved = await deps.db.transaction(async (tx) => {
        const before = await repo.getSettings(tx);
        const row = await repo.saveSettings({ ...input, updatedBy: viewer.id }, tx);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "privacy.settings_updated",
            entityType: "organisation",
            entityId: null,
            before: before
              ? {
                  privacyNoticeUrl: before.privacyNoticeUrl,
                  retentionMonths: before.retentionMonths,
                }
              : null,
            after: input,
          },
          tx,
        );
        return row;
      });
      return {
        privacyNoticeUrl: saved.privacyNoticeUrl,
        retentionMonths: saved.retentionMonths,
        updatedAt: saved.updatedAt.toISOString(),
      };
    },

    async listConsents(candidateId: string, viewer: TViewer): Promise<TConsent[]> {
      await assertVisible(candidateId, viewer);
      const rows = await repo.listConsents(candidateId);
      return rows.map((row) => ({
        id: row.id,
        lawfulBasis: row.lawfulBasis,
        source: row.source,
        noticeUrl: row.noticeUrl,
        recordedAt: row.recordedAt.toISOString(),
        recordedBy:
          row.recordedById && row.recordedByName
            ? { id: row.recordedById, name: row.recordedByName }
            : null,
      }));
    },

    /** Admins only (the route says so). */
    async listAccessTrail(
      candidateId: string,
      query: { before?: number | undefined; limit: number },
      viewer: TViewer,
    ) {
      await assertVisible(candidateId, viewer);
      const rows = await repo.listAccess(candidateId, {
        limit: query.limit + 1,
        beforeId: query.before,
      });
      const page = rows.slice(0, query.limit);
      return {
        events: page.map((row) => ({
          id: row.id,
          kind: row.kind,
          at: row.at.toISOString(),
          user:
            row.userId && row.userName && row.userRole
              ? { id: row.userId, name: row.userName, role: row.userRole }
              : null,
        })),
        nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    /** Who the rule would anonymize today, for `months` or the saved setting. */
    async previewRetention(months: number | undefined) {
      const saved = (await repo.getSettings())?.retentionMonths ?? null;
      const period = months ?? saved;
      if (period === null) return { months: null, enabled: false, due: [], truncated: false };
      const rows = await repo.listDueForRetention(period, PREVIEW_LIMIT + 1);
      return {
        months: period,
        enabled: saved !== null,
        due: rows.slice(0, PREVIEW_LIMIT).map((row) => ({
          candidateId: row.id,
          name: row.name,
          lastClosedAt: new Date(row.lastClosedAt).toISOString(),
        })),
        truncated: rows.length > PREVIEW_LIMIT,
      };
    },
  };
}
export type TPrivacyService = ReturnType<typeof createPrivacyService>;
