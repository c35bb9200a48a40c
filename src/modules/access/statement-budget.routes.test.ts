import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScaleData } from "../../../bench/support/scale-data.js";
import type { TScaleData } from "../../../bench/support/scale-data.js";
import { openCountingDatabase } from "../../test-support/counting-database.js";
import { createTestApp } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

/**
 * SQL statements per page, counted at the driver on a seeded database, at two data sizes. The
 * count must not grow with the data (no query per row), and must not pass the ceiling: today's
 * count, so a regression fails CI. Each request starts with one statement (session and viewer
 * scope together, with the data version the read caches key on). Each page is counted as computed
 * (a write lands first, so no read cache can answer) and, for the pages kept in a read cache, as
 * served from it: one statement, the session's. The budget is 5 for the dashboard, board, application, decision,
 * interview kit and candidate pages; the shortlist and analytics read a whole role by design.
 * `SHOW_STATEMENTS=1` prints each page's statements.
 */
const CEILING: Record<string, number> = {
  // Session and scope in one statement, then the whole dashboard in one (dashboard.repo.ts).
  dashboard: 2,
  // Role page (session with scope, then the role with its plan, team and counts) + the board (two).
  board: 4,
  // Application (session with scope, then summary, plan, history and interviews in one) + role page.
  application: 4,
  // Session with scope, the application summary, then the role's weights with the pending count
  // and the decisions (one), the scorecards, and their question versions.
  decision: 5,
  // Kit (session with scope, interview with role, stage and candidate, the question versions) +
  // the own scorecard (session with scope, then interview, access ids and latest scorecard in one).
  "interview kit": 5,
  // Profile (session with scope, the candidate with its applications and possible duplicates in
  // one, the access-trail insert when contact details are shown) + the application (two).
  candidate: 5,
  // Session with scope, then role, rater cells (reduced in SQL), gradings and similarity matches
  // (concurrent), then the cards of the page's rows only.
  shortlist: 6,
  // Session with scope, then the per-stage and the overall aggregate.
  fairness: 3,
  // The four reports of /analytics, each: session with scope, the role picker, its aggregates
  // (reliability reads its three levels in one statement).
  analytics: 21,
};

/** Pages kept in a read cache until anything changes: served from it, a request costs one statement. */
const CACHED = ["dashboard", "decision", "shortlist"];

type TPage = { name: string; requests: { path: string; cookie: string }[] };

function pagesOf(d: TScaleData): TPage[] {
  const manager = d.hiringManager.sessionToken;
  const interviewer = d.featured.interviewer.sessionToken;
  const app = d.featured.applicationId;
  const m = (path: string) => ({ path, cookie: manager });
  const i = (path: string) => ({ path, cookie: interviewer });
  return [
    { name: "dashboard", requests: [m("/api/dashboard")] },
    {
      name: "board",
      requests: [m(`/api/roles/${d.roleId}`), m(`/api/roles/${d.roleId}/board`)],
    },
    {
      name: "application",
      requests: [m(`/api/applications/${app}`), m(`/api/roles/${d.roleId}`)],
    },
    { name: "decision", requests: [m(`/api/applications/${app}/decision`)] },
    {
      name: "interview kit",
      requests: [
        i(`/api/interviews/${d.featured.interviewId}/kit`),
        i(`/api/interviews/${d.featured.interviewId}/scorecard`),
      ],
    },
    { name: "shortlist", requests: [m(`/api/roles/${d.roleId}/shortlist?sort=lower`)] },
    { name: "fairness", requests: [m(`/api/analytics/fairness?roleId=${d.roleId}`)] },
    {
      name: "analytics",
      requests: ["process", "calibration", "reliability", "questions"].map((report) =>
        m(`/api/analytics/${report}?roleId=${d.roleId}`),
      ),
    },
    {
      name: "candidate",
      requests: [m(`/api/candidates/${d.featured.candidateId}`), m(`/api/applications/${app}`)],
    },
  ];
}

async function countPages(size: number) {
  const counting = await openCountingDatabase();
  const ctx: TTestContext = await createTestApp("pglite", {
    openDatabase: () => Promise.resolve(counting.handle),
  });
  const data = await generateScaleData(ctx.handle.db, {
    applications: 40 * size,
    interviews: 100 * size,
    scorecards: 330 * size,
    pendingScorecards: 10 * size,
    interviewers: 6,
  });
  const counts = new Map<string, number>();
  const cached = new Map<string, number>();
  const measure = async (page: TPage) => {
    counting.counter.statements = [];
    counting.counter.counting = true;
    for (const r of page.requests) expect((await get(ctx, r)).statusCode).toBe(200);
    counting.counter.counting = false;
    if (process.env.SHOW_STATEMENTS)
      console.log(
        page.name,
        counting.counter.statements.map((s) => s.slice(0, 160)),
      );
    return counting.counter.statements.length;
  };
  for (const page of pagesOf(data)) {
    // Once unmeasured: a session touch or a first-use write is not the page's own work.
    for (const r of page.requests) await get(ctx, r);
    // A write anywhere, as a colleague's would: every read cache must compute afresh.
    await ctx.handle.db.execute(sql`insert into data_changes default values`);
    counts.set(page.name, await measure(page));
    if (CACHED.includes(page.name)) cached.set(page.name, await measure(page));
  }
  return { ctx, counts, cached };
}

function get(ctx: TTestContext, r: { path: string; cookie: string }) {
  return ctx.app.inject({ method: "GET", url: r.path, cookies: { sl_session: r.cookie } });
}

describe("statement budget per page", () => {
  let small: Awaited<ReturnType<typeof countPages>>;
  let large: Awaited<ReturnType<typeof countPages>>;
  beforeAll(async () => {
    small = await countPages(1);
    large = await countPages(3);
  }, 480_000);
  afterAll(async () => {
    await small.ctx.close();
    await large.ctx.close();
  });

  it.each(CACHED)("%s: served from its read cache, one statement per request", (name) => {
    expect(small.cached.get(name)).toBe(1);
    expect(large.cached.get(name)).toBe(1);
  });

  it.each(Object.keys(CEILING))(
    "%s: as many statements at 3× the data, within its ceiling",
    (name) => {
      const few = small.counts.get(name);
      const many = large.counts.get(name);
      expect(few).toBeDefined();
      expect(many).toBe(few);
      expect(many).toBeLessThanOrEqual(CEILING[name] ?? 0);
    },
  );
});
