import type { TDatabase, TExecutor } from "../../db/client.js";
import type { TDesignReviewScore } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { checkCompleteness } from "../../grader/document-check.js";
import type { TDocumentConfig } from "../../grader/pack.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import { assertSeesApplication } from "../access/viewer-scope.js";
import type { TViewer, TViewerScope } from "../access/viewer-scope.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import { nameOfCompetency } from "../roles/templates/competencies.js";
import { filterReadableScorecards } from "../scorecards/scorecard-visibility.js";
import type { TAssessmentsRepo, TPartRow } from "./assessments.repo.js";
import type { TPackSource } from "./assessments.service.js";
import { ratingsOfDesignReview, rubricOfManifest } from "./design-review-evidence.js";
import { quotableTexts, quoteOccurs, renderDocumentHtml } from "./design-reviews.document.js";
import type { TDesignReviewRow, TDesignReviewsRepo } from "./design-reviews.repo.js";
import { MIN_QUOTE_CHARS } from "./design-reviews.schema.js";
import type {
  TDesignReview,
  TDesignReviewPage,
  TSaveDesignReviewDraftRequest,
} from "./design-reviews.schema.js";

/** One reviewer's rating of one competency, through one rubric dimension. */
export type TDesignReviewEvidence = {
  competency: string;
  dimensionId: string;
  reviewerId: string;
  reviewerName: string;
  rating: number;
  submittedAt: string;
};

/**
 * Who writes a design review: the role's hiring managers and the interviewers assigned to the
 * application (the hiring manager assigns them). Recruiters and admins read, they do not review.
 */
export function canReviewDesign(
  scope: TViewerScope,
  application: { id: string; roleId: string },
): boolean {
  return (
    scope.teamRoleByRole.get(application.roleId) === "hiring_manager" ||
    scope.assignedApplicationIds.has(application.id)
  );
}

/**
 * Independence is the scorecards' rule (scorecard-visibility.ts), applied with the assessment part
 * in the place of the interview stage: a reviewer reads other reviews only after submitting their
 * own; the role's hiring managers and admins read every submitted one; drafts stay private.
 */
function readableReviews(scope: TViewerScope, roleId: string, rows: TReviewWithName[]) {
  const cards = rows.map((row) => ({
    row,
    interviewerId: row.review.reviewerId,
    status: row.review.status,
    stageId: row.review.partId,
  }));
  const { visible } = filterReadableScorecards(scope, roleId, cards);
  return visible.map((card) => card.row);
}

type TReviewWithName = { review: TDesignReviewRow; reviewerName: string };

/** Which review page: an assessment and its part's number (1 for "Part 1"). */
type TPartRef = { assessmentId: string; part: number };

function presentReview({ review, reviewerName }: TReviewWithName): TDesignReview {
  return {
    id: review.id,
    reviewer: { id: review.reviewerId, name: reviewerName },
    status: review.status,
    revision: review.revision,
    submissionId: review.submissionId,
    scores: Object.entries(review.scores).map(([dimensionId, score]) => ({
      dimensionId,
      ...score,
    })),
    summary: review.summary,
    submittedAt: review.submittedAt?.toISOString() ?? null,
    updatedAt: review.updatedAt.toISOString(),
  };
}

export function createDesignReviewsService(deps: {
  db: TDatabase;
  designReviewsRepo: TDesignReviewsRepo;
  assessmentsRepo: Pick<
    TAssessmentsRepo,
    "findAssessment" | "listParts" | "listSubmissions" | "readSubmissionContent"
  >;
  applicationsRepo: Pick<TApplicationsRepo, "findSummary">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  packs: Pick<TPackSource, "loadPack">;
  now?: () => Date;
}) {
  const repo = deps.designReviewsRepo;
  const now = deps.now ?? (() => new Date());

  /**
   * The assessment, its part, the application and the caller's scope; 404 unless the caller sees
   * the assessment, and 404 naming the part when it does not exist or is not a design document.
   */
  async function visiblePart(ref: TPartRef, viewer: TViewer, executor?: TExecutor) {
    const assessment = await deps.assessmentsRepo.findAssessment(ref.assessmentId, executor);
    if (!assessment) throw notFound("That assessment");
    const scope = await deps.viewerScopeRepo.loadScope(viewer, executor);
    const summary = await deps.applicationsRepo.findSummary(assessment.applicationId, executor);
    assertSeesApplication(scope, summary?.application);
    if (!summary) throw notFound("That assessment");
    const parts = await deps.assessmentsRepo.listParts([assessment.id], executor);
    const part = parts.find((p) => p.position === ref.part);
    if (!part)
      throw new AppError(
        "NOT_FOUND",
        `That assessment has ${parts.length} part${parts.length === 1 ? "" : "s"}; there is no part ${ref.part}.`,
      );
    const pack = await deps.packs.loadPack(part.packId);
    const config = pack.manifest.document;
    if (config === undefined)
      throw new AppError(
        "NOT_FOUND",
        `Part ${part.position} of that assessment (${pack.manifest.title}) is graded automatically; only a design-document part has a design review.`,
      );
    return { assessment, part, partCount: parts.length, scope, summary, pack, config };
  }

  /** The part's newest upload, or undefined before the candidate has sent one. */
  async function latestOfPart(assessmentId: string, partId: string, executor?: TExecutor) {
    const rows = await deps.assessmentsRepo.listSubmissions([assessmentId], executor);
    return rows.find((row) => row.submission.partId === partId);
  }

  /** The part's newest upload as text, with what reviewers see and what a quote may match. */
  async function latestDocument(part: TPartRow, config: TDocumentConfig, executor?: TExecutor) {
    const latest = await latestOfPart(part.assessmentId, part.id, executor);
    if (!latest) return null;
    const content = await deps.assessmentsRepo.readSubmissionContent(
      latest.submission.id,
      executor,
    );
    const text = content ? Buffer.from(content).toString("utf8") : "";
    const mediaType = latest.file.filename.endsWith(".md") ? "text/markdown" : "text/plain";
    const html = renderDocumentHtml(text, mediaType);
    return {
      submission: latest.submission,
      filename: latest.file.filename,
      html,
      quotable: quotableTexts(text, html),
      completeness: checkCompleteness(text, config),
    };
  }

  async function assertReviewer(ref: TPartRef, viewer: TViewer, executor: TExecutor) {
    const found = await visiblePart(ref, viewer, executor);
    if (!canReviewDesign(found.scope, found.summary.application))
      throw new AppError(
        "FORBIDDEN",
        "Only the role's hiring managers and the interviewers assigned to this candidate review the design document.",
      );
    return found;
  }

  async function ownReview(partId: string, viewerId: string, executor?: TExecutor) {
    const rows = await repo.listForPart(partId, executor);
    return rows.find((row) => row.review.reviewerId === viewerId);
  }

  function staleDraft(current: TReviewWithName) {
    return new AppError(
      "CONFLICT",
      "This review was saved elsewhere since you loaded it; nothing was overwritten. Reload it and save again.",
      { details: { review: presentReview(current) } },
    );
  }

  function lockedReview() {
    return new AppError("CONFLICT", "Your review is already submitted and locked.");
  }

  /** Scores keyed by the rubric's dimensions; an unknown dimension is named, not dropped. */
  function scoresFor(input: TSaveDesignReviewDraftRequest, config: TDocumentConfig) {
    const known = new Set(config.rubric.map((dimension) => dimension.id));
    const scores: Record<string, TDesignReviewScore> = {};
    input.scores.forEach((score, index) => {
      if (!known.has(score.dimensionId))
        throw new AppError(
          "VALIDATION_FAILED",
          `The rubric has no dimension "${score.dimensionId}".`,
          {
            fields: [{ field: `scores.${index}.dimensionId`, message: "is not in this rubric" }],
          },
        );
      scores[score.dimensionId] = { rating: score.rating, quote: score.quote, note: score.note };
    });
    return scores;
  }

  /** Every dimension rated, each with a passage that really is in the document. */
  function assertSubmittable(
    review: TDesignReviewRow,
    config: TDocumentConfig,
    quotable: readonly string[],
  ) {
    const fields: { field: string; message: string }[] = [];
    for (const dimension of config.rubric) {
      const score = review.scores[dimension.id];
      if (!score || score.rating === null)
        fields.push({
          field: `scores.${dimension.id}.rating`,
          message: "needs a rating from 1 to 4",
        });
      const quote = score?.quote.trim() ?? "";
      if (quote.length < MIN_QUOTE_CHARS)
        fields.push({
          field: `scores.${dimension.id}.quote`,
          message: `needs a passage quoted from the document (at least ${MIN_QUOTE_CHARS} characters)`,
        });
      else if (!quoteOccurs(quote, quotable))
        fields.push({
          field: `scores.${dimension.id}.quote`,
          message: "is not in the document; copy the passage exactly as it appears",
        });
    }
    if (fields.length > 0) {
      const names = fields
        .map((f) => config.rubric.find((d) => f.field.split(".")[1] === d.id)?.name)
        .filter((name, index, all) => name !== undefined && all.indexOf(name) === index);
      throw new AppError(
        "VALIDATION_FAILED",
        `The review is not complete: ${names.join(", ")} ${names.length === 1 ? "needs" : "need"} a rating and a quoted passage found in the document.`,
        { fields },
      );
    }
  }

  async function audit(
    actor: TActor,
    action: string,
    review: TDesignReviewRow,
    executor: TExecutor,
    after: Record<string, unknown>,
  ) {
    await deps.auditService.recordEvent(
      actor,
      { action, entityType: "design_review", entityId: review.id, after },
      executor,
    );
  }

  return {
    /** The review page: the document, its completeness, the rubric, and the reviews the caller may read. */
    async getDesignReview(input: TPartRef & { viewer: TViewer }): Promise<TDesignReviewPage> {
      const { assessment, part, partCount, scope, summary, pack, config } = await visiblePart(
        input,
        input.viewer,
      );
      const document = await latestDocument(part, config);
      const rows = await repo.listForPart(part.id);
      const readable = readableReviews(scope, summary.application.roleId, rows);
      const mine = rows.find((row) => row.review.reviewerId === input.viewer.id);
      const others = readable.filter((row) => row.review.reviewerId !== input.viewer.id);
      const submittedOthers = rows.filter(
        (row) => row.review.status === "submitted" && row.review.reviewerId !== input.viewer.id,
      );
      return {
        assessmentId: assessment.id,
        part: { id: part.id, position: part.position, count: partCount },
        applicationId: assessment.applicationId,
        candidateName: summary.candidate.name,
        pack: { id: pack.manifest.id, title: pack.manifest.title },
        document: document && {
          submissionId: document.submission.id,
          version: document.submission.version,
          filename: document.filename,
          submittedAt: document.submission.submittedAt.toISOString(),
          isLate: document.submission.isLate,
          html: document.html,
          completeness: document.completeness,
        },
        rubric: config.rubric.map((dimension) => ({
          ...dimension,
          competencyName: nameOfCompetency(dimension.competency),
        })),
        minQuoteChars: MIN_QUOTE_CHARS,
        canReview: canReviewDesign(scope, summary.application),
        mine: mine ? presentReview(mine) : null,
        reviews: others.map(presentReview),
        withheldCount: submittedOthers.length - others.length,
      };
    },

    /** Autosave with optimistic concurrency: the client names the revision it edited. */
    async saveDesignReviewDraft(input: {
      assessmentId: string;
      part: number;
      draft: TSaveDesignReviewDraftRequest;
      viewer: TViewer;
      actor: TActor;
    }): Promise<TDesignReview> {
      return deps.db.transaction(async (tx) => {
        const { assessment, part, config } = await assertReviewer(input, input.viewer, tx);
        const latest = await latestOfPart(assessment.id, part.id, tx);
        if (!latest)
          throw new AppError("CONFLICT", "The candidate has not uploaded a document yet.");
        const values = {
          scores: scoresFor(input.draft, config),
          summary: input.draft.summary,
          submissionId: latest.submission.id,
        };
        const current = await ownReview(part.id, input.viewer.id, tx);
        if (current?.review.status === "submitted") throw lockedReview();
        let saved: TDesignReviewRow | undefined;
        if (!current) {
          if (input.draft.revision !== 0)
            throw new AppError(
              "CONFLICT",
              "There is no draft at that revision; start with revision 0.",
            );
          saved = await repo.insertReview(
            {
              ...values,
              assessmentId: assessment.id,
              partId: part.id,
              applicationId: assessment.applicationId,
              reviewerId: input.viewer.id,
              status: "draft",
              revision: 1,
            },
            tx,
          );
          if (!saved)
            throw new AppError(
              "CONFLICT",
              "Another tab started this review a moment ago; reload it.",
            );
          await audit(input.actor, "design_review.started", saved, tx, {
            assessmentId: assessment.id,
            part: part.position,
          });
        } else {
          saved = await repo.updateDraftAtRevision(
            current.review.id,
            input.draft.revision,
            values,
            tx,
          );
          if (!saved) throw staleDraft(current);
        }
        return presentReview({ review: saved, reviewerName: input.viewer.name });
      });
    },

    /** Locks the review once every dimension has a rating and a quote found in the document. */
    async submitDesignReview(input: {
      assessmentId: string;
      part: number;
      revision: number;
      viewer: TViewer;
      actor: TActor;
    }): Promise<TDesignReview> {
      return deps.db.transaction(async (tx) => {
        const { assessment, part, config } = await assertReviewer(input, input.viewer, tx);
        const current = await ownReview(part.id, input.viewer.id, tx);
        if (!current)
          throw new AppError(
            "CONFLICT",
            "There is no draft to submit; score the dimensions first.",
          );
        if (current.review.status === "submitted") throw lockedReview();
        if (current.review.revision !== input.revision) throw staleDraft(current);
        const document = await latestDocument(part, config, tx);
        if (!document || document.submission.id !== current.review.submissionId)
          throw new AppError(
            "CONFLICT",
            "The candidate uploaded a newer version since you saved; reload, check your quotes against it and save again.",
          );
        assertSubmittable(current.review, config, document.quotable);
        const submitted = await repo.submitAtRevision(current.review.id, input.revision, now(), tx);
        if (!submitted) throw staleDraft(current);
        await audit(input.actor, "design_review.submitted", submitted, tx, {
          assessmentId: assessment.id,
          part: part.position,
          submissionId: submitted.submissionId,
          ratings: Object.fromEntries(
            Object.entries(submitted.scores).map(([id, score]) => [id, score.rating]),
          ),
        });
        return presentReview({ review: submitted, reviewerName: input.viewer.name });
      });
    },

    /**
     * What the design reviews say about each application's competencies: per application, per
     * competency id, every submitted rating with its reviewer. The caller has already decided
     * who may see these applications (the shortlist does); drafts never count.
     */
    async designReviewEvidence(
      applicationIds: readonly string[],
    ): Promise<Map<string, Map<string, TDesignReviewEvidence[]>>> {
      const rows = await repo.listSubmittedForApplications([...new Set(applicationIds)]);
      const rubrics = new Map<string, Map<string, string>>();
      const result = new Map<string, Map<string, TDesignReviewEvidence[]>>();
      for (const row of rows) {
        let rubric = rubrics.get(row.packId);
        if (!rubric) {
          const pack = await deps.packs.loadPack(row.packId).catch(() => null);
          rubric = rubricOfManifest(pack?.manifest ?? null);
          rubrics.set(row.packId, rubric);
        }
        const byCompetency =
          result.get(row.applicationId) ?? new Map<string, TDesignReviewEvidence[]>();
        result.set(row.applicationId, byCompetency);
        for (const { competency, dimensionId, rating } of ratingsOfDesignReview(
          row.scores,
          rubric,
        )) {
          const list = byCompetency.get(competency) ?? [];
          list.push({
            competency,
            dimensionId,
            reviewerId: row.reviewerId,
            reviewerName: row.reviewerName,
            rating,
            submittedAt: row.submittedAt?.toISOString() ?? "",
          });
          byCompetency.set(competency, list);
        }
      }
      return result;
    },
  };
}
export type TDesignReviewsService = ReturnType<typeof createDesignReviewsService>;
