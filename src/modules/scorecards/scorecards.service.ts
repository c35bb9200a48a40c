import type { TWebhookEmitter } from "../webhooks/webhooks.service.js";
import type { TDataVersion } from "../../db/data-version.js";
import { createVersionedCache } from "../../shared/versioned-cache.js";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import { assertSeesApplication } from "../access/viewer-scope.js";
import type { TViewer, TViewerScope } from "../access/viewer-scope.js";
import type { TInterviewsRepo, TInterviewRow } from "../interviews/interviews.repo.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import type { TQuestionsRepo } from "../questions/questions.repo.js";
import type { TRolesRepo } from "../roles/roles.repo.js";
import { assertComplete, checkAnswersAgainstKit } from "./scorecard-content.js";
import { loadQuestionLabels, presentScorecard } from "./scorecard-presenter.js";
import { canReadScorecard, filterReadableScorecards } from "./scorecard-visibility.js";
import type { TScorecardsRepo } from "./scorecards.repo.js";
import type {
  TCorrectScorecardRequest,
  TSaveDraftRequest,
  TScorecardContent,
} from "./scorecards.schema.js";

export function createScorecardsService(deps: {
  db: TDatabase;
  scorecardsRepo: TScorecardsRepo;
  interviewsRepo: Pick<TInterviewsRepo, "findById">;
  applicationsRepo: Pick<TApplicationsRepo, "findById">;
  rolesRepo: Pick<TRolesRepo, "findStage">;
  questionsRepo: Pick<TQuestionsRepo, "findVersionsByIds">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  now?: () => Date;
  /** With it, what each viewer reads is kept until anything changes (shared/versioned-cache.ts). */
  dataVersion?: Pick<TDataVersion, "read">;
  webhooks?: TWebhookEmitter;
}) {
  const repo = deps.scorecardsRepo;
  const now = deps.now ?? (() => new Date());

  function assertOwnInterview(
    scope: TViewerScope,
    interview: TInterviewRow,
    application: { id: string; roleId: string } | undefined,
    viewer: TViewer,
  ) {
    assertSeesApplication(scope, application);
    if (interview.interviewerId !== viewer.id)
      throw new AppError(
        "FORBIDDEN",
        "This is another interviewer's interview: only they can read or edit its scorecard draft.",
      );
  }

  /** The interview, if the viewer is its interviewer; names the problem otherwise. */
  async function ownInterview(
    interviewId: string,
    viewer: TViewer,
    executor?: TExecutor,
  ): Promise<TInterviewRow> {
    const scope = await deps.viewerScopeRepo.loadScope(viewer, executor);
    const interview = await deps.interviewsRepo.findById(interviewId, executor);
    if (!interview) throw notFound("That interview");
    const application = await deps.applicationsRepo.findById(interview.applicationId, executor);
    assertOwnInterview(scope, interview, application, viewer);
    return interview;
  }

  async function checkContent(
    interview: TInterviewRow,
    content: TScorecardContent,
    executor?: TExecutor,
  ) {
    const versions = await deps.questionsRepo.findVersionsByIds(
      interview.kit.map((k) => k.questionVersionId),
      executor,
    );
    return checkAnswersAgainstKit(content, interview.kit, versions);
  }

  async function presentById(id: string, executor?: TExecutor) {
    const row = await repo.findById(id, executor);
    if (!row) throw notFound("That scorecard");
    return presentScorecard(row);
  }

  function staleDraft(current: Parameters<typeof presentScorecard>[0]) {
    return new AppError(
      "CONFLICT",
      "This draft was saved elsewhere since you loaded it; nothing was overwritten. Merge with the newer draft and save again.",
      { details: { draft: presentScorecard(current) } },
    );
  }

  async function stageCompetencies(stageId: string, executor?: TExecutor) {
    return (await deps.rolesRepo.findStage(stageId, executor))?.competencies ?? [];
  }

  async function listReadableCards(
    applicationId: string,
    query: { stageId?: string | undefined; includeSuperseded?: boolean | undefined },
    viewer: TViewer,
  ) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    const application = await deps.applicationsRepo.findById(applicationId);
    assertSeesApplication(scope, application);
    const rows = await repo.listForApplication(applicationId);
    const { visible, withheldStageIds } = filterReadableScorecards(
      scope,
      application.roleId,
      rows.map((r) => ({ ...r.scorecard, row: r })),
    );
    const shown = visible
      .filter((c) => (query.stageId ? c.stageId === query.stageId : true))
      .filter((c) => query.includeSuperseded === true || c.supersededAt === null)
      .map((c) => c.row);
    const labels = await loadQuestionLabels(deps.questionsRepo, shown);
    return {
      scorecards: shown.map((row) => presentScorecard(row, labels)),
      withheldStageIds: withheldStageIds.filter((id) =>
        query.stageId ? id === query.stageId : true,
      ),
    };
  }

  type TApplicationScorecards = Awaited<ReturnType<typeof listReadableCards>>;
  const cardLists = createVersionedCache<TApplicationScorecards>({ max: 200 });

  return {
    async getMyScorecard(interviewId: string, viewer: TViewer) {
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      const found = await repo.findInterviewWithLatest(interviewId);
      if (!found) throw notFound("That interview");
      assertOwnInterview(scope, found.interview, found.application, viewer);
      const { scorecard, stageName, interviewerName } = found;
      return scorecard && stageName !== null && interviewerName !== null
        ? presentScorecard({ scorecard, stageName, interviewerName })
        : null;
    },

    /** Autosave with optimistic concurrency: the client names the revision it edited. */
    async saveDraft(interviewId: string, input: TSaveDraftRequest, viewer: TViewer) {
      return deps.db.transaction(async (tx) => {
        const interview = await ownInterview(interviewId, viewer, tx);
        const { revision, ...content } = input;
        const answers = await checkContent(interview, content, tx);
        const values = {
          answers,
          competencyRatings: content.competencyRatings as Record<string, number>,
          keyTakeaways: content.keyTakeaways,
          recommendation: content.recommendation,
        };
        const latest = await repo.findLatestForInterview(interviewId, tx);
        if (latest?.scorecard.status === "submitted")
          throw new AppError(
            "CONFLICT",
            "This scorecard is already submitted and locked; file a correction instead.",
            { details: { scorecardId: latest.scorecard.id } },
          );
        if (!latest) {
          if (revision !== 0)
            throw new AppError(
              "CONFLICT",
              "There is no draft at that revision; start with revision 0.",
            );
          const created = await repo.insertScorecard(
            {
              ...values,
              interviewId,
              applicationId: interview.applicationId,
              stageId: interview.stageId,
              interviewerId: interview.interviewerId,
              version: 1,
              status: "draft",
              revision: 1,
            },
            tx,
          );
          if (!created)
            throw new AppError(
              "CONFLICT",
              "Another tab started this draft a moment ago; reload it.",
            );
          return presentById(created.id, tx);
        }
        const updated = await repo.updateDraftAtRevision(latest.scorecard.id, revision, values, tx);
        if (!updated) throw staleDraft(latest);
        return presentById(updated.id, tx);
      });
    },

    async submitScorecard(interviewId: string, revision: number, viewer: TViewer, actor: TActor) {
      const card = await deps.db.transaction(async (tx) => {
        const interview = await ownInterview(interviewId, viewer, tx);
        const latest = await repo.findLatestForInterview(interviewId, tx);
        if (!latest) throw new AppError("CONFLICT", "There is no draft to submit; save one first.");
        if (latest.scorecard.status === "submitted")
          throw new AppError(
            "CONFLICT",
            "This scorecard is already submitted; file a correction instead.",
            {
              details: { scorecardId: latest.scorecard.id },
            },
          );
        if (latest.scorecard.revision !== revision) throw staleDraft(latest);
        assertComplete(
          latest.scorecard,
          interview.kit,
          await stageCompetencies(interview.stageId, tx),
        );
        const submitted = await repo.submitAtRevision(latest.scorecard.id, revision, now(), tx);
        if (!submitted) throw staleDraft(latest);
        const card = await presentById(submitted.id, tx);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "scorecard.submitted",
            entityType: "scorecard",
            entityId: card.id,
            after: card,
          },
          tx,
        );
        // Who scored which interview, not what they wrote: scorecards stay independent until
        // the panel is in, and a receiver reads them through the API under its token's rights.
        await deps.webhooks?.emit(
          "scorecard.submitted",
          {
            scorecardId: card.id,
            interviewId,
            applicationId: interview.applicationId,
            interviewerId: viewer.id,
            submittedAt: card.submittedAt,
          },
          tx,
        );
        return card;
      });
      await deps.webhooks?.wake();
      return card;
    },

    /** A submitted scorecard is never edited: the correction is version n+1; both are kept. */
    async correctScorecard(
      scorecardId: string,
      input: TCorrectScorecardRequest,
      viewer: TViewer,
      actor: TActor,
    ) {
      return deps.db.transaction(async (tx) => {
        const existing = await repo.findById(scorecardId, tx);
        if (!existing) throw notFound("That scorecard");
        const interview = await ownInterview(existing.scorecard.interviewId, viewer, tx);
        const latest = await repo.findLatestForInterview(interview.id, tx);
        if (
          existing.scorecard.status !== "submitted" ||
          latest?.scorecard.id !== existing.scorecard.id
        )
          throw new AppError(
            "CONFLICT",
            "Only the latest submitted version of a scorecard can be corrected.",
            {
              details: { latestScorecardId: latest?.scorecard.id ?? null },
            },
          );
        const { reason, ...content } = input;
        const answers = await checkContent(interview, content, tx);
        assertComplete(content, interview.kit, await stageCompetencies(interview.stageId, tx));
        const at = now();
        const created = await repo.insertScorecard(
          {
            interviewId: interview.id,
            applicationId: interview.applicationId,
            stageId: interview.stageId,
            interviewerId: interview.interviewerId,
            version: existing.scorecard.version + 1,
            status: "submitted",
            revision: 1,
            answers,
            competencyRatings: content.competencyRatings,
            keyTakeaways: content.keyTakeaways,
            recommendation: content.recommendation,
            correctionReason: reason,
            submittedAt: at,
          },
          tx,
        );
        if (!created)
          throw new AppError("CONFLICT", "Another correction was filed a moment ago; reload.");
        await repo.markSuperseded(existing.scorecard.id, at, tx);
        const card = await presentById(created.id, tx);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "scorecard.corrected",
            entityType: "scorecard",
            entityId: card.id,
            before: presentScorecard(existing),
            after: card,
          },
          tx,
        );
        return card;
      });
    },

    /** Kept per viewer and filter until anything changes (the application and candidate pages). */
    async listForApplication(
      applicationId: string,
      query: { stageId?: string | undefined; includeSuperseded?: boolean | undefined },
      viewer: TViewer,
    ): Promise<TApplicationScorecards> {
      const version = await deps.dataVersion?.read(viewer);
      const key = [applicationId, viewer.id, viewer.role, query.stageId, query.includeSuperseded];
      return cardLists.get(key.join("|"), version, () =>
        listReadableCards(applicationId, query, viewer),
      );
    },

    /** Not readable reads as not found: the id of a hidden scorecard reveals nothing. */
    async getScorecard(scorecardId: string, viewer: TViewer) {
      const row = await repo.findById(scorecardId);
      if (!row) throw notFound("That scorecard");
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      const application = await deps.applicationsRepo.findById(row.scorecard.applicationId);
      assertSeesApplication(scope, application);
      const all = await repo.listForApplication(application.id);
      if (
        !canReadScorecard(
          scope,
          application.roleId,
          row.scorecard,
          all.map((r) => r.scorecard),
        )
      )
        throw notFound("That scorecard");
      return presentScorecard(row, await loadQuestionLabels(deps.questionsRepo, [row]));
    },
  };
}
export type TScorecardsService = ReturnType<typeof createScorecardsService>;
