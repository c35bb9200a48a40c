import type { TDataVersion } from "../../db/data-version.js";
import type { TWebhookEmitter } from "../webhooks/webhooks.service.js";
import { createVersionedCache } from "../../shared/versioned-cache.js";
import type { TDatabase } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import {
  assertManagesPipeline,
  assertSeesApplication,
  canLeadRole,
  canManagePipeline,
  canSeeRole,
  pipelineRoleIds,
} from "../access/viewer-scope.js";
import type { TViewer, TViewerScope } from "../access/viewer-scope.js";
import type { TCandidatesRepo } from "../candidates/candidates.repo.js";
import { candidateVisibility } from "../candidates/candidates.service.js";
import { createApplicationRecord } from "./application-creation.js";
import type { TInterviewsRepo } from "../interviews/interviews.repo.js";
import type { TRolesRepo } from "../roles/roles.repo.js";
import { presentApplicationSummary } from "./application-presenter.js";
import { assertActive, transitionApplication } from "./application-transitions.js";
import { missingForMove, requireConfirmation } from "./transition-evidence.js";
import type { TApplicationsRepo, TApplicationVisibility } from "./applications.repo.js";
import type {
  TBulkApplicationsRequest,
  TBulkApplicationsResponse,
  TListApplicationsQuery,
} from "./applications.schema.js";

type TMoveInput = { toStageId: string; reason?: string | undefined; confirm?: boolean | undefined };

export function applicationVisibility(scope: TViewerScope): TApplicationVisibility {
  const roleIds = pipelineRoleIds(scope);
  if (roleIds === "all") return "all";
  return { roleIds, applicationIds: [...scope.assignedApplicationIds] };
}

export function createApplicationsService(deps: {
  db: TDatabase;
  applicationsRepo: TApplicationsRepo;
  rolesRepo: Pick<TRolesRepo, "findRole" | "listStages" | "findStage">;
  candidatesRepo: Pick<TCandidatesRepo, "isVisible">;
  interviewsRepo: Pick<TInterviewsRepo, "listForApplication">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  /** With it, what each viewer reads is kept until anything changes (shared/versioned-cache.ts). */
  dataVersion?: Pick<TDataVersion, "read">;
  webhooks?: TWebhookEmitter;
}) {
  const repo = deps.applicationsRepo;

  /** After a change commits: its webhook deliveries start now rather than at the next poll. */
  async function woken<T>(committed: Promise<T>): Promise<T> {
    const value = await committed;
    await deps.webhooks?.wake();
    return value;
  }

  type TDetailRow = NonNullable<Awaited<ReturnType<TApplicationsRepo["findDetail"]>>>;

  async function detail(applicationId: string, scope: TViewerScope) {
    const row = await repo.findDetail(applicationId);
    if (!row) throw notFound("That application");
    return presentDetail(row, scope);
  }

  // JSON timestamps come back as PostgreSQL writes them; the API speaks ISO 8601 in UTC.
  const iso = (at: string) => new Date(at).toISOString();

  type TApplicationDetail = ReturnType<typeof presentDetail>;
  const details = createVersionedCache<TApplicationDetail>({ max: 200 });

  function presentDetail(row: TDetailRow, scope: TViewerScope) {
    const canManage = canManagePipeline(scope, row.role.id);
    return {
      ...presentApplicationSummary(row),
      stages: row.stages,
      history: row.history.map((e) => ({
        id: e.id,
        fromStage: e.fromStage,
        toStage: e.toStage,
        statusAfter: e.statusAfter,
        reason: e.reason,
        by: e.byUserId && e.byName ? { id: e.byUserId, name: e.byName } : null,
        at: iso(e.at),
      })),
      // An interviewer sees their own interviews; the pipeline owners see the whole panel.
      interviews: row.interviews
        .filter((i) => canManage || i.interviewer.id === scope.userId)
        .map((i) => ({ ...i, scheduledAt: iso(i.scheduledAt) })),
      permissions: { canManage, canDecide: canLeadRole(scope, row.role.id) },
    };
  }

  async function loadForChange(
    applicationId: string,
    viewer: TViewer,
    tx: Parameters<TApplicationsRepo["lockById"]>[1],
  ) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer, tx);
    const application = await repo.lockById(applicationId, tx);
    assertSeesApplication(scope, application);
    assertManagesPipeline(scope, application.roleId);
    assertActive(application);
    return { application, scope };
  }

  /** Reject or withdraw, all in one transaction; returns the caller's scope for the answer. */
  function closeOne(
    applicationId: string,
    status: "rejected" | "withdrawn",
    reason: string,
    viewer: TViewer,
    actor: TActor,
  ) {
    return woken(
      deps.db.transaction(async (tx) => {
        const loaded = await loadForChange(applicationId, viewer, tx);
        await transitionApplication(deps, tx, {
          application: loaded.application,
          toStageId: loaded.application.currentStageId,
          status,
          reason,
          action: `application.${status}`,
          actor,
        });
        return loaded.scope;
      }),
    );
  }

  async function close(
    applicationId: string,
    status: "rejected" | "withdrawn",
    reason: string,
    viewer: TViewer,
    actor: TActor,
  ) {
    return detail(applicationId, await closeOne(applicationId, status, reason, viewer, actor));
  }

  /** A move to another stage of the role, refused without confirmation past missing evidence. */
  function moveOne(applicationId: string, input: TMoveInput, viewer: TViewer, actor: TActor) {
    return woken(
      deps.db.transaction(async (tx) => {
        const loaded = await loadForChange(applicationId, viewer, tx);
        const stage = await deps.rolesRepo.findStage(input.toStageId, tx);
        if (stage?.roleId !== loaded.application.roleId)
          throw new AppError("VALIDATION_FAILED", "That stage is not part of this role's plan.", {
            fields: [{ field: "toStageId", message: "is not a stage of this role" }],
          });
        if (stage.id === loaded.application.currentStageId)
          throw new AppError("CONFLICT", `The application is already in "${stage.name}".`);
        const confirmation = requireConfirmation(
          missingForMove({
            stages: await deps.rolesRepo.listStages([loaded.application.roleId], tx),
            interviews: await deps.interviewsRepo.listForApplication(applicationId, tx),
            fromStageId: loaded.application.currentStageId,
            toStageId: stage.id,
          }),
          input,
          `Moving to "${stage.name}"`,
        );
        if (confirmation)
          await deps.auditService.recordEvent(
            actor,
            {
              action: "application.move_confirmed_missing_evidence",
              entityType: "application",
              entityId: applicationId,
              after: { toStageId: stage.id, ...confirmation },
            },
            tx,
          );
        await transitionApplication(deps, tx, {
          application: loaded.application,
          toStageId: stage.id,
          status: "active",
          reason: input.reason ?? null,
          action: "application.moved",
          actor,
        });
        return loaded.scope;
      }),
    );
  }

  return {
    async createApplication(
      input: { candidateId: string; roleId: string; stageId?: string | undefined },
      viewer: TViewer,
      actor: TActor,
    ) {
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      const role = await deps.rolesRepo.findRole(input.roleId);
      if (!role || !canSeeRole(scope, input.roleId)) throw notFound("That role");
      assertManagesPipeline(scope, role.id);
      if (role.status !== "open")
        throw new AppError("CONFLICT", "This role is closed; reopen it before adding candidates.");
      // Attaching a candidate to a role opens their record to the role's team, so the caller must
      // already see the candidate; one they may not see reads exactly like one that does not exist.
      if (!(await deps.candidatesRepo.isVisible(input.candidateId, candidateVisibility(scope))))
        throw new AppError("VALIDATION_FAILED", "That candidate does not exist.", {
          fields: [{ field: "candidateId", message: "is not a known candidate" }],
        });
      const stages = await deps.rolesRepo.listStages([role.id]);
      const stage = input.stageId ? stages.find((s) => s.id === input.stageId) : stages[0];
      if (!stage)
        throw new AppError("VALIDATION_FAILED", "That stage is not part of this role's plan.", {
          fields: [{ field: "stageId", message: "is not a stage of this role" }],
        });
      const id = await deps.db.transaction(async (tx) => {
        const result = await createApplicationRecord(deps, tx, {
          candidateId: input.candidateId,
          roleId: role.id,
          stageId: stage.id,
          createdBy: viewer.id,
          actor,
        });
        if (!result.created)
          throw new AppError("CONFLICT", "This candidate has already applied for this role.", {
            details: { existingApplicationId: result.existingApplicationId },
          });
        return result.application.id;
      });
      return detail(id, scope);
    },

    async listApplications(query: TListApplicationsQuery, viewer: TViewer) {
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      const { rows, total } = await repo.listSummaries({
        ...query,
        visibility: applicationVisibility(scope),
      });
      return { applications: rows.map(presentApplicationSummary), total };
    },

    /** Kept per viewer until anything changes: the application and candidate pages reload it. */
    async getApplication(applicationId: string, viewer: TViewer): Promise<TApplicationDetail> {
      const version = await deps.dataVersion?.read(viewer);
      return details.get(`${applicationId}|${viewer.id}|${viewer.role}`, version, async () => {
        const scope = await deps.viewerScopeRepo.loadScope(viewer);
        const row = await repo.findDetail(applicationId);
        assertSeesApplication(scope, row?.application);
        return presentDetail(row, scope);
      });
    },

    async moveApplication(
      applicationId: string,
      input: TMoveInput,
      viewer: TViewer,
      actor: TActor,
    ) {
      return detail(applicationId, await moveOne(applicationId, input, viewer, actor));
    },

    /**
     * The board's bulk actions: each application on its own, in its own transaction, through
     * the same rules as one at a time, and a result per application. One the caller may not see
     * reads exactly like one that does not exist, and nothing about it is touched.
     */
    async bulkChangeApplications(
      input: TBulkApplicationsRequest,
      viewer: TViewer,
      actor: TActor,
    ): Promise<TBulkApplicationsResponse> {
      const results: TBulkApplicationsResponse["results"] = [];
      for (const applicationId of new Set(input.applicationIds)) {
        try {
          if (input.action === "reject")
            await closeOne(applicationId, "rejected", input.reason, viewer, actor);
          else await moveOne(applicationId, input, viewer, actor);
          results.push({ applicationId, outcome: "done", message: null });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          results.push({ applicationId, outcome: error.code, message: error.message });
        }
      }
      const done = results.filter((r) => r.outcome === "done").length;
      return { results, done, failed: results.length - done };
    },

    rejectApplication: (id: string, reason: string, viewer: TViewer, actor: TActor) =>
      close(id, "rejected", reason, viewer, actor),
    withdrawApplication: (id: string, reason: string, viewer: TViewer, actor: TActor) =>
      close(id, "withdrawn", reason, viewer, actor),
    detail,
  };
}
export type TApplicationsService = ReturnType<typeof createApplicationsService>;
