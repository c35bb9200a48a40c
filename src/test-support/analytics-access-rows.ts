import type { TExpect, TRow } from "./access-matrix.js";
import type { THiringWorld } from "./hiring-world.js";

// Admins and the role's hiring managers; recruiters and interviewers stop at the route gate.
const leads: TExpect = {
  admin: 200,
  recruiterOn: 403,
  recruiterOff: 403,
  managerOn: 200,
  interviewerAssigned: 403,
  interviewerUnassigned: 403,
  anonymous: 401,
};

/**
 * The analytics routes' rows of the access matrix (modules/access/access-matrix.routes.test.ts).
 * Each report is asked for the first team's role: the other team's hiring manager is told it
 * does not exist, and no interviewer ever reads a report about interviewers.
 */
export function analyticsAccessRows(world: () => THiringWorld): TRow[] {
  const reports = [
    ["process", "getProcessAnalytics"],
    ["calibration", "getInterviewerCalibration"],
    ["reliability", "getRatingReliability"],
    ["questions", "getQuestionQuality"],
  ] as const;
  return reports.map(([path, operationId]) => ({
    route: `GET /api/analytics/${path}`,
    operationId,
    expect: leads,
    request: () => ({ url: `/api/analytics/${path}?roleId=${world().role.id}` }),
    otherTeam: { managerOtherTeam: 404 },
  }));
}
