import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TViewer } from "../access/viewer-scope.js";
import type { TAssessmentsService } from "../assessments/assessments.service.js";
import type { TScorecardsService } from "../scorecards/scorecards.service.js";
import type { TResumeScreensService } from "../screening/resume-screens.service.js";
import { renderCandidatePacket } from "./candidate-packet-pdf.js";
import { shortlistCsv } from "./shortlist-csv.js";
import type { TShortlistQuery } from "./shortlist.schema.js";
import type { TShortlistService } from "./shortlist.service.js";

/** A file name from free text: letters, digits and dashes only. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60);
  return slug || "export";
}

/**
 * The shortlist's exports. Each part is read through the service that owns it with the caller
 * as viewer, so a file never holds more than the caller could read on the pages; every export
 * is audited.
 */
export function createShortlistExportsService(deps: {
  shortlistService: Pick<TShortlistService, "getShortlist" | "getApplicationEvidence">;
  resumeScreensService: Pick<TResumeScreensService, "getScreening">;
  scorecardsService: Pick<TScorecardsService, "listForApplication">;
  assessmentsService: Pick<TAssessmentsService, "listForApplication">;
  auditService: Pick<TAuditService, "recordEvent">;
}) {
  return {
    async exportShortlistCsv(input: {
      roleId: string;
      query: TShortlistQuery;
      viewer: TViewer;
      actor: TActor;
    }) {
      // Every matching row, whatever page the caller was looking at.
      const shortlist = await deps.shortlistService.getShortlist({
        ...input,
        query: { ...input.query, offset: 0, limit: Number.MAX_SAFE_INTEGER },
      });
      const content = shortlistCsv(shortlist);
      await deps.auditService.recordEvent(input.actor, {
        action: "shortlist.exported",
        entityType: "role",
        entityId: input.roleId,
        after: {
          format: "csv",
          rows: shortlist.rows.length,
          sort: input.query.sort,
          status: input.query.status,
          stage: input.query.stage ?? null,
        },
      });
      return { content, filename: `shortlist-${fileSlug(shortlist.role.title)}.csv` };
    },

    async exportCandidatePacket(input: { applicationId: string; viewer: TViewer; actor: TActor }) {
      const { applicationId, viewer } = input;
      // The evidence call checks access first (404 / 403) before anything else is read.
      const evidence = await deps.shortlistService.getApplicationEvidence({
        applicationId,
        viewer,
      });
      const screening = await deps.resumeScreensService.getScreening(applicationId, viewer);
      const cards = await deps.scorecardsService.listForApplication(applicationId, {}, viewer);
      const { assessments } = await deps.assessmentsService.listForApplication(
        applicationId,
        viewer,
      );
      const stageName = new Map(evidence.role.stages.map((s) => [s.id, s.name]));
      const content = await renderCandidatePacket({
        generatedAt: new Date(),
        generatedBy: viewer.name,
        evidence,
        profile: {
          name: screening.candidate?.name ?? screening.candidateLabel,
          email: screening.candidate?.email ?? null,
          phone: screening.candidate?.phone ?? null,
          blind: screening.candidate === null,
        },
        screening,
        scorecards: cards.scorecards.filter((c) => c.status === "submitted"),
        withheldStageNames: cards.withheldStageIds.map((id) => stageName.get(id) ?? "a stage"),
        assessments,
      });
      await deps.auditService.recordEvent(input.actor, {
        action: "application.packet_exported",
        entityType: "application",
        entityId: applicationId,
        after: { format: "pdf", bytes: content.length },
      });
      const name = screening.candidate?.name ?? screening.candidateLabel;
      return { content, filename: `packet-${fileSlug(name)}.pdf` };
    },
  };
}
export type TShortlistExportsService = ReturnType<typeof createShortlistExportsService>;
