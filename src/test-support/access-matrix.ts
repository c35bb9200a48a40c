/**
 * The vocabulary of the route × caller access matrix (modules/access/access-matrix.routes.test.ts):
 * who calls, what each kind of route answers them, and how a row builds its request. Feature rows
 * (screening, assessments) use the same expectations so one rule reads the same everywhere.
 */
export const ACTORS = [
  "admin",
  "recruiterOn",
  "recruiterOff",
  "managerOn",
  "interviewerAssigned",
  "interviewerUnassigned",
  "anonymous",
] as const;
export type TActorName = (typeof ACTORS)[number];
export type TExpect = Record<TActorName, number>;
export type TRequest = { url: string; body?: unknown; headers?: Record<string, string> };
export type TRow = {
  /** "METHOD /api/path/:param", as registered. */
  route: string;
  operationId: string;
  expect: TExpect;
  /** Builds the request for one actor; mutations get fresh data so actors do not interfere. */
  request: (actor: TActorName) => TRequest | Promise<TRequest>;
  /** Where the second team's answer differs from what `otherTeamExpect` derives. */
  otherTeam?: Partial<Record<TOtherTeamActor, number>>;
};

/**
 * A second, unrelated team (hiring-world.ts `otherTeam`) calling every row with the first team's
 * ids. Each is built like the actor it stands beside: its recruiter like a recruiter off the
 * role, its interviewer like an unassigned one, and its hiring manager like the first team's,
 * except that whatever the first team's outsiders cannot see, it cannot see either.
 */
export const OTHER_TEAM_ACTORS = [
  "recruiterOtherTeam",
  "managerOtherTeam",
  "interviewerOtherTeam",
] as const;
export type TOtherTeamActor = (typeof OTHER_TEAM_ACTORS)[number];
export const OTHER_TEAM_STANDS_IN_FOR: Record<TOtherTeamActor, TActorName> = {
  recruiterOtherTeam: "recruiterOff",
  managerOtherTeam: "managerOn",
  interviewerOtherTeam: "interviewerUnassigned",
};

export function otherTeamExpect(row: TRow): Record<TOtherTeamActor, number> {
  const hidden = row.expect.recruiterOff === 404 || row.expect.interviewerUnassigned === 404;
  return {
    recruiterOtherTeam: row.expect.recruiterOff,
    interviewerOtherTeam: row.expect.interviewerUnassigned,
    managerOtherTeam: hidden ? 404 : row.expect.managerOn,
    ...row.otherTeam,
  };
}

export const everyUser = (status: number): TExpect => ({
  admin: status,
  recruiterOn: status,
  recruiterOff: status,
  managerOn: status,
  interviewerAssigned: status,
  interviewerUnassigned: status,
  anonymous: 401,
});
/** Public routes whose credential is in the path (the candidate portal): everyone gets the same answer. */
export const anyone = (status: number): TExpect => ({ ...everyUser(status), anonymous: status });
// Only admins and hiring managers pass the route gate; the off-team cases never reach the service.
export const leadsOnly = (ok: number): TExpect => ({
  admin: ok,
  recruiterOn: 403,
  recruiterOff: 403,
  managerOn: ok,
  interviewerAssigned: 403,
  interviewerUnassigned: 403,
  anonymous: 401,
});
// Readable by the pipeline (admin, team recruiter and manager) and the assigned interviewer.
export const applicationReaders = (ok: number): TExpect => ({
  admin: ok,
  recruiterOn: ok,
  recruiterOff: 404,
  managerOn: ok,
  interviewerAssigned: ok,
  interviewerUnassigned: 404,
  anonymous: 401,
});
// Changes to a role's pipeline: team recruiters and managers, admins; interviewers stop at the gate.
export const pipelineWriters = (ok: number): TExpect => ({
  admin: ok,
  recruiterOn: ok,
  recruiterOff: 404,
  managerOn: ok,
  interviewerAssigned: 403,
  interviewerUnassigned: 403,
  anonymous: 401,
});
// The interviewer's own scorecard: others who see the application are told it is not theirs.
export const ownInterviewOnly = (ok: number): TExpect => ({
  admin: 403,
  recruiterOn: 403,
  recruiterOff: 404,
  managerOn: 403,
  interviewerAssigned: ok,
  interviewerUnassigned: 404,
  anonymous: 401,
});
// Admin-only routes (privacy: settings, export, erasure, the access trail).
export const adminOnly = (ok: number): TExpect => ({
  admin: ok,
  recruiterOn: 403,
  recruiterOff: 403,
  managerOn: 403,
  interviewerAssigned: 403,
  interviewerUnassigned: 403,
  anonymous: 401,
});
