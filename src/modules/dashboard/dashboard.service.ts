import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import { canLeadRole, pipelineRoleIds } from "../access/viewer-scope.js";
import type { TViewer } from "../access/viewer-scope.js";
import type { TInterviewsRepo } from "../interviews/interviews.repo.js";
import type { TInterviewsService } from "../interviews/interviews.service.js";
import { presentApplicationSummary } from "../pipeline/application-presenter.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import type { TRolesService } from "../roles/roles.service.js";

const DASHBOARD_LIMIT = 200;

export function createDashboardService(deps: {
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  applicationsRepo: Pick<TApplicationsRepo, "listSummaries">;
  interviewsRepo: Pick<TInterviewsRepo, "listForApplications">;
  interviewsService: Pick<TInterviewsService, "listMyInterviews">;
  rolesService: Pick<TRolesService, "listRoles">;
}) {
  return {
    async getDashboard(viewer: TViewer) {
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      const pipelineRoles = pipelineRoleIds(scope);
      const mine = await deps.interviewsService.listMyInterviews(viewer);
      const scorecardsToSubmit = mine.filter(
        (i) => i.scorecardStatus !== "submitted" && i.application.status === "active",
      );

      const screening = await deps.applicationsRepo.listSummaries({
        visibility:
          pipelineRoles === "all" ? "all" : { roleIds: pipelineRoles, applicationIds: [] },
        status: "active",
        stageKind: "resume-screen",
        limit: DASHBOARD_LIMIT,
        offset: 0,
      });

      const roles = await deps.rolesService.listRoles(viewer, "open");
      const ledRoleIds = roles.filter((r) => canLeadRole(scope, r.id)).map((r) => r.id);
      const led = await deps.applicationsRepo.listSummaries({
        visibility: { roleIds: ledRoleIds, applicationIds: [] },
        status: "active",
        limit: DASHBOARD_LIMIT,
        offset: 0,
      });
      const interviews = await deps.interviewsRepo.listForApplications(
        led.rows.map((r) => r.application.id),
      );
      const decisionsToMake = led.rows.flatMap((row) => {
        const here = interviews.filter(
          (i) =>
            i.interview.applicationId === row.application.id &&
            i.interview.stageId === row.application.currentStageId,
        );
        const ready = here.length > 0 && here.every((i) => i.scorecardStatus === "submitted");
        return ready
          ? [{ ...presentApplicationSummary(row), submittedScorecards: here.length }]
          : [];
      });

      return {
        scorecardsToSubmit,
        applicationsToScreen: screening.rows.map(presentApplicationSummary),
        decisionsToMake,
        roles: roles.map((r) => ({
          id: r.id,
          title: r.title,
          level: r.level,
          status: r.status,
          stages: r.stages.map((s) => ({
            id: s.id,
            name: s.name,
            kind: s.kind,
            activeApplications: s.activeApplications,
          })),
        })),
      };
    },
  };
}
export type TDashboardService = ReturnType<typeof createDashboardService>;
