import type { TDashboardApplication, TDashboardRepo } from "./dashboard.repo.js";

/** How many items of each waiting list the home page shows; the totals say how many there are. */
export const DASHBOARD_PREVIEW = 10;

type TViewer = { id: string; role: string };

/** JSON timestamps come back as PostgreSQL writes them; the API speaks ISO 8601 in UTC. */
const iso = (at: string) => new Date(at).toISOString();

function presentSummary<T extends TDashboardApplication>(a: T): T {
  return { ...a, createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt) };
}

export function createDashboardService(deps: { dashboardRepo: Pick<TDashboardRepo, "load"> }) {
  return {
    async getDashboard(viewer: TViewer) {
      const rows = await deps.dashboardRepo.load(
        { id: viewer.id, isAdmin: viewer.role === "admin" },
        DASHBOARD_PREVIEW,
      );
      return {
        scorecardsToSubmit: rows.scorecards.items.map((i) => ({
          ...i,
          scheduledAt: iso(i.scheduledAt),
          application: presentSummary(i.application),
        })),
        applicationsToScreen: rows.screening.items.map(presentSummary),
        decisionsToMake: rows.decisions.items.map(presentSummary),
        totals: {
          scorecardsToSubmit: rows.scorecards.total,
          applicationsToScreen: rows.screening.total,
          decisionsToMake: rows.decisions.total,
        },
        roles: rows.roles,
      };
    },
  };
}
export type TDashboardService = ReturnType<typeof createDashboardService>;
