import { AppError, notFound } from "../../errors.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import { canLeadRole, canSeeRole } from "../access/viewer-scope.js";
import type { TViewer } from "../access/viewer-scope.js";
import { competencies } from "../roles/templates/competencies.js";
import type { TAnalyticsFilter, TAnalyticsRepo } from "./analytics.repo.js";
import { MAX_RANGE_DAYS } from "./analytics.schema.js";
import type {
  TAnalyticsQuery,
  TCalibrationResponse,
  TProcessAnalyticsResponse,
  TQuestionQualityResponse,
  TReliabilityResponse,
  TReliabilityRow,
} from "./analytics.schema.js";
import {
  difficultyOf,
  isWeakQuestion,
  MIN_ASKED_FOR_FLAG,
  WEAK_DISCRIMINATION,
} from "./statistics/item-analysis.js";
import {
  alphaOf,
  BOOTSTRAP_RESAMPLES,
  bootstrapAlpha,
  coincidences,
  reliabilityBand,
} from "./statistics/krippendorff-alpha.js";
import type { TUnitCounts } from "./statistics/krippendorff-alpha.js";
import {
  leniencyFromSums,
  LENIENCY_LAMBDA,
  MIN_COMPARISONS_FOR_FLAG,
} from "./statistics/leniency.js";

const DAY_MS = 86_400_000;
/** Without a range a report covers the last year, up to and including today. */
const DEFAULT_RANGE_DAYS = 365;
const OLDEST_PER_STAGE = 5;
const COMPETENCY_NAMES = new Map<string, string>(competencies.map((c) => [c.id, c.name]));

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

type TDeps = {
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  analyticsRepo: Pick<
    TAnalyticsRepo,
    | "listRoles"
    | "stageFunnel"
    | "timeInStage"
    | "totals"
    | "oldestWaiting"
    | "scorecardTimeliness"
    | "interviewerCalibration"
    | "reliabilityPatterns"
    | "questionQuality"
  >;
  now?: () => Date;
};

/**
 * The analytics area: how fast the process runs, how calibrated the interviewers are, how
 * reliable the ratings are and which questions tell candidates apart. Admins see every role;
 * hiring managers see the roles they lead and nothing else, so no report about an interviewer
 * ever reaches the interviewers themselves (the route gate stops them first).
 */
export function createAnalyticsService(deps: TDeps) {
  const now = deps.now ?? (() => new Date());

  async function resolve(query: TAnalyticsQuery, viewer: TViewer) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    const led: "all" | string[] = scope.isAdmin
      ? "all"
      : [...scope.teamRoleByRole].filter(([, r]) => r === "hiring_manager").map(([id]) => id);
    let roleIds: "all" | string[] = led;
    if (query.roleId) {
      if (!canLeadRole(scope, query.roleId)) {
        if (canSeeRole(scope, query.roleId))
          throw new AppError(
            "FORBIDDEN",
            "Analytics for a role are for its hiring managers and admins.",
          );
        throw notFound("That role");
      }
      roleIds = [query.roleId];
    }
    const today = new Date(`${isoDay(now())}T00:00:00Z`);
    const to = query.to ? new Date(`${query.to}T00:00:00Z`) : today;
    const from = query.from
      ? new Date(`${query.from}T00:00:00Z`)
      : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
      throw new AppError(
        "VALIDATION_FAILED",
        `A report covers at most ${MAX_RANGE_DAYS} days; pick a shorter range.`,
        { fields: [{ field: "from", message: `at most ${MAX_RANGE_DAYS} days before to` }] },
      );
    // `to` is the last day included: the filter runs up to the start of the next day.
    const filter: TAnalyticsFilter = { roleIds, from, to: new Date(to.getTime() + DAY_MS) };
    const roles = await deps.analyticsRepo.listRoles(led, query.roleId);
    return {
      filter,
      scope: {
        roleId: query.roleId ?? null,
        from: isoDay(from),
        to: isoDay(to),
        roles: roles.roles.map((r) => ({ id: r.id, title: r.title, open: r.status === "open" })),
        rolesTotal: roles.total,
      },
    };
  }

  return {
    async getProcess(input: {
      query: TAnalyticsQuery;
      viewer: TViewer;
    }): Promise<TProcessAnalyticsResponse> {
      const { filter, scope } = await resolve(input.query, input.viewer);
      const at = now();
      // Five independent aggregates: side by side on the pool, one after another on PGlite.
      const [funnel, stageTimes, waiting, totals, cards] = await Promise.all([
        deps.analyticsRepo.stageFunnel(filter),
        deps.analyticsRepo.timeInStage(filter),
        deps.analyticsRepo.oldestWaiting(filter, OLDEST_PER_STAGE),
        deps.analyticsRepo.totals(filter),
        deps.analyticsRepo.scorecardTimeliness(filter, at),
      ]);
      const times = new Map(stageTimes.map((t) => [t.key, t]));
      return {
        scope,
        stages: funnel.map((stage) => {
          const time = times.get(stage.key);
          return {
            key: stage.key,
            kind: stage.kind,
            name: stage.name,
            reached: stage.reached,
            passed: stage.passed,
            passThrough: share(stage.passed, stage.reached),
            medianHours: time?.medianHours ?? null,
            p75Hours: time?.p75Hours ?? null,
            finishedVisits: time?.finished ?? 0,
            stillIn: time?.stillIn ?? 0,
            oldestWaiting: waiting
              .filter((w) => w.key === stage.key)
              .map((w) => ({
                applicationId: w.applicationId,
                candidateName: w.candidateName,
                roleTitle: w.roleTitle,
                since: w.since.toISOString(),
                days: Math.max(0, (at.getTime() - w.since.getTime()) / DAY_MS),
              })),
          };
        }),
        totals,
        scorecards: {
          ...cards,
          submissionRate: share(cards.submitted, cards.held),
          withinDayShare: share(cards.withinDay, cards.held),
        },
      };
    },

    async getCalibration(input: {
      query: TAnalyticsQuery;
      viewer: TViewer;
    }): Promise<TCalibrationResponse> {
      const { filter, scope } = await resolve(input.query, input.viewer);
      const rows = await deps.analyticsRepo.interviewerCalibration(filter);
      return {
        scope,
        lambda: LENIENCY_LAMBDA,
        minComparisons: MIN_COMPARISONS_FOR_FLAG,
        interviewers: rows.map((row) => {
          const lenient = leniencyFromSums(row.sums);
          const compared = lenient.n > 0;
          return {
            interviewerId: row.interviewerId,
            name: row.name,
            scorecards: row.submitted,
            recommendations: row.recommendations,
            leniency: {
              n: lenient.n,
              candidates: lenient.candidates,
              mean: compared ? lenient.mean : null,
              low: lenient.low,
              high: lenient.high,
              shrunk: compared ? lenient.shrunk : null,
              flagged: lenient.flagged,
              direction: !lenient.flagged ? "none" : lenient.mean > 0 ? "lenient" : "severe",
            },
          };
        }),
      };
    },

    async getReliability(input: {
      query: TAnalyticsQuery;
      viewer: TViewer;
    }): Promise<TReliabilityResponse> {
      const { filter, scope } = await resolve(input.query, input.viewer);
      const levels = await deps.analyticsRepo.reliabilityPatterns(filter);
      return {
        scope,
        resamples: BOOTSTRAP_RESAMPLES,
        competencies: reliabilityRows(levels.competency, (key) => COMPETENCY_NAMES.get(key) ?? key),
        questions: reliabilityRows(levels.question, (key, given) => given ?? key),
        stages: reliabilityRows(levels.stage, (key) => stageKindLabel(key)),
      };
    },

    async getQuestionQuality(input: {
      query: TAnalyticsQuery;
      viewer: TViewer;
    }): Promise<TQuestionQualityResponse> {
      const { filter, scope } = await resolve(input.query, input.viewer);
      const rows = await deps.analyticsRepo.questionQuality(filter);
      return {
        scope,
        threshold: WEAK_DISCRIMINATION,
        minAsked: MIN_ASKED_FOR_FLAG,
        questions: rows.map((q) => ({
          ...q,
          difficulty: difficultyOf(q.mean),
          flagged: isWeakQuestion(q.discrimination, q.asked),
        })),
      };
    },
  };
}
export type TAnalyticsService = ReturnType<typeof createAnalyticsService>;

/** Alpha (ordinal) with its bootstrap interval for each key's value patterns. */
export function reliabilityRows(
  patterns: ReadonlyArray<{
    key: string;
    label?: string | null;
    counts: readonly [number, number, number, number];
    units: number;
  }>,
  label: (key: string, given: string | null) => string,
): TReliabilityRow[] {
  const byKey = new Map<string, { unit: TUnitCounts; units: number }[]>();
  const labels = new Map<string, string | null>();
  for (const p of patterns) {
    const unit = p.counts.flatMap((count, i) => (count > 0 ? [{ value: i + 1, count }] : []));
    byKey.set(p.key, [...(byKey.get(p.key) ?? []), { unit, units: p.units }]);
    labels.set(p.key, p.label ?? null);
  }
  return [...byKey].map(([key, grouped]) => {
    const table = coincidences(
      grouped.map((g) => g.unit),
      grouped.map((g) => g.units),
    );
    const alpha = alphaOf(table, "ordinal");
    const interval = alpha === null ? null : bootstrapAlpha(grouped, "ordinal");
    return {
      key,
      label: label(key, labels.get(key) ?? null),
      alpha,
      pairable: Math.round(table.n),
      units: grouped.reduce((s, g) => s + g.units, 0),
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      band: alpha === null ? null : reliabilityBand(alpha),
    };
  });
}

const STAGE_KIND_LABELS: Record<string, string> = {
  "resume-screen": "Résumé screen",
  "technical-screen": "Technical screen",
  "practical-assessment": "Practical assessment",
  "technical-deep-dive": "Technical deep dive",
  "culture-fit": "Culture fit",
  decision: "Decision",
  custom: "Custom stage",
};
const stageKindLabel = (kind: string) => STAGE_KIND_LABELS[kind] ?? kind;
