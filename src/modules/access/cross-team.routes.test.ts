import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import type { HttpAgent } from "../../test-support/http-agent.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type TIds = { candidateId: string; applicationId: string; roleId: string; interviewId: string };

/**
 * The first team at the second team's records: every route taking one of its ids must answer
 * exactly as it does for an id that does not exist (same status, same error code), so nothing
 * about the record leaks, not even that it exists.
 */
const ID_ROUTES: { method: TMethod; url: (ids: TIds) => string; body?: unknown }[] = [
  { method: "GET", url: (i) => `/api/candidates/${i.candidateId}` },
  {
    method: "PATCH",
    url: (i) => `/api/candidates/${i.candidateId}`,
    body: { phone: "+1 555 0100" },
  },
  { method: "GET", url: (i) => `/api/candidates/${i.candidateId}/resume` },
  { method: "GET", url: (i) => `/api/candidates/${i.candidateId}/resume/file` },
  { method: "GET", url: (i) => `/api/applications/${i.applicationId}` },
  { method: "GET", url: (i) => `/api/applications/${i.applicationId}/scorecards` },
  { method: "GET", url: (i) => `/api/applications/${i.applicationId}/decision` },
  { method: "GET", url: (i) => `/api/applications/${i.applicationId}/screening` },
  { method: "GET", url: (i) => `/api/applications/${i.applicationId}/assessments` },
  { method: "GET", url: (i) => `/api/applications/${i.applicationId}/assessment-packs` },
  {
    method: "POST",
    url: (i) => `/api/applications/${i.applicationId}/reject`,
    body: { reason: "Not a fit for us." },
  },
  {
    method: "POST",
    url: (i) => `/api/applications/${i.applicationId}/withdraw`,
    body: { reason: "Took another offer." },
  },
  {
    method: "POST",
    url: (i) => `/api/applications/${i.applicationId}/move`,
    body: { toStageId: randomUUID() },
  },
  {
    method: "POST",
    url: (i) => `/api/applications/${i.applicationId}/decisions`,
    body: { decision: "advance", rationale: "Strong screen; move them on to the next stage." },
  },
  { method: "GET", url: (i) => `/api/roles/${i.roleId}` },
  { method: "PATCH", url: (i) => `/api/roles/${i.roleId}`, body: { title: "Taken over" } },
  { method: "GET", url: (i) => `/api/roles/${i.roleId}/screening-settings` },
  { method: "GET", url: (i) => `/api/interviews/${i.interviewId}/kit` },
  { method: "GET", url: (i) => `/api/interviews/${i.interviewId}/scorecard` },
  { method: "DELETE", url: (i) => `/api/interviews/${i.interviewId}` },
];

describe.each(testDatabaseKinds())("the first team at the second team's records on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  let callers: [string, HttpAgent][];
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
    callers = [
      ["recruiterOn", w.recruiterOn.agent],
      ["recruiterOff", w.recruiterOff.agent],
      ["managerOn", w.managerOn.agent],
      ["interviewerAssigned", w.interviewerA.agent],
    ];
  });
  afterAll(async () => ctx.close());

  const theirs = (): TIds => ({
    candidateId: w.otherTeam.candidateId,
    applicationId: w.otherTeam.applicationId,
    roleId: w.otherTeam.role.id,
    interviewId: w.otherTeam.interviewId,
  });
  const nobody = (): TIds => ({
    candidateId: randomUUID(),
    applicationId: randomUUID(),
    roleId: randomUUID(),
    interviewId: randomUUID(),
  });

  it(`answers ${ID_ROUTES.length} id routes × 4 callers as if the record did not exist`, async () => {
    const leaks: string[] = [];
    for (const route of ID_ROUTES) {
      for (const [name, agent] of callers) {
        const call = (ids: TIds) =>
          agent.request({
            method: route.method,
            url: route.url(ids),
            ...(route.body === undefined ? {} : { payload: route.body }),
          });
        const real = await call(theirs());
        const missing = await call(nobody());
        const code = (r: typeof real) =>
          r.statusCode < 300 ? "ok" : r.json<{ error: { code: string } }>().error.code;
        if (real.statusCode !== missing.statusCode || code(real) !== code(missing))
          leaks.push(
            `${name} ${route.method} ${route.url({ candidateId: ":c", applicationId: ":a", roleId: ":r", interviewId: ":i" })}: ${real.statusCode} vs ${missing.statusCode} for a missing id`,
          );
      }
    }
    expect(leaks).toEqual([]);
    // And their record is untouched.
    const candidate = expectStatus(
      await w.otherTeam.recruiter.agent.get(`/api/candidates/${w.otherTeam.candidateId}`),
      200,
    ).json<{ candidate: { phone: string | null } }>().candidate;
    expect(candidate.phone).toBe("+44 20 7946 0000");
  });

  it("a duplicate e-mail does not reveal their candidate, and attaching it to our role is refused", async () => {
    const duplicate = await w.recruiterOn.agent.post("/api/candidates", {
      name: "Someone Else",
      email: w.otherTeam.candidateEmail,
    });
    expect(duplicate.body).not.toContain(w.otherTeam.candidateId);
    const attach = await w.recruiterOn.agent.post("/api/applications", {
      candidateId: w.otherTeam.candidateId,
      roleId: w.role.id,
      stageId: w.stage("resume-screen").id,
    });
    const attachMissing = await w.recruiterOn.agent.post("/api/applications", {
      candidateId: randomUUID(),
      roleId: w.role.id,
      stageId: w.stage("resume-screen").id,
    });
    expect(attach.statusCode).toBe(attachMissing.statusCode);
    const errorOf = (r: typeof attach) => {
      const { code, message, fields } = r.json<{ error: Record<string, unknown> }>().error;
      return { code, message, fields };
    };
    expect(errorOf(attach)).toEqual(errorOf(attachMissing));
  });

  it("a CSV import with their candidate's e-mail never merges into it", async () => {
    const imported = await w.recruiterOn.agent.post("/api/candidates/import", {
      csv: `name,email,phone\nTaken Over,${w.otherTeam.candidateEmail},+1 555 0199\n`,
      roleId: w.role.id,
    });
    expect(imported.statusCode).toBeLessThan(300);
    expect(imported.body).not.toContain(w.otherTeam.candidateId);
    const candidate = expectStatus(
      await w.otherTeam.recruiter.agent.get(`/api/candidates/${w.otherTeam.candidateId}`),
      200,
    ).json<{ candidate: { name: string; phone: string | null; notes: string | null } }>().candidate;
    expect(candidate).toMatchObject({
      name: "Noor Haddad",
      phone: "+44 20 7946 0000",
      notes: "Private to the logistics team.",
    });
    // And the first team cannot read it through the record the import created.
    const listed = expectStatus(
      await w.recruiterOn.agent.get(`/api/candidates?q=${encodeURIComponent("noor.haddad")}`),
      200,
    ).body;
    expect(listed).not.toContain(w.otherTeam.candidateId);
    expect(listed).not.toContain("Private to the logistics team.");
  });
});
