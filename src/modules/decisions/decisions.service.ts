import type { TDataVersion } from "../../db/data-version.js";
import { createVersionedCache } from "../../shared/versioned-cache.js";
import type { TDatabase, TExecutor } from "../../db/client.js";
import type { TApplicationStatus } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import { assertLeadsRole, assertSeesApplication } from "../access/viewer-scope.js";
import type { TViewer, TViewerScope } from "../access/viewer-scope.js";
import { competencies } from "../roles/templates/competencies.js";
import type { TInterviewsRepo } from "../interviews/interviews.repo.js";
import type { TQuestionsRepo } from "../questions/questions.repo.js";
import { presentApplicationSummary } from "../pipeline/application-presenter.js";
import { assertActive, transitionApplication } from "../pipeline/application-transitions.js";
import {
  assertOfferableStage,
  missingForMove,
  missingForOffer,
  requireConfirmation,
} from "../pipeline/transition-evidence.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import type { TRolesRepo } from "../roles/roles.repo.js";
import type { TShortlistService } from "../shortlist/shortlist.service.js";
import type { TWebhookEmitter } from "../webhooks/webhooks.service.js";
import { loadQuestionLabels, presentScorecard } from "../scorecards/scorecard-presenter.js";
import type { TScorecardsRepo } from "../scorecards/scorecards.repo.js";
import { tallyScorecards } from "./decision-tally.js";
import type { TDecisionListItem, TDecisionsRepo } from "./decisions.repo.js";
import type { TDecisionSummary, TRecordDecisionRequest } from "./decisions.schema.js";

type TApplicationSummaryRow = NonNullable<Awaited<ReturnType<TApplicationsRepo["findSummary"]>>>;

function presentDecision(row: TDecisionListItem) {
  return {
    id: row.id,
    stageId: row.stageId,
    stageName: row.stageName,
    decision: row.decision,
    rationale: row.rationale,
    decidedBy:
      row.decidedBy && row.deciderName ? { id: row.decidedBy, name: row.deciderName } : null,
    // JSON timestamps come back as PostgreSQL writes them; the API speaks ISO 8601 in UTC.
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export function createDecisionsService(deps: {
  db: TDatabase;
  decisionsRepo: TDecisionsRepo;
  applicationsRepo: Pick<
    TApplicationsRepo,
    "lockById" | "findSummary" | "updateApplication" | "insertStageEvent"
  >;
  rolesRepo: Pick<TRolesRepo, "findRole" | "listStages">;
  scorecardsRepo: Pick<TScorecardsRepo, "listForApplication">;
  interviewsRepo: Pick<TInterviewsRepo, "listForApplication">;
  questionsRepo: Pick<TQuestionsRepo, "findVersionsByIds">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  shortlistService: Pick<TShortlistService, "summariseApplicationEvidence">;
  webhooks?: TWebhookEmitter;
  /** With it, what each viewer reads is kept until anything changes (shared/versioned-cache.ts). */
  dataVersion?: Pick<TDataVersion, "read">;
}) {
  const summaries = createVersionedCache<TDecisionSummary>({ max: 200 });
  /** The page: `summary` when the caller has just read it, else read here (in `executor`). */
  async function summarise(
    applicationId: string,
    recordedId: string | null,
    executor?: TExecutor,
    known?: TApplicationSummaryRow,
  ): Promise<TDecisionSummary> {
    const summary = known ?? (await deps.applicationsRepo.findSummary(applicationId, executor));
    if (!summary) throw notFound("That application");
    // Sequential on purpose: inside a transaction these share one connection.
    const context = await deps.decisionsRepo.findDecisionContext(applicationId, executor);
    if (!context) throw notFound("That application");
    const cards = await deps.scorecardsRepo.listForApplication(applicationId, executor);
    const current = cards.filter(
      (c) => c.scorecard.status === "submitted" && c.scorecard.supersededAt === null,
    );
    const labels = await loadQuestionLabels(deps.questionsRepo, current, executor);
    const scorecards = current.map((c) => presentScorecard(c, labels));
    const presented = context.decisions.map(presentDecision);
    return {
      application: presentApplicationSummary(summary),
      scorecards,
      tally: tallyScorecards(scorecards, context.competencyWeights),
      pendingInterviewsInCurrentStage: context.pendingInterviewsInCurrentStage,
      decisions: presented,
      recorded: presented.find((d) => d.id === recordedId) ?? null,
    };
  }

  /** The role's heavy competencies (10%+ of the weight) with no evidence, from the shortlist. */
  async function uncoveredCompetencies(
    applicationId: string,
    roleId: string,
    scope: TViewerScope,
    executor: TExecutor,
  ) {
    const summary = await deps.shortlistService.summariseApplicationEvidence({
      applicationId,
      roleId,
      scope,
      executor,
    });
    const role = await deps.rolesRepo.findRole(roleId, executor);
    return summary.flags.flatMap((flag) =>
      flag.kind === "missing-evidence" && flag.competencyId
        ? [
            {
              kind: "competency" as const,
              competencyId: flag.competencyId,
              competencyName:
                competencies.find((c) => c.id === flag.competencyId)?.name ?? flag.competencyId,
              weight: role?.competencyWeights[flag.competencyId] ?? 0,
            },
          ]
        : [],
    );
  }

  return {
    /** Kept per viewer until anything changes: the application and candidate pages reload it. */
    async getDecisionSummary(applicationId: string, viewer: TViewer): Promise<TDecisionSummary> {
      const version = await deps.dataVersion?.read(viewer);
      return summaries.get(`${applicationId}|${viewer.id}|${viewer.role}`, version, async () => {
        const scope = await deps.viewerScopeRepo.loadScope(viewer);
        const summary = await deps.applicationsRepo.findSummary(applicationId);
        assertSeesApplication(scope, summary?.application);
        assertLeadsRole(scope, summary.application.roleId);
        return summarise(applicationId, null, undefined, summary);
      });
    },

    async recordDecision(
      applicationId: string,
      input: TRecordDecisionRequest,
      viewer: TViewer,
      actor: TActor,
    ) {
      const summary = await deps.db.transaction(async (tx) => {
        const scope = await deps.viewerScopeRepo.loadScope(viewer, tx);
        const application = await deps.applicationsRepo.lockById(applicationId, tx);
        assertSeesApplication(scope, application);
        assertLeadsRole(scope, application.roleId);
        assertActive(application);
        const stages = await deps.rolesRepo.listStages([application.roleId], tx);
        const interviews = await deps.interviewsRepo.listForApplication(applicationId, tx);
        let toStageId = application.currentStageId;
        let status: TApplicationStatus = "active";
        let confirmation: ReturnType<typeof requireConfirmation> = null;
        if (input.decision === "advance") {
          const here = stages.findIndex((s) => s.id === application.currentStageId);
          const next = stages[here + 1];
          if (!next)
            throw new AppError(
              "CONFLICT",
              "The application is in the last stage of the plan; record an offer or a rejection instead.",
            );
          toStageId = next.id;
          confirmation = requireConfirmation(
            missingForMove({
              stages,
              interviews,
              fromStageId: application.currentStageId,
              toStageId,
            }),
            input,
            "Advancing",
          );
        } else if (input.decision === "offer") {
          assertOfferableStage(stages, application.currentStageId);
          confirmation = requireConfirmation(
            missingForOffer({
              stages,
              interviews,
              currentStageId: application.currentStageId,
              competencies: await uncoveredCompetencies(
                application.id,
                application.roleId,
                scope,
                tx,
              ),
            }),
            input,
            "This offer",
          );
          status = "hired";
        } else {
          status = "rejected";
        }
        if (confirmation)
          await deps.auditService.recordEvent(
            actor,
            {
              action: "decision.confirmed_missing_evidence",
              entityType: "application",
              entityId: applicationId,
              after: { decision: input.decision, ...confirmation },
            },
            tx,
          );
        const decision = await deps.decisionsRepo.insertDecision(
          {
            applicationId,
            stageId: application.currentStageId,
            decision: input.decision,
            rationale: input.rationale,
            decidedBy: viewer.id,
          },
          tx,
        );
        await deps.auditService.recordEvent(
          actor,
          {
            action: "decision.recorded",
            entityType: "application",
            entityId: applicationId,
            after: decision,
          },
          tx,
        );
        await deps.webhooks?.emit(
          "decision.recorded",
          {
            decisionId: decision.id,
            applicationId,
            candidateId: application.candidateId,
            roleId: application.roleId,
            stageId: application.currentStageId,
            decision: input.decision,
            decidedBy: viewer.id,
          },
          tx,
        );
        await transitionApplication(deps, tx, {
          application,
          toStageId,
          status,
          reason: input.rationale,
          action: `application.${input.decision === "advance" ? "advanced" : status}`,
          actor,
        });
        return summarise(applicationId, decision.id, tx);
      });
      await deps.webhooks?.wake();
      return summary;
    },
  };
}
export type TDecisionsService = ReturnType<typeof createDecisionsService>;
