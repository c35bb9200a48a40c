/**
 * One pass over a role's evidence: each application's sources per competency, the estimates, the
 * composite and the flags. Pure: the service loads the rows (a few statements for the whole
 * role) and decides what the caller may read before anything reaches this file.
 */
import type { TManifest } from "../../grader/pack.js";
import { competencyScoresOfGroups } from "../assessments/assessment-presenter.js";
import type { TCountingGrading } from "../assessments/assessments.repo.js";
import type { TDesignReviewRating } from "../assessments/design-review-evidence.js";
import { competencies, competencyIds } from "../roles/templates/competencies.js";
import type { TCompetencyId } from "../roles/templates/competencies.js";
import type {
  TComposite,
  TCompetencyEstimate,
  TEvidenceFlag,
  TShortlistRow,
  TVariances,
} from "./shortlist.schema.js";
import {
  againstBar,
  assessmentToScale,
  combineCompetencies,
  DEFAULT_VARIANCES,
  estimateVariances,
  MIN_CANDIDATES_FOR_ESTIMATE,
  shrinkEstimate,
} from "./shortlist-statistics.js";
import type { TEvidenceCell } from "./shortlist-statistics.js";
import type {
  TEvidenceTotals,
  TScorecardEvidence,
  TShortlistApplication,
  TShortlistRoleData,
} from "./shortlist.repo.js";

/** A competency with at least this share of the role's weight and no evidence is flagged. */
export const MISSING_EVIDENCE_WEIGHT_SHARE = 0.1;
/** Raters this far apart (or more) on one competency are flagged. */
export const DISAGREEMENT_POINTS = 2;

const competencyName = new Map<string, string>(competencies.map((c) => [c.id, c.name]));
export const nameOfCompetency = (id: string) => competencyName.get(id) ?? id;

export type TRaterSource = {
  raterId: string;
  rating: number;
  basis: "explicit" | "questions";
  stageIds: string[];
};
/** One reviewer's design review(s) of one competency: their dimensions on it, averaged. */
export type TReviewSource = {
  reviewerId: string;
  assessmentId: string;
  packId: string;
  rating: number;
  dimensionIds: string[];
};
export type TAssessmentSource = {
  assessmentId: string;
  packId: string;
  score: number;
  rating: number;
};

/** Sums over one competency's rater sources: all the ranking and the variance estimate need. */
export type TRaterStats = {
  n: number;
  sum: number;
  sumSquares: number;
  min: number;
  max: number;
};

export type TApplicationEvidence = {
  application: TShortlistApplication;
  /** The readable cards and each rater's source; empty on a summary (see summaryEvidence). */
  cards: TScorecardEvidence[];
  withheldScorecards: number;
  raters: Map<TCompetencyId, TRaterSource[]>;
  /** Per competency, the sums over the rater sources (from `raters`, or from the database). */
  raterStats: ReadonlyMap<TCompetencyId, TRaterStats>;
  assessments: Map<TCompetencyId, TAssessmentSource[]>;
  reviews: Map<TCompetencyId, TReviewSource[]>;
  integrity: TCountingGrading["integrity"];
  similarityMatches: number;
  /**
   * Per competency, by its index in competencyIds: n, mean and spread over every source, or null
   * without evidence. Computed once when the evidence is gathered (ranking, the variance estimate
   * and the row all read it).
   */
  sourceStats: TSourceStats[];
};

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

const knownCompetency = new Set<string>(competencyIds);

/** The competency keys of a card, each once. */
function keysOf(card: TScorecardEvidence): string[] {
  const keys = Object.keys(card.competencyRatings);
  for (const key of Object.keys(card.questionMeans))
    if (!Object.hasOwn(card.competencyRatings, key)) keys.push(key);
  return keys;
}

/**
 * A rater's rating of a competency on one card: their explicit rating, else the mean of their
 * question ratings on it. A rater who rated in two stages is one source: their cards' mean.
 */
export function raterSources(
  cards: readonly TScorecardEvidence[],
  offsets?: ReadonlyMap<string, number>,
) {
  // One pass over the cards: competency → rater → their ratings on it.
  type TRaterTotal = { sum: number; count: number; explicit: boolean; stages: string[] };
  const grouped = new Map<TCompetencyId, Map<string, TRaterTotal>>();
  for (const card of cards) {
    // Only the competencies this card speaks to: its explicit ratings and its question means.
    for (const key of keysOf(card)) {
      if (!knownCompetency.has(key)) continue;
      const competencyId = key as TCompetencyId;
      const explicit = card.competencyRatings[competencyId];
      const rating = explicit ?? card.questionMeans[competencyId];
      if (rating === undefined || !Number.isFinite(rating)) continue;
      let perRater = grouped.get(competencyId);
      if (!perRater) {
        perRater = new Map<string, TRaterTotal>();
        grouped.set(competencyId, perRater);
      }
      const entry = perRater.get(card.interviewerId);
      if (entry) {
        entry.sum += rating;
        entry.count += 1;
        entry.explicit &&= explicit !== undefined;
        if (!entry.stages.includes(card.stageId)) entry.stages.push(card.stageId);
      } else
        perRater.set(card.interviewerId, {
          sum: rating,
          count: 1,
          explicit: explicit !== undefined,
          stages: [card.stageId],
        });
    }
  }
  const byCompetency = new Map<TCompetencyId, TRaterSource[]>();
  for (const [competencyId, perRater] of grouped)
    byCompetency.set(
      competencyId,
      [...perRater].map(([raterId, e]) => ({
        raterId,
        rating: adjusted(e.sum / e.count, offsets?.get(raterId)),
        basis: e.explicit ? "explicit" : "questions",
        stageIds: e.stages,
      })),
    );
  return byCompetency;
}

/** A rating minus the rater's leniency offset, kept on the 1–4 scale. */
function adjusted(rating: number, offset: number | undefined) {
  return offset === undefined ? rating : Math.min(4, Math.max(1, rating - offset));
}

/**
 * Each reviewer is one source per competency: the dimensions of their submitted design reviews
 * that the rubric maps to it, averaged (two dimensions on one competency, or two reviewed parts,
 * are still one person's view).
 */
export function reviewSources(reviews: readonly TReviewedRating[]) {
  type TTotal = { sum: number; count: number; source: TReviewSource };
  const grouped = new Map<TCompetencyId, Map<string, TTotal>>();
  for (const r of reviews) {
    if (!(competencyIds as readonly string[]).includes(r.competency)) continue;
    const id = r.competency as TCompetencyId;
    let perReviewer = grouped.get(id);
    if (!perReviewer) {
      perReviewer = new Map();
      grouped.set(id, perReviewer);
    }
    const entry = perReviewer.get(r.reviewerId);
    if (entry) {
      entry.sum += r.rating;
      entry.count += 1;
      if (!entry.source.dimensionIds.includes(r.dimensionId))
        entry.source.dimensionIds.push(r.dimensionId);
    } else
      perReviewer.set(r.reviewerId, {
        sum: r.rating,
        count: 1,
        source: {
          reviewerId: r.reviewerId,
          assessmentId: r.assessmentId,
          packId: r.packId,
          rating: r.rating,
          dimensionIds: [r.dimensionId],
        },
      });
  }
  const byCompetency = new Map<TCompetencyId, TReviewSource[]>();
  for (const [id, perReviewer] of grouped)
    byCompetency.set(
      id,
      [...perReviewer.values()].map((t) => ({ ...t.source, rating: t.sum / t.count })),
    );
  return byCompetency;
}

/** A design review's rating of one competency through one rubric dimension, with its reviewer. */
export type TReviewedRating = TDesignReviewRating & {
  reviewerId: string;
  assessmentId: string;
  packId: string;
};

/** Each counting assessment is one source per competency its pack's manifest maps groups to. */
export function assessmentSources(
  gradings: readonly TCountingGrading[],
  manifests: ReadonlyMap<string, TManifest | null>,
) {
  const byCompetency = new Map<TCompetencyId, TAssessmentSource[]>();
  for (const grading of gradings) {
    for (const { competency, score } of competencyScoresOfGroups(
      manifests.get(grading.packId) ?? null,
      grading.groups,
    )) {
      if (score === null || !(competencyIds as readonly string[]).includes(competency)) continue;
      const id = competency as TCompetencyId;
      byCompetency.set(id, [
        ...(byCompetency.get(id) ?? []),
        {
          assessmentId: grading.assessmentId,
          packId: grading.packId,
          score,
          rating: assessmentToScale(score),
        },
      ]);
    }
  }
  return byCompetency;
}

/** Worst verdict first: one tampered assessment makes the application's verdict tampered. */
function worstIntegrity(gradings: readonly TCountingGrading[]): TCountingGrading["integrity"] {
  const verdicts = gradings.map((g) => g.integrity);
  if (verdicts.includes("tampered")) return "tampered";
  if (verdicts.includes("suspicious")) return "suspicious";
  return verdicts.includes("clean") ? "clean" : null;
}

/** The sums of each competency's rater sources. */
export function statsOfRaters(raters: ReadonlyMap<TCompetencyId, readonly TRaterSource[]>) {
  const stats = new Map<TCompetencyId, TRaterStats>();
  for (const [competencyId, sources] of raters) {
    if (!sources.length) continue;
    let sum = 0;
    let sumSquares = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const { rating } of sources) {
      sum += rating;
      sumSquares += rating * rating;
      min = Math.min(min, rating);
      max = Math.max(max, rating);
    }
    stats.set(competencyId, { n: sources.length, sum, sumSquares, min, max });
  }
  return stats;
}

export function gatherEvidence(input: {
  application: TShortlistApplication;
  cards: TScorecardEvidence[];
  withheldScorecards: number;
  gradings: readonly TCountingGrading[];
  manifests: ReadonlyMap<string, TManifest | null>;
  reviews?: readonly TReviewedRating[];
  similarityMatches?: number;
  /** The leniency view: each rater's offset, subtracted from their scorecard ratings. */
  raterOffsets?: ReadonlyMap<string, number>;
}): TApplicationEvidence {
  const raters = raterSources(input.cards, input.raterOffsets);
  return withSourceStats({
    application: input.application,
    cards: input.cards,
    withheldScorecards: input.withheldScorecards,
    raters,
    raterStats: statsOfRaters(raters),
    assessments: assessmentSources(input.gradings, input.manifests),
    reviews: reviewSources(input.reviews ?? []),
    integrity: worstIntegrity(input.gradings),
    similarityMatches: input.similarityMatches ?? 0,
  });
}

/**
 * An application's evidence for ranking and for the variance estimate only: the rater sources
 * come as sums already reduced by the database (one cell per competency), so no card is read.
 * Assessments and design reviews are few and come whole, as in gatherEvidence.
 */
export function summaryEvidence(input: {
  application: TShortlistApplication;
  /** Per competency, the sums over its readable raters (each rater once), from the database. */
  raterStats: ReadonlyMap<TCompetencyId, TRaterStats>;
  withheldScorecards: number;
  gradings: readonly TCountingGrading[];
  manifests: ReadonlyMap<string, TManifest | null>;
  reviews?: readonly TReviewedRating[];
  similarityMatches?: number;
}): TApplicationEvidence {
  let clean = true;
  for (const [competencyId, stats] of input.raterStats)
    if (!(stats.n > 0 && knownCompetency.has(competencyId))) clean = false;
  // The database's cells are already clean (known competencies, n > 0): kept as they come.
  const raterStats = clean
    ? input.raterStats
    : new Map([...input.raterStats].filter(([id, st]) => st.n > 0 && knownCompetency.has(id)));
  return withSourceStats({
    application: input.application,
    cards: [],
    withheldScorecards: input.withheldScorecards,
    raters: new Map(),
    raterStats,
    assessments: input.gradings.length
      ? assessmentSources(input.gradings, input.manifests)
      : new Map<TCompetencyId, TAssessmentSource[]>(),
    reviews: input.reviews?.length
      ? reviewSources(input.reviews)
      : new Map<TCompetencyId, TReviewSource[]>(),
    integrity: worstIntegrity(input.gradings),
    similarityMatches: input.similarityMatches ?? 0,
  });
}

type TSourceStats = { n: number; mean: number; sumSquares: number } | null;

function withSourceStats(
  evidence: Omit<TApplicationEvidence, "sourceStats">,
): TApplicationEvidence {
  return {
    ...evidence,
    sourceStats: competencyIds.map((competencyId) => computeSourceStats(evidence, competencyId)),
  };
}

function computeSourceStats(
  evidence: Omit<TApplicationEvidence, "sourceStats">,
  competencyId: TCompetencyId,
): TSourceStats {
  const raters = evidence.raterStats.get(competencyId);
  let n = raters?.n ?? 0;
  let sum = raters?.sum ?? 0;
  let squares = raters?.sumSquares ?? 0;
  for (const { rating } of evidence.assessments.get(competencyId) ?? []) {
    n += 1;
    sum += rating;
    squares += rating * rating;
  }
  for (const { rating } of evidence.reviews.get(competencyId) ?? []) {
    n += 1;
    sum += rating;
    squares += rating * rating;
  }
  if (n === 0) return null;
  const m = sum / n;
  return { n, mean: m, sumSquares: Math.max(0, squares - n * m * m) };
}

/** The role's evidence cells (one per application and competency with evidence). */
export function evidenceCells(all: readonly TApplicationEvidence[]): TEvidenceCell[] {
  const cells: TEvidenceCell[] = [];
  for (const evidence of all)
    for (const stats of evidence.sourceStats) if (stats) cells.push(stats);
  return cells;
}

/** The organisation's variance estimate from sums (see TEvidenceTotals), or null if too few. */
export function variancesFromTotals(t: TEvidenceTotals) {
  if (t.cells < MIN_CANDIDATES_FOR_ESTIMATE || t.cellsWithSpread < MIN_CANDIDATES_FOR_ESTIMATE)
    return null;
  if (t.degreesOfFreedom <= 0) return null;
  const sigma2 = t.sumSquares / t.degreesOfFreedom;
  const mu = t.sumMeans / t.cells;
  const varMeans = (t.sumSquaredMeans - t.cells * mu * mu) / (t.cells - 1);
  const meanNoise = (sigma2 * t.sumInverseN) / t.cells;
  return { mu, sigma2, tau2: Math.max(0, varMeans - meanNoise) };
}

/** Role data first, then the organisation's (loaded only when needed), then the defaults. */
export async function chooseRoleVariances(
  cells: readonly TEvidenceCell[],
  organisation: () => Promise<TEvidenceTotals>,
): Promise<TVariances> {
  const fromRole = estimateVariances(cells);
  if (fromRole) return { ...fromRole, source: "role" };
  // Until the role has its own estimate it is still the role's mean the estimates shrink toward.
  const mu = cells.length ? mean(cells.map((c) => c.mean)) : 2.5;
  const fromOrganisation = variancesFromTotals(await organisation());
  if (fromOrganisation) return { ...fromOrganisation, mu, source: "organisation" };
  return { ...DEFAULT_VARIANCES, mu, source: "default" };
}

/**
 * Only the composite, for ranking every application before the page's rows are presented in
 * full: the same estimates as scoreApplication, without building the row.
 */
export function compositeOf(
  evidence: TApplicationEvidence,
  role: Pick<TShortlistRoleData, "competencyWeights" | "bar">,
  variances: TVariances,
): TComposite | null {
  const weights = role.competencyWeights;
  let totalWeight = 0;
  const estimates: { weight: number; theta: number; sd: number }[] = [];
  for (let i = 0; i < competencyIds.length; i++) {
    const weight = weights[competencyIds[i] as TCompetencyId] ?? 0;
    totalWeight += weight;
    if (weight === 0) continue;
    const stats = evidence.sourceStats[i];
    if (!stats) continue;
    const shrunk = shrinkEstimate(stats.mean, stats.n, variances);
    estimates.push({ weight, theta: shrunk.theta, sd: shrunk.sd });
  }
  const combined = combineCompetencies(estimates, totalWeight);
  return combined
    ? {
        estimate: combined.theta,
        sd: combined.sd,
        ...againstBar(combined.theta, combined.sd, role.bar),
      }
    : null;
}

export type TScoredApplication = {
  competencies: TCompetencyEstimate[];
  composite: TComposite | null;
  coverage: number;
  flags: TEvidenceFlag[];
  /** Per competency with evidence: its renormalized share of the composite. */
  shares: Map<string, number>;
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Estimates, composite, band, P(above the bar), coverage and flags for one application. */
export function scoreApplication(
  evidence: TApplicationEvidence,
  role: Pick<TShortlistRoleData, "competencyWeights" | "bar" | "stages">,
  variances: TVariances,
): TScoredApplication {
  const weights = role.competencyWeights;
  const totalWeight = competencyIds.reduce((s, id) => s + (weights[id] ?? 0), 0);
  const flags: TEvidenceFlag[] = [];
  const estimates: TCompetencyEstimate[] = [];
  for (const [index, competencyId] of competencyIds.entries()) {
    const weight = weights[competencyId] ?? 0;
    const raters = evidence.raters.get(competencyId) ?? [];
    const assessments = evidence.assessments.get(competencyId) ?? [];
    const reviews = evidence.reviews.get(competencyId) ?? [];
    const stats = evidence.sourceStats[index] ?? null;
    if (weight === 0 && !stats) continue;
    const n = stats?.n ?? 0;
    const x = stats ? stats.mean : null;
    const shrunk = x === null ? null : shrinkEstimate(x, n, variances);
    estimates.push({
      competencyId,
      weight,
      raterRatings: raters.map((r) => ({ raterId: r.raterId, rating: r.rating })),
      assessmentRatings: assessments.map((a) => ({
        assessmentId: a.assessmentId,
        packId: a.packId,
        score: a.score,
        rating: a.rating,
      })),
      reviewRatings: reviews.map((r) => ({
        reviewerId: r.reviewerId,
        assessmentId: r.assessmentId,
        packId: r.packId,
        rating: r.rating,
      })),
      n,
      mean: x,
      estimate: shrunk?.theta ?? null,
      sd: shrunk?.sd ?? null,
    });
    const name = nameOfCompetency(competencyId);
    const share = totalWeight > 0 ? weight / totalWeight : 0;
    if (n === 0 && share >= MISSING_EVIDENCE_WEIGHT_SHARE)
      flags.push({
        kind: "missing-evidence",
        competencyId,
        stageId: null,
        message: `${name} (${percent(share)} of the weight) has no evidence.`,
      });
    if (n === 1 && weight > 0)
      flags.push({
        kind: "single-source",
        competencyId,
        stageId: null,
        message: `${name} rests on one source only.`,
      });
    const spread = evidence.raterStats.get(competencyId);
    if (spread && spread.n >= 2 && spread.max - spread.min >= DISAGREEMENT_POINTS)
      flags.push({
        kind: "rater-disagreement",
        competencyId,
        stageId: null,
        message: `Raters are ${round1(spread.max - spread.min)} points apart on ${name}.`,
      });
  }
  if (evidence.integrity === "suspicious" || evidence.integrity === "tampered")
    flags.push({
      kind: "integrity",
      competencyId: null,
      stageId: null,
      message: `The practical assessment's integrity check found the submission ${evidence.integrity}.`,
    });
  if (evidence.similarityMatches > 0)
    flags.push({
      kind: "similarity",
      competencyId: null,
      stageId: null,
      message: `The submission closely matches ${evidence.similarityMatches === 1 ? "another candidate's" : `${evidence.similarityMatches} other candidates'`}.`,
    });
  const current = role.stages.find((s) => s.id === evidence.application.stageId);
  const visited = new Set(evidence.application.visitedStageIds);
  for (const stage of role.stages)
    if (current && stage.position < current.position && !visited.has(stage.id))
      flags.push({
        kind: "stage-skipped",
        competencyId: null,
        stageId: stage.id,
        message: `The ${stage.name} stage was skipped.`,
      });

  const withEvidence = estimates.filter(
    (e): e is TCompetencyEstimate & { estimate: number; sd: number } =>
      e.estimate !== null && e.sd !== null,
  );
  const combined = combineCompetencies(
    withEvidence.map((e) => ({ weight: e.weight, theta: e.estimate, sd: e.sd })),
    totalWeight,
  );
  const countedWeight = withEvidence.reduce((s, e) => s + e.weight, 0);
  const shares = new Map(
    withEvidence.map((e) => [e.competencyId, countedWeight > 0 ? e.weight / countedWeight : 0]),
  );
  const composite = combined
    ? {
        estimate: combined.theta,
        sd: combined.sd,
        ...againstBar(combined.theta, combined.sd, role.bar),
      }
    : null;
  return {
    competencies: estimates,
    composite,
    coverage: combined?.coverage ?? 0,
    flags,
    shares,
  };
}

function round1(n: number) {
  return Math.round(n * 10) / 10;
}

/** Per stage in plan order, the recommendation of each rater whose submitted card is readable. */
export function stageRecommendations(
  cards: readonly TScorecardEvidence[],
  stages: readonly { id: string }[],
): TShortlistRow["stages"] {
  return stages.flatMap((stage) => {
    const here = cards.filter((c) => c.stageId === stage.id);
    return here.length
      ? [
          {
            stageId: stage.id,
            recommendations: here.map((c) => ({
              raterId: c.interviewerId,
              recommendation: c.recommendation,
            })),
          },
        ]
      : [];
  });
}

/** Best first; rows without a composite last, then by name so the order is stable. */
type TRankable = Pick<TShortlistRow, "composite" | "applicationId"> & {
  candidate: { name: string };
};
export function sortRows<T extends TRankable>(rows: T[], sort: "composite" | "lower" | "pAbove") {
  const key = (row: T) =>
    row.composite === null
      ? -Infinity
      : sort === "lower"
        ? row.composite.low80
        : sort === "pAbove"
          ? row.composite.pAbove
          : row.composite.estimate;
  return rows.sort(
    (a, b) =>
      key(b) - key(a) ||
      (b.composite?.estimate ?? 0) - (a.composite?.estimate ?? 0) ||
      a.candidate.name.localeCompare(b.candidate.name) ||
      a.applicationId.localeCompare(b.applicationId),
  );
}
