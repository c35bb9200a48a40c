import type { TDataVersion } from "../../db/data-version.js";
import { createVersionedCache } from "../../shared/versioned-cache.js";
import { encodeTimeCursor } from "../../shared/keyset-cursor.js";
import type { TTimeKey } from "../../shared/keyset-cursor.js";
import type { TDashboardApplication, TDashboardRepo, TWaitingList } from "./dashboard.repo.js";
import type { TDashboardRows } from "./dashboard.repo.js";

/** How many items of each waiting list the home page shows; the totals say how many there are. */
export const DASHBOARD_PREVIEW = 10;

type TViewer = { id: string; role: string };

/** JSON timestamps come back as PostgreSQL writes them; the API speaks ISO 8601 in UTC. */
const iso = (at: string) => new Date(at).toISOString();

function presentSummary<T extends TDashboardApplication>(a: T): T {
  return { ...a, createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt) };
}

type TScorecardItem = TDashboardRows["scorecards"]["items"][number];
type TDecisionItem = TDashboardRows["decisions"]["items"][number];

function presentScorecardItem(i: TScorecardItem) {
  return { ...i, scheduledAt: iso(i.scheduledAt), application: presentSummary(i.application) };
}

type TPage = { limit: number; after?: TTimeKey | undefined };

export function createDashboardService(deps: {
  dashboardRepo: Pick<TDashboardRepo, "load" | "loadList">;
  /** With it, each viewer's home page is kept until anything changes (shared/versioned-cache.ts). */
  dataVersion?: Pick<TDataVersion, "read">;
}) {
  const homes = createVersionedCache<TDashboard>({ max: 500 });

  async function loadList(viewer: TViewer, list: TWaitingList, page: TPage) {
    const result = await deps.dashboardRepo.loadList(
      { id: viewer.id, isAdmin: viewer.role === "admin" },
      list,
      page,
    );
    const last = result.keys.at(-1);
    return {
      items: result.items,
      total: result.total,
      nextCursor: result.more && last ? encodeTimeCursor(last) : null,
    };
  }

  async function computeDashboard(viewer: TViewer) {
    const rows = await deps.dashboardRepo.load(
      { id: viewer.id, isAdmin: viewer.role === "admin" },
      DASHBOARD_PREVIEW,
    );
    return {
      scorecardsToSubmit: rows.scorecards.items.map(presentScorecardItem),
      applicationsToScreen: rows.screening.items.map(presentSummary),
      decisionsToMake: rows.decisions.items.map(presentSummary),
      totals: {
        scorecardsToSubmit: rows.scorecards.total,
        applicationsToScreen: rows.screening.total,
        decisionsToMake: rows.decisions.total,
      },
      roles: rows.roles,
    };
  }
  type TDashboard = Awaited<ReturnType<typeof computeDashboard>>;

  return {
    async getDashboard(viewer: TViewer): Promise<TDashboard> {
      const version = await deps.dataVersion?.read(viewer);
      return homes.get(`${viewer.id}|${viewer.role}`, version, () => computeDashboard(viewer));
    },

    /** The full waiting lists behind the home page's previews, a page at a time. */
    async listScorecardsToSubmit(viewer: TViewer, page: TPage) {
      const { items, ...rest } = await loadList(viewer, "scorecards", page);
      return { items: (items as TScorecardItem[]).map(presentScorecardItem), ...rest };
    },
    async listApplicationsToScreen(viewer: TViewer, page: TPage) {
      const { items, ...rest } = await loadList(viewer, "screening", page);
      return { items: (items as TDashboardApplication[]).map(presentSummary), ...rest };
    },
    async listDecisionsToMake(viewer: TViewer, page: TPage) {
      const { items, ...rest } = await loadList(viewer, "decisions", page);
      return { items: (items as TDecisionItem[]).map(presentSummary), ...rest };
    },
  };
}
export type TDashboardService = ReturnType<typeof createDashboardService>;
