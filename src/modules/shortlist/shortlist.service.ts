import type { TExecutor } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TManifest } from "../../grader/pack.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import {
  canLeadRole,
  canManagePipeline,
  canSeeApplication,
  canSeeRole,
} from "../access/viewer-scope.js";
import type { TViewer, TViewerScope } from "../access/viewer-scope.js";
import type { TAssessmentsRepo, TCountingGrading } from "../assessments/assessments.repo.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import { canReadScorecard } from "../scorecards/scorecard-visibility.js";
import {
  chooseRoleVariances,
  compositeOf,
  evidenceCells,
  gatherEvidence,
  nameOfCompetency,
  scoreApplication,
  sortRows,
  stageRecommendations,
  summaryEvidence,
} from "./shortlist-evidence.js";
import type { TApplicationEvidence, TReviewedRating } from "./shortlist-evidence.js";
import type {
  TScorecardEvidence,
  TShortlistDesignReview,
  TShortlistRepo,
  TShortlistRoleData,
} from "./shortlist.repo.js";
import type {
  TApplicationEvidenceResponse,
  TEvidenceSummary,
  TShortlistQuery,
  TShortlistResponse,
  TShortlistRow,
  TShortlistView,
  TVariances,
} from "./shortlist.schema.js";

type TLeniencyOffset = { raterId: string; offset: number; comparisons: number };
import { competencyIds } from "../roles/templates/competencies.js";
import type { TAnalyticsRepo } from "../analytics/analytics.repo.js";
import type { TDataVersion } from "../../db/data-version.js";
import { createVersionedCache } from "../../shared/versioned-cache.js";
import { leniencyFromSums } from "../analytics/statistics/leniency.js";
import { ratingsOfDesignReview, rubricOfManifest } from "../assessments/design-review-evidence.js";

/**
 * The similarity module's answer (`similarityMatchesForRole`): the highest match percentage of
 * each of the role's applications that has one. Without the hook the similarity flag never shows.
 */
export type TSimilarityHook = {
  similarityMatchesForRole: (roleId: string, executor?: TExecutor) => Promise<Map<string, number>>;
};

type TPackSource = { loadPack: (id: string) => Promise<{ manifest: TManifest }> };

const NOTE_INDEPENDENCE =
  "The composite's sd treats the competencies' estimates as independent of each other; evidence that moves together makes the real band wider.";
const NOTE_SOURCES =
  "Every rater counts once per competency (their explicit rating, else the mean of their question ratings; a rater seen in two stages is averaged), every graded practical assessment counts once (1 + 3·score/100), and every design reviewer counts once (the mean of their rubric dimensions on that competency).";
const NOTE_LENIENCY =
  "Leniency view: each rater's scorecard ratings have their shrunk leniency estimate (from the organisation's calibration) taken off, kept within 1–4. Design reviews and assessments are as given. This is a view; the ratings themselves are unchanged.";

function varianceNote(v: TVariances) {
  const figures = `μ = ${v.mu.toFixed(2)}, τ² = ${v.tau2.toFixed(3)}, σ² = ${v.sigma2.toFixed(3)}`;
  if (v.source === "role") return `Variances estimated from this role's evidence (${figures}).`;
  if (v.source === "organisation")
    return `This role has too little evidence of its own yet, so τ² and σ² come from the organisation's ratings (${figures}).`;
  return `This role and the organisation have too little evidence yet, so τ² and σ² are the documented defaults (${figures}).`;
}

export function createShortlistService(deps: {
  shortlistRepo: Pick<
    TShortlistRepo,
    | "loadRole"
    | "listRoleCells"
    | "listApplicationCards"
    | "listTakeaways"
    | "organisationEvidenceTotals"
  >;
  assessmentsRepo: Pick<TAssessmentsRepo, "listCountingGradings">;
  applicationsRepo: Pick<TApplicationsRepo, "findById">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  packs: TPackSource;
  similarity?: TSimilarityHook;
  /** The organisation's calibration, for the leniency view (one aggregate statement). */
  calibration: Pick<TAnalyticsRepo, "interviewerCalibration">;
  /**
   * The organisation's data version. With it, a role's evaluation and its shortlist pages are
   * kept per reader until anything changes (see src/shared/versioned-cache.ts); without it (unit
   * tests), every call computes.
   */
  dataVersion?: Pick<TDataVersion, "read">;
}) {
  // A 2,000-application role's evaluation is a few MB: a handful of roles and readers at a time.
  const evaluations = createVersionedCache<TRoleEvaluation>({ max: 12 });
  const pages = createVersionedCache<TShortlistResponse>({ max: 48 });
  const readVersion = (viewer?: TViewer) => deps.dataVersion?.read(viewer) ?? Promise.resolve(null);

  async function manifestsOf(packIds: readonly string[]) {
    const manifests = new Map<string, TManifest | null>();
    for (const id of new Set(packIds))
      manifests.set(
        id,
        await deps.packs.loadPack(id).then(
          (p) => p.manifest,
          () => null,
        ),
      );
    return manifests;
  }

  /** Cards the viewer may read (the scorecard rule applied per application), and how many not. */
  function readable(scope: TViewerScope, roleId: string, cards: TScorecardEvidence[]) {
    // The same rule as the rater cells' SQL (roleCellsQuery in shortlist.repo.ts).
    if (canLeadRole(scope, roleId)) return { visible: cards, withheld: 0 };
    const rows = cardsAsRows(cards);
    const visible = cards.filter((card) =>
      canReadScorecard(scope, roleId, { ...card, status: "submitted" }, rows),
    );
    return { visible, withheld: cards.length - visible.length };
  }

  /** Design reviews the viewer may read: the scorecards' rule, with the reviewed part as the stage. */
  function readableReviews(
    scope: TViewerScope,
    roleId: string,
    reviews: readonly TShortlistDesignReview[],
  ) {
    if (canLeadRole(scope, roleId)) return { visible: reviews, withheld: 0 };
    const rows = reviews.map((r) => ({
      interviewerId: r.reviewerId,
      stageId: r.partId,
      status: "submitted" as const,
    }));
    const visible = reviews.filter((r) =>
      canReadScorecard(
        scope,
        roleId,
        { interviewerId: r.reviewerId, stageId: r.partId, status: "submitted" },
        rows,
      ),
    );
    return { visible, withheld: reviews.length - visible.length };
  }

  /**
   * Each interviewer's shrunk leniency d·n/(n + λ) across the whole organisation, from the
   * calibration's one aggregate statement; raters without comparisons are left unadjusted.
   */
  async function leniencyOffsets(): Promise<Map<string, TLeniencyOffset>> {
    const rows = await deps.calibration.interviewerCalibration({
      roleIds: "all",
      from: new Date(0),
      to: new Date("9999-12-31T00:00:00Z"),
    });
    const offsets = new Map<string, TLeniencyOffset>();
    for (const row of rows) {
      const lenient = leniencyFromSums(row.sums);
      if (lenient.n > 0)
        offsets.set(row.interviewerId, {
          raterId: row.interviewerId,
          offset: Math.max(-3, Math.min(3, lenient.shrunk)),
          comparisons: lenient.n,
        });
    }
    return offsets;
  }

  /**
   * The whole role's evidence, reduced: the role with its applications, the rater cells (with
   * the withheld counts and design reviews), the counting gradings and the similarity matches in
   * four statements that run concurrently outside a transaction, then one pass in TypeScript. No card is read here:
   * the cards of the rows that are shown come from `detail`. The leniency view reads the
   * calibration first, because the cells take its offsets.
   */
  async function evaluateRole(
    roleId: string,
    scope: TViewerScope,
    executor?: TExecutor,
    view: TShortlistView = "none",
    knownVersion?: number | null,
  ) {
    // Inside a transaction the caller may see its own uncommitted writes: never cache those.
    const version = executor ? null : (knownVersion ?? (await readVersion()));
    const evaluation = await evaluations.get(`${roleId}|${scope.userId}|${view}`, version, () =>
      computeEvaluation(roleId, scope, executor, view),
    );
    return withDetail(evaluation, roleId, scope, executor, view);
  }

  async function computeEvaluation(
    roleId: string,
    scope: TViewerScope,
    executor: TExecutor | undefined,
    view: TShortlistView,
  ): Promise<TRoleEvaluation> {
    const offsets =
      view === "leniency" ? await leniencyOffsets() : new Map<string, TLeniencyOffset>();
    const raterOffsets = new Map([...offsets].map(([id, o]) => [id, o.offset]));
    const cellsInput = {
      roleId,
      reader: { userId: scope.userId, leadsRole: canLeadRole(scope, roleId) },
      offsets: view === "leniency" ? raterOffsets : undefined,
    };
    const similarityOf = () =>
      deps.similarity
        ? deps.similarity.similarityMatchesForRole(roleId, executor)
        : Promise.resolve(new Map<string, number>());
    let role: TShortlistRoleData | null;
    let roleCells: Awaited<ReturnType<TShortlistRepo["listRoleCells"]>>;
    let gradings: Awaited<ReturnType<TAssessmentsRepo["listCountingGradings"]>>;
    let similar: Map<string, number>;
    if (executor) {
      // Sequential on purpose: inside a transaction all of them share one connection.
      role = await deps.shortlistRepo.loadRole(roleId, executor);
      roleCells = await deps.shortlistRepo.listRoleCells(cellsInput, executor);
      gradings = await deps.assessmentsRepo.listCountingGradings({ roleId }, executor);
      similar = await similarityOf();
    } else {
      [role, roleCells, gradings, similar] = await Promise.all([
        deps.shortlistRepo.loadRole(roleId),
        deps.shortlistRepo.listRoleCells(cellsInput),
        deps.assessmentsRepo.listCountingGradings({ roleId }),
        similarityOf(),
      ]);
    }
    if (!role) throw notFound("That role");
    const manifests = await manifestsOf([
      ...gradings.map((g) => g.packId),
      ...roleCells.designReviews.map((r) => r.packId),
    ]);

    const gradingsByApplication = groupBy(gradings, (g) => g.applicationId);
    const reviewsByApplication = groupBy(roleCells.designReviews, (r) => r.applicationId);
    const rubrics = new Map([...manifests].map(([id, m]) => [id, rubricOfManifest(m)]));
    const people = new Map<string, string>();
    let withheldReviews = 0;
    const reviewedRatings = new Map<string, TReviewedRating[]>();
    for (const [applicationId, all] of reviewsByApplication) {
      const reviews = readableReviews(scope, roleId, all);
      withheldReviews += reviews.withheld;
      for (const review of reviews.visible) people.set(review.reviewerId, review.reviewerName);
      reviewedRatings.set(
        applicationId,
        reviews.visible.flatMap((review) =>
          ratingsOfDesignReview(review.scores, rubrics.get(review.packId) ?? new Map()).map(
            (r) => ({
              ...r,
              reviewerId: review.reviewerId,
              assessmentId: review.assessmentId,
              packId: review.packId,
            }),
          ),
        ),
      );
    }
    const summaries = role.applications.map((application) =>
      summaryEvidence({
        application,
        raterStats: roleCells.cells.get(application.id) ?? new Map(),
        withheldScorecards: roleCells.withheld.get(application.id) ?? 0,
        gradings: gradingsByApplication.get(application.id) ?? [],
        manifests,
        reviews: reviewedRatings.get(application.id) ?? [],
        similarityMatches: similar.get(application.id) ?? 0,
      }),
    );
    const variances = await chooseRoleVariances(evidenceCells(summaries), () =>
      deps.shortlistRepo.organisationEvidenceTotals(executor),
    );
    return {
      role,
      summaries,
      variances,
      people,
      manifests,
      offsets,
      raterOffsets,
      withheldReviews,
      gradingsByApplication,
      reviewedRatings,
    };
  }

  /** An evaluation (maybe shared with other requests) with this request's own `detail` reader. */
  function withDetail(
    evaluation: TRoleEvaluation,
    roleId: string,
    scope: TViewerScope,
    executor: TExecutor | undefined,
    view: TShortlistView,
  ) {
    const { summaries, gradingsByApplication, reviewedRatings, manifests, raterOffsets } =
      evaluation;
    // Copied: detail adds the names of the cards it reads, and the evaluation may be shared.
    const people = new Map(evaluation.people);

    /**
     * The full evidence of the rows that are shown (a page, or one breakdown): their readable
     * cards in one statement, each rater's source with its basis and stages.
     */
    async function detail(applicationIds: readonly string[]) {
      const cards = groupBy(
        await deps.shortlistRepo.listApplicationCards(applicationIds, executor),
        (c) => c.applicationId,
      );
      const byId = new Map(summaries.map((e) => [e.application.id, e]));
      const full = new Map<string, TApplicationEvidence>();
      for (const id of applicationIds) {
        const summary = byId.get(id);
        if (!summary) continue;
        const { visible, withheld } = readable(scope, roleId, cards.get(id) ?? []);
        for (const card of visible) people.set(card.interviewerId, card.interviewerName);
        full.set(
          id,
          gatherEvidence({
            application: summary.application,
            cards: visible,
            withheldScorecards: withheld,
            gradings: gradingsByApplication.get(id) ?? [],
            manifests,
            reviews: reviewedRatings.get(id) ?? [],
            similarityMatches: summary.similarityMatches,
            raterOffsets: view === "leniency" ? raterOffsets : undefined,
          }),
        );
      }
      return full;
    }
    return { ...evaluation, detail, people };
  }

  function notesFor(
    variances: TVariances,
    withheld: number,
    extra: { view?: TShortlistView; withheldReviews?: number } = {},
  ) {
    const notes = [NOTE_SOURCES, NOTE_INDEPENDENCE, varianceNote(variances)];
    if (extra.view === "leniency") notes.push(NOTE_LENIENCY);
    if (extra.withheldReviews)
      notes.push(
        `${extra.withheldReviews} submitted design review${extra.withheldReviews === 1 ? " is" : "s are"} not yours to read and left out of these numbers.`,
      );
    if (withheld > 0)
      notes.push(
        `${withheld} submitted scorecard${withheld === 1 ? " is" : "s are"} not yours to read and ${withheld === 1 ? "is" : "are"} left out of these numbers.`,
      );
    return notes;
  }

  function presentRole(role: TShortlistRoleData) {
    return {
      id: role.id,
      title: role.title,
      bar: role.bar,
      competencies: competencyIds.map((id) => ({
        id,
        name: nameOfCompetency(id),
        weight: role.competencyWeights[id] ?? 0,
      })),
      stages: role.stages,
    };
  }

  function presentRow(
    evidence: TApplicationEvidence,
    role: TShortlistRoleData,
    variances: TVariances,
  ): TShortlistRow {
    const scored = scoreApplication(evidence, role, variances);
    const a = evidence.application;
    return {
      applicationId: a.id,
      candidate: { id: a.candidateId, name: a.candidateName },
      status: a.status,
      stageId: a.stageId,
      screen:
        a.screenOutcome && a.screenedAt
          ? { outcome: a.screenOutcome, screenedAt: a.screenedAt }
          : null,
      stages: stageRecommendations(evidence.cards, role.stages),
      competencies: scored.competencies,
      composite: scored.composite,
      coverage: scored.coverage,
      integrity: evidence.integrity,
      flags: scored.flags,
      withheldScorecards: evidence.withheldScorecards,
    };
  }

  async function loadScopeFor(viewer: TViewer) {
    return deps.viewerScopeRepo.loadScope(viewer);
  }

  function assertReadsShortlist(scope: TViewerScope, roleId: string) {
    if (!canManagePipeline(scope, roleId))
      throw new AppError(
        "FORBIDDEN",
        "Only the role's hiring managers and recruiters (or an admin) can see its shortlist.",
      );
  }

  /** The application's evidence breakdown; the caller has checked the viewer may see it. */
  async function breakdown(
    applicationId: string,
    roleId: string,
    scope: TViewerScope,
    executor?: TExecutor,
  ): Promise<TApplicationEvidenceResponse> {
    const { role, detail, variances, people, manifests, withheldReviews } = await evaluateRole(
      roleId,
      scope,
      executor,
    );
    const own = (await detail([applicationId])).get(applicationId);
    if (!own) throw notFound("That application");
    const scored = scoreApplication(own, role, variances);
    const readableKeys = new Set(own.cards.map((c) => `${c.stageId}/${c.interviewerId}`));
    const stageOrder = new Map(role.stages.map((st) => [st.id, st.position]));
    // Once per rater and stage: a card's takeaways are about the candidate, not one competency.
    const takeaways = (await deps.shortlistRepo.listTakeaways(applicationId, executor))
      .filter((t) => readableKeys.has(`${t.stageId}/${t.interviewerId}`) && t.keyTakeaways.trim())
      .sort(
        (x, y) =>
          (stageOrder.get(x.stageId) ?? 0) - (stageOrder.get(y.stageId) ?? 0) ||
          (people.get(x.interviewerId) ?? "").localeCompare(people.get(y.interviewerId) ?? ""),
      )
      .map((t) => ({ raterId: t.interviewerId, stageId: t.stageId, text: t.keyTakeaways }));
    const reviewerIds = [...own.reviews.values()].flatMap((list) => list.map((r) => r.reviewerId));
    const a = own.application;
    const summary: TEvidenceSummary = {
      composite: scored.composite,
      coverage: scored.coverage,
      bar: role.bar,
      flags: scored.flags,
      variances,
      integrity: own.integrity,
    };
    return {
      application: {
        id: a.id,
        status: a.status,
        stageId: a.stageId,
        candidate: { id: a.candidateId, name: a.candidateName },
      },
      role: presentRole(role),
      screen:
        a.screenOutcome && a.screenedAt
          ? { outcome: a.screenOutcome, screenedAt: a.screenedAt }
          : null,
      stages: stageRecommendations(own.cards, role.stages),
      people: [...new Set([...own.cards.map((c) => c.interviewerId), ...reviewerIds])].map(
        (id) => ({
          id,
          name: people.get(id) ?? "",
        }),
      ),
      competencies: scored.competencies.map((c) => {
        const share = scored.shares.get(c.competencyId) ?? 0;
        return {
          competencyId: c.competencyId,
          name: nameOfCompetency(c.competencyId),
          weight: c.weight,
          sources: [
            ...(own.raters.get(c.competencyId) ?? []).map((r) => ({
              kind: "rater" as const,
              rater: { id: r.raterId, name: people.get(r.raterId) ?? "" },
              stageIds: r.stageIds,
              assessment: null,
              rating: r.rating,
              basis: r.basis,
              score: null,
            })),
            ...(own.assessments.get(c.competencyId) ?? []).map((s) => ({
              kind: "assessment" as const,
              rater: null,
              stageIds: [],
              assessment: {
                id: s.assessmentId,
                packId: s.packId,
                packTitle: manifests.get(s.packId)?.title ?? s.packId,
              },
              rating: s.rating,
              basis: "assessment" as const,
              score: s.score,
            })),
            ...(own.reviews.get(c.competencyId) ?? []).map((r) => ({
              kind: "design-review" as const,
              rater: { id: r.reviewerId, name: people.get(r.reviewerId) ?? "" },
              stageIds: [],
              assessment: {
                id: r.assessmentId,
                packId: r.packId,
                packTitle: manifests.get(r.packId)?.title ?? r.packId,
              },
              rating: r.rating,
              basis: "design-review" as const,
              score: null,
            })),
          ],
          n: c.n,
          mean: c.mean,
          estimate: c.estimate,
          sd: c.sd,
          share,
          contribution: c.estimate === null ? 0 : share * c.estimate,
        };
      }),
      takeaways,
      summary,
      withheldScorecards: own.withheldScorecards,
      notes: notesFor(variances, own.withheldScorecards, { withheldReviews }),
    };
  }

  return {
    async getShortlist(input: {
      roleId: string;
      query: TShortlistQuery;
      viewer: TViewer;
    }): Promise<TShortlistResponse> {
      const [scope, version] = await Promise.all([
        loadScopeFor(input.viewer),
        readVersion(input.viewer),
      ]);
      if (!canSeeRole(scope, input.roleId)) throw notFound("That role");
      assertReadsShortlist(scope, input.roleId);
      if (input.query.adjust === "leniency" && !canLeadRole(scope, input.roleId))
        throw new AppError(
          "FORBIDDEN",
          "The view adjusted for leniency uses interviewers' calibration, which only the role's hiring managers and admins see.",
        );
      const q = input.query;
      return pages.get(
        [input.roleId, scope.userId, q.status, q.stage, q.sort, q.adjust, q.offset, q.limit].join(
          "|",
        ),
        version,
        () => shortlistPage(input.roleId, q, scope, version),
      );
    },

    async getApplicationEvidence(input: { applicationId: string; viewer: TViewer }) {
      const scope = await loadScopeFor(input.viewer);
      const application = await deps.applicationsRepo.findById(input.applicationId);
      if (!application || !canSeeApplication(scope, application))
        throw notFound("That application");
      assertReadsShortlist(scope, application.roleId);
      return breakdown(application.id, application.roleId, scope);
    },

    /**
     * What the decision panel shows (composite, band, coverage, flags), for a caller that has
     * already loaded the viewer's scope and checked they may decide on the application.
     */
    async summariseApplicationEvidence(input: {
      applicationId: string;
      roleId: string;
      scope: TViewerScope;
      executor?: TExecutor;
    }): Promise<TEvidenceSummary> {
      const result = await breakdown(
        input.applicationId,
        input.roleId,
        input.scope,
        input.executor,
      );
      return result.summary;
    },

    /** The full breakdown for exports, same access as getApplicationEvidence. */
    breakdown,
  };

  /** One page of the shortlist, for a reader already authorized to see it. */
  async function shortlistPage(
    roleId: string,
    query: TShortlistQuery,
    scope: TViewerScope,
    version: number | null,
  ): Promise<TShortlistResponse> {
    const { stage, status, sort, adjust } = query;
    const { role, summaries, detail, variances, people, offsets, withheldReviews } =
      await evaluateRole(roleId, scope, undefined, adjust, version);
    if (stage !== undefined && !role.stages.some((s) => s.id === stage))
      throw new AppError("VALIDATION_FAILED", "That stage is not part of this role's plan.", {
        fields: [{ field: "stage", message: "is not a stage of this role" }],
      });
    // Rank every matching application by its composite, then present only the page in full.
    const ranked = sortRows(
      summaries
        .filter(
          (e) =>
            e.application.status === status &&
            (stage === undefined || e.application.stageId === stage),
        )
        .map((e) => ({
          evidence: e,
          composite: compositeOf(e, role, variances),
          applicationId: e.application.id,
          candidate: { name: e.application.candidateName },
        })),
      sort,
    );
    const page = ranked.slice(query.offset, query.offset + query.limit);
    const full = await detail(page.map((r) => r.applicationId));
    const rows = page.map((r) =>
      presentRow(full.get(r.applicationId) ?? r.evidence, role, variances),
    );
    const withheld = ranked.reduce((s, r) => s + r.evidence.withheldScorecards, 0);
    const raters = new Set(
      rows.flatMap((r) => r.stages.flatMap((st) => st.recommendations.map((x) => x.raterId))),
    );
    const named = new Set([
      ...raters,
      ...rows.flatMap((r) =>
        r.competencies.flatMap((c) => c.reviewRatings.map((x) => x.reviewerId)),
      ),
    ]);
    return {
      role: presentRole(role),
      variances,
      people: [...people].filter(([id]) => named.has(id)).map(([id, name]) => ({ id, name })),
      rows,
      total: ranked.length,
      sort,
      view: adjust,
      leniency:
        adjust === "leniency"
          ? [...raters].flatMap((id) => {
              const o = offsets.get(id);
              return o ? [o] : [];
            })
          : [],
      notes: notesFor(variances, withheld, { view: adjust, withheldReviews }),
    };
  }
}
export type TShortlistService = ReturnType<typeof createShortlistService>;
/** A role's evidence reduced for one reader and view: what the cache keeps (read-only). */
type TRoleEvaluation = {
  role: TShortlistRoleData;
  summaries: TApplicationEvidence[];
  variances: TVariances;
  people: ReadonlyMap<string, string>;
  manifests: Map<string, TManifest | null>;
  offsets: Map<string, TLeniencyOffset>;
  raterOffsets: Map<string, number>;
  withheldReviews: number;
  gradingsByApplication: Map<string, TCountingGrading[]>;
  reviewedRatings: Map<string, TReviewedRating[]>;
};

function cardsAsRows(cards: readonly TScorecardEvidence[]) {
  return cards.map((c) => ({ ...c, status: "submitted" as const }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string) {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
