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
import type { TAssessmentsRepo } from "../assessments/assessments.repo.js";
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
} from "./shortlist-evidence.js";
import type { TApplicationEvidence } from "./shortlist-evidence.js";
import type {
  TScorecardCore,
  TScorecardEvidence,
  TShortlistRepo,
  TShortlistRoleData,
} from "./shortlist.repo.js";
import type {
  TApplicationEvidenceResponse,
  TEvidenceSummary,
  TShortlistQuery,
  TShortlistResponse,
  TShortlistRow,
  TVariances,
} from "./shortlist.schema.js";
import { competencyIds } from "../roles/templates/competencies.js";

/**
 * Filled in when similarity checking lands (`similarityMatchesForApplications` in the similarity
 * module): how many other candidates' submissions each application's matches. Until then the
 * shortlist passes no hook and the similarity flag never shows.
 */
export type TSimilarityHook = {
  similarityMatchesForApplications: (
    applicationIds: string[],
    executor?: TExecutor,
  ) => Promise<Map<string, number>>;
};

type TPackSource = { loadPack: (id: string) => Promise<{ manifest: TManifest }> };

const NOTE_INDEPENDENCE =
  "The composite's sd treats the competencies' estimates as independent of each other; evidence that moves together makes the real band wider.";
const NOTE_SOURCES =
  "Every rater counts once per competency (their explicit rating, else the mean of their question ratings; a rater seen in two stages is averaged), and every graded practical assessment counts once (1 + 3·score/100).";

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
    | "listRoleScorecardEvidence"
    | "questionMeans"
    | "listTakeaways"
    | "organisationEvidenceTotals"
  >;
  assessmentsRepo: Pick<TAssessmentsRepo, "listCountingGradings">;
  applicationsRepo: Pick<TApplicationsRepo, "findById">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  packs: TPackSource;
  similarity?: TSimilarityHook;
}) {
  // A submitted scorecard never changes (a correction is a new row), so its question means are
  // read from its answers once per process; reading 20,000 cards' answers is what costs.
  const questionMeansCache = new Map<string, Record<string, number>>();
  const QUESTION_MEANS_CAPACITY = 250_000;
  async function withQuestionMeans(
    cards: readonly TScorecardCore[],
    executor?: TExecutor,
  ): Promise<TScorecardEvidence[]> {
    const missing = cards.filter((c) => !questionMeansCache.has(c.scorecardId));
    if (missing.length) {
      const loaded = await deps.shortlistRepo.questionMeans(
        missing.map((c) => c.scorecardId),
        executor,
      );
      for (const card of missing) {
        if (questionMeansCache.size >= QUESTION_MEANS_CAPACITY) {
          const oldest = questionMeansCache.keys().next().value;
          if (oldest !== undefined) questionMeansCache.delete(oldest);
        }
        questionMeansCache.set(card.scorecardId, loaded.get(card.scorecardId) ?? {});
      }
    }
    return cards.map((c) => ({ ...c, questionMeans: questionMeansCache.get(c.scorecardId) ?? {} }));
  }

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
    if (canLeadRole(scope, roleId)) return { visible: cards, withheld: 0 };
    const rows = cardsAsRows(cards);
    const visible = cards.filter((card) =>
      canReadScorecard(scope, roleId, { ...card, status: "submitted" }, rows),
    );
    return { visible, withheld: cards.length - visible.length };
  }

  /**
   * The whole role's evidence in three statements (role with applications, scorecards, counting
   * gradings), then one pass in TypeScript. Outside a transaction the three run concurrently.
   */
  async function evaluateRole(roleId: string, scope: TViewerScope, executor?: TExecutor) {
    const load = () =>
      [
        deps.shortlistRepo.loadRole(roleId, executor),
        deps.shortlistRepo.listRoleScorecardEvidence(roleId, executor),
        deps.assessmentsRepo.listCountingGradings({ roleId }, executor),
      ] as const;
    let role: TShortlistRoleData | null;
    let cores: TScorecardCore[];
    let gradings: Awaited<ReturnType<TAssessmentsRepo["listCountingGradings"]>>;
    if (executor) {
      // Sequential on purpose: inside a transaction all three share one connection.
      role = await deps.shortlistRepo.loadRole(roleId, executor);
      cores = await deps.shortlistRepo.listRoleScorecardEvidence(roleId, executor);
      gradings = await deps.assessmentsRepo.listCountingGradings({ roleId }, executor);
    } else {
      [role, cores, gradings] = await Promise.all(load());
    }
    if (!role) throw notFound("That role");
    const cards = await withQuestionMeans(cores, executor);
    const manifests = await manifestsOf(gradings.map((g) => g.packId));
    const similar = deps.similarity
      ? await deps.similarity.similarityMatchesForApplications(
          role.applications.map((a) => a.id),
          executor,
        )
      : new Map<string, number>();

    const cardsByApplication = groupBy(cards, (c) => c.applicationId);
    const gradingsByApplication = groupBy(gradings, (g) => g.applicationId);
    const people = new Map<string, string>();
    const evidence = role.applications.map((application) => {
      const { visible, withheld } = readable(
        scope,
        roleId,
        cardsByApplication.get(application.id) ?? [],
      );
      for (const card of visible) people.set(card.interviewerId, card.interviewerName);
      return gatherEvidence({
        application,
        cards: visible,
        withheldScorecards: withheld,
        gradings: gradingsByApplication.get(application.id) ?? [],
        manifests,
        similarityMatches: similar.get(application.id) ?? 0,
      });
    });
    const variances = await chooseRoleVariances(evidenceCells(evidence), () =>
      deps.shortlistRepo.organisationEvidenceTotals(executor),
    );
    return { role, evidence, variances, people, manifests };
  }

  function notesFor(variances: TVariances, withheld: number) {
    const notes = [NOTE_SOURCES, NOTE_INDEPENDENCE, varianceNote(variances)];
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
    const { role, evidence, variances, people, manifests } = await evaluateRole(
      roleId,
      scope,
      executor,
    );
    const own = evidence.find((e) => e.application.id === applicationId);
    if (!own) throw notFound("That application");
    const scored = scoreApplication(own, role, variances);
    const takeaways = await deps.shortlistRepo.listTakeaways(applicationId, executor);
    const readableKeys = new Set(own.cards.map((c) => `${c.stageId}/${c.interviewerId}`));
    const takeawaysOf = (raterId: string, stageIds: string[]) =>
      takeaways
        .filter(
          (t) =>
            t.interviewerId === raterId &&
            stageIds.includes(t.stageId) &&
            readableKeys.has(`${t.stageId}/${t.interviewerId}`),
        )
        .map((t) => t.keyTakeaways);
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
      people: [...new Set(own.cards.map((c) => c.interviewerId))].map((id) => ({
        id,
        name: people.get(id) ?? "",
      })),
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
              keyTakeaways: takeawaysOf(r.raterId, r.stageIds),
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
              keyTakeaways: [],
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
      summary,
      withheldScorecards: own.withheldScorecards,
      notes: notesFor(variances, own.withheldScorecards),
    };
  }

  return {
    async getShortlist(input: {
      roleId: string;
      query: TShortlistQuery;
      viewer: TViewer;
    }): Promise<TShortlistResponse> {
      const scope = await loadScopeFor(input.viewer);
      if (!canSeeRole(scope, input.roleId)) throw notFound("That role");
      assertReadsShortlist(scope, input.roleId);
      const { role, evidence, variances, people } = await evaluateRole(input.roleId, scope);
      const { stage, status, sort } = input.query;
      if (stage !== undefined && !role.stages.some((s) => s.id === stage))
        throw new AppError("VALIDATION_FAILED", "That stage is not part of this role's plan.", {
          fields: [{ field: "stage", message: "is not a stage of this role" }],
        });
      // Rank every matching application by its composite, then present only the page in full.
      const ranked = sortRows(
        evidence
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
      const rows = ranked
        .slice(input.query.offset, input.query.offset + input.query.limit)
        .map((r) => presentRow(r.evidence, role, variances));
      const withheld = ranked.reduce((s, r) => s + r.evidence.withheldScorecards, 0);
      const raters = new Set(
        rows.flatMap((r) => r.stages.flatMap((st) => st.recommendations.map((x) => x.raterId))),
      );
      return {
        role: presentRole(role),
        variances,
        people: [...people].filter(([id]) => raters.has(id)).map(([id, name]) => ({ id, name })),
        rows,
        total: ranked.length,
        sort,
        notes: notesFor(variances, withheld),
      };
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
}
export type TShortlistService = ReturnType<typeof createShortlistService>;

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
