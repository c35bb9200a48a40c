import { STAGE_KINDS } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import { canLeadRole, canSeeRole, ledRoleIds } from "../access/viewer-scope.js";
import type { TViewer } from "../access/viewer-scope.js";
import {
  adverseImpact,
  FOUR_FIFTHS,
  MIN_GROUP_SHOWN,
  MIN_SHARE_RATED,
  SMALL_SAMPLE,
} from "../analytics/statistics/adverse-impact.js";
import type { TPortalService } from "../assessments/portal.service.js";
import type { TFairnessRepo, TGroupCountRow } from "./fairness.repo.js";
import { FAIRNESS_CATEGORIES } from "./fairness.schema.js";
import type {
  TFairnessReportQuery,
  TFairnessReportResponse,
  TSelfIdentificationAnswers,
} from "./fairness.schema.js";

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366 * 5;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

type TAnswersRow = NonNullable<Awaited<ReturnType<TFairnessRepo["findAnswers"]>>>;
const present = (row: TAnswersRow | undefined) =>
  row
    ? {
        sex: row.sex,
        raceEthnicity: row.raceEthnicity,
        veteranStatus: row.veteranStatus,
        disability: row.disability,
        updatedAt: row.updatedAt.toISOString(),
      }
    : null;

/** One category's groups through the four-fifths rule; groups under 5 are dropped and counted. */
function impactTables(rows: ReadonlyArray<TGroupCountRow>) {
  return FAIRNESS_CATEGORIES.map((category) => {
    const counts = rows
      .filter((r) => r.category === category)
      .map((r) => ({ group: r.value, size: r.size, selected: r.selected }));
    return {
      category,
      groups: adverseImpact(counts),
      suppressedGroups: counts.filter((c) => c.size < MIN_GROUP_SHOWN).length,
    };
  });
}

function rangeOf(query: TFairnessReportQuery, now: Date) {
  const to = query.to ? new Date(`${query.to}T00:00:00Z`) : new Date(`${isoDay(now)}T00:00:00Z`);
  const from = query.from
    ? new Date(`${query.from}T00:00:00Z`)
    : new Date(to.getTime() - 365 * DAY_MS);
  if (from > to)
    throw new AppError("VALIDATION_FAILED", "The start of the range is after its end.", {
      fields: [{ field: "from", message: "must be on or before `to`" }],
    });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    throw new AppError("VALIDATION_FAILED", "Choose a range of at most five years.", {
      fields: [{ field: "from", message: "must be at most five years before `to`" }],
    });
  // `to` is a whole day: the filter ends at the next midnight.
  return { from, to, end: new Date(to.getTime() + DAY_MS) };
}

/**
 * Voluntary self-identification (the candidate's own, through the portal link) and the
 * adverse-impact report built from it. The answers never leave this module except as counts of
 * at least five people, and to the candidate's own export.
 */
export function createFairnessService(deps: {
  fairnessRepo: Pick<
    TFairnessRepo,
    "findAnswers" | "saveAnswers" | "deleteAnswers" | "stageCounts" | "overallCounts"
  >;
  portal: Pick<TPortalService, "candidateOf">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
}) {
  const repo = deps.fairnessRepo;
  return {
    async getOwnAnswers(token: string) {
      const { candidateId } = await deps.portal.candidateOf(token);
      return { selfIdentification: present(await repo.findAnswers(candidateId)) };
    },

    async saveOwnAnswers(token: string, answers: TSelfIdentificationAnswers) {
      const { candidateId } = await deps.portal.candidateOf(token);
      return { selfIdentification: present(await repo.saveAnswers(candidateId, answers)) };
    },

    /**
     * For callers inside the process only (the demo seed): no route reaches it, since a person's
     * answers come from that person through their link. Leaves existing answers alone.
     */
    async seedAnswers(candidateId: string, answers: TSelfIdentificationAnswers) {
      if (await repo.findAnswers(candidateId)) return false;
      await repo.saveAnswers(candidateId, answers);
      return true;
    },

    async withdrawOwnAnswers(token: string) {
      const { candidateId } = await deps.portal.candidateOf(token);
      await repo.deleteAnswers(candidateId);
      return { selfIdentification: null };
    },

    /** Admins: every role; hiring managers: the roles they lead. Anyone else stops at the route. */
    async getReport(input: {
      query: TFairnessReportQuery;
      viewer: TViewer;
      now?: Date;
    }): Promise<TFairnessReportResponse> {
      const { query, viewer } = input;
      const range = rangeOf(query, input.now ?? new Date());
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      if (query.roleId && !canLeadRole(scope, query.roleId)) {
        if (!canSeeRole(scope, query.roleId)) throw notFound("That role");
        throw new AppError(
          "FORBIDDEN",
          "Only a hiring manager on this role's team (or an admin) can see its fairness report.",
        );
      }
      const filter = {
        roleIds: query.roleId ? [query.roleId] : ledRoleIds(scope),
        from: range.from,
        to: range.end,
      };
      const by = query.roleId ? ("stage" as const) : ("kind" as const);
      const [stageRows, overallRows] = await Promise.all([
        repo.stageCounts({ ...filter, by }),
        repo.overallCounts(filter),
      ]);
      const stageKeys = [...new Map(stageRows.map((r) => [r.key, r])).values()];
      if (by === "kind")
        stageKeys.sort(
          (a, b) =>
            STAGE_KINDS.indexOf(a.key as (typeof STAGE_KINDS)[number]) -
            STAGE_KINDS.indexOf(b.key as (typeof STAGE_KINDS)[number]),
        );
      return {
        roleId: query.roleId ?? null,
        from: isoDay(range.from),
        to: isoDay(range.to),
        stages: stageKeys.map((stage) => ({
          key: stage.key,
          name: stage.name,
          categories: impactTables(stageRows.filter((r) => r.key === stage.key)),
        })),
        overall: impactTables(overallRows),
        thresholds: {
          minGroupShown: MIN_GROUP_SHOWN,
          minShareRated: MIN_SHARE_RATED,
          fourFifths: FOUR_FIFTHS,
          smallSample: SMALL_SAMPLE,
        },
      };
    },
  };
}
export type TFairnessService = ReturnType<typeof createFairnessService>;
