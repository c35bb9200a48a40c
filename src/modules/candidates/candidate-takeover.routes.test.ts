import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf, inviteAndAccept } from "../../test-support/http-agent.js";
import type { HttpAgent } from "../../test-support/http-agent.js";
import { multipartBody } from "../../test-support/multipart-body.js";
import { buildResumeDocx } from "../../test-support/resume-fixtures.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import type { TIntakeBatch } from "../screening/screening-api.schema.js";

type TCandidateBody = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  notes: string | null;
  possibleDuplicates: { reason: string; of: { id: string; name: string } | null }[];
  applications: { roleId: string }[];
};
const candidateOf = (agent: HttpAgent, id: string) => agent.get(`/api/candidates/${id}`);

/**
 * A second, unrelated team (recruiter and hiring manager on their own role) tries every way the
 * security probe found to reach a candidate they may not see: the 409 of a duplicate e-mail,
 * attaching by id, CSV import and bulk intake by e-mail. None may reveal, attach or change it.
 */
describe.each(testDatabaseKinds())("no candidate takeover across teams on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  let otherRecruiter: HttpAgent;
  let otherRoleId: string;
  let ours: { candidateId: string; applicationId: string };
  let adminOnlyId: string;
  const OURS_EMAIL = "candidate2@example.org";

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
    ours = await w.newApplication(); // Candidate 2, on team A's role
    expectStatus(
      await w.recruiterOn.agent.patch(`/api/candidates/${ours.candidateId}`, {
        phone: "+49 30 5550100",
        notes: "Team A only: expects 95k, notice period 3 months.",
      }),
      200,
    );
    adminOnlyId = expectStatus(
      await w.admin.post("/api/candidates", {
        name: "Quiet Admin Pick",
        email: "admin.only@example.org",
        notes: "Admin's private note.",
      }),
      201,
    ).json<{ candidate: { id: string } }>().candidate.id;
    otherRecruiter = w.recruiterOff.agent;
    const otherManager = await inviteAndAccept(
      ctx.app,
      w.admin,
      "hm.b@example.com",
      "hiring_manager",
    );
    otherRoleId = expectStatus(
      await w.admin.post("/api/roles", {
        title: "Django Engineer — Logistics",
        level: "mid",
        fromTemplate: true,
        team: [
          { userId: w.recruiterOff.userId, teamRole: "recruiter" },
          { userId: otherManager.userId, teamRole: "hiring_manager" },
        ],
      }),
      201,
    ).json<{ role: { id: string } }>().role.id;
  });
  afterAll(async () => ctx.close());

  it("answers a duplicate e-mail with the existing id only to a caller who may see it", async () => {
    const theirs = await otherRecruiter.post("/api/candidates", {
      name: "Someone",
      email: OURS_EMAIL,
    });
    expect(theirs.statusCode).toBe(409);
    expect(theirs.body).not.toContain(ours.candidateId);
    expect(errorOf(theirs).message).toContain("Ask an admin");
    expect(errorOf(theirs).details).toEqual({ askAdmin: true });

    const adminOnly = await w.recruiterOn.agent.post("/api/candidates", {
      name: "Someone",
      email: "admin.only@example.org",
    });
    expect(adminOnly.statusCode).toBe(409);
    expect(adminOnly.body).not.toContain(adminOnlyId);

    const sameTeam = await w.recruiterOn.agent.post("/api/candidates", {
      name: "Someone",
      email: OURS_EMAIL,
    });
    expect(sameTeam.statusCode).toBe(409);
    expect(errorOf(sameTeam).details).toEqual({ existingCandidateId: ours.candidateId });

    // Changing an e-mail to a taken one says the same, by the same rule.
    const mine = expectStatus(
      await otherRecruiter.post("/api/candidates", { name: "Mine", email: "mine@example.org" }),
      201,
    ).json<{ candidate: { id: string } }>().candidate;
    const patched = await otherRecruiter.patch(`/api/candidates/${mine.id}`, { email: OURS_EMAIL });
    expect(patched.statusCode).toBe(409);
    expect(patched.body).not.toContain(ours.candidateId);
  });

  it("refuses to attach a candidate the caller cannot see, exactly as an unknown id", async () => {
    for (const candidateId of [ours.candidateId, adminOnlyId]) {
      const attempt = await otherRecruiter.post("/api/applications", {
        candidateId,
        roleId: otherRoleId,
      });
      const unknown = await otherRecruiter.post("/api/applications", {
        candidateId: "00000000-0000-4000-8000-000000000000",
        roleId: otherRoleId,
      });
      expect(attempt.statusCode).toBe(400);
      expect(errorOf(attempt).message).toBe(errorOf(unknown).message);
      expect(attempt.statusCode).toBe(unknown.statusCode);
      expect((await candidateOf(otherRecruiter, candidateId)).statusCode).toBe(404);
    }
    // Team A's own recruiter, who did not create the admin's candidate, may not attach it either.
    const teamA = await w.recruiterOn.agent.post("/api/applications", {
      candidateId: adminOnlyId,
      roleId: w.role.id,
    });
    expect(teamA.statusCode).toBe(400);
  });

  it("imports a CSV row with a hidden candidate's e-mail as a separate, flagged record", async () => {
    const csv = `name,email,phone\r\nCandidate Two,${OURS_EMAIL},+1 555 0199\r\n`;
    const report = expectStatus(
      await otherRecruiter.post("/api/candidates/import", { csv, roleId: otherRoleId }),
      200,
    ).json<{
      possibleDuplicates: number;
      merged: number;
      rows: { status: string; candidateId: string }[];
    }>();
    expect(report).toMatchObject({ possibleDuplicates: 1, merged: 0 });
    expect(report.rows[0]?.status).toBe("possible-duplicate");
    const separateId = report.rows[0]?.candidateId ?? "";
    expect(separateId).not.toBe(ours.candidateId);
    expect(JSON.stringify(report)).not.toContain(ours.candidateId);

    const seenByImporter = expectStatus(await candidateOf(otherRecruiter, separateId), 200).json<{
      candidate: TCandidateBody;
    }>().candidate;
    expect(seenByImporter.possibleDuplicates).toEqual([{ reason: "same-email", of: null }]);
    expect(seenByImporter.phone).toBe("+1 555 0199");

    const original = expectStatus(await candidateOf(w.admin, ours.candidateId), 200).json<{
      candidate: TCandidateBody;
    }>().candidate;
    expect(original.phone).toBe("+49 30 5550100");
    expect(original.notes).toContain("Team A only");
    expect(original.applications.map((a) => a.roleId)).toEqual([w.role.id]);
    expect((await candidateOf(otherRecruiter, ours.candidateId)).statusCode).toBe(404);

    const seenByAdmin = expectStatus(await candidateOf(w.admin, separateId), 200).json<{
      candidate: TCandidateBody;
    }>().candidate;
    expect(seenByAdmin.possibleDuplicates).toEqual([
      { reason: "same-email", of: { id: ours.candidateId, name: "Candidate 2" } },
    ]);
  });

  it("keeps bulk intake of a hidden candidate's résumé apart too", async () => {
    const docx = await buildResumeDocx([
      { paragraph: "Candidate Two" },
      { paragraph: `${OURS_EMAIL} · +1 555 0142` },
      { paragraph: "Django developer" },
    ]);
    const created = expectStatus(
      await otherRecruiter.request({
        method: "POST",
        url: `/api/roles/${otherRoleId}/intake-batches`,
        ...multipartBody([{ field: "files", filename: "two.docx", bytes: docx }]),
      }),
      202,
    ).json<{ batch: TIntakeBatch }>().batch;
    await ctx.services.intakeService.processBatch(created.id);
    const done = expectStatus(
      await otherRecruiter.get(`/api/intake-batches/${created.id}`),
      200,
    ).json<{ batch: TIntakeBatch }>().batch;
    const result = done.results[0];
    expect(result?.status).toBe("possible-duplicate");
    expect(result?.candidateId).not.toBe(ours.candidateId);
    expect(result?.warnings.join(" ")).toContain("possible duplicate");
    const original = expectStatus(await candidateOf(w.admin, ours.candidateId), 200).json<{
      candidate: TCandidateBody;
    }>().candidate;
    expect(original.phone).toBe("+49 30 5550100");
    expect(original.applications).toHaveLength(1);
  });

  it("lets an admin merge a flagged record into the original without overwriting anything", async () => {
    const flagged = expectStatus(
      await otherRecruiter.post("/api/candidates/import", {
        csv: `name,email,phone\r\nC. Two,${OURS_EMAIL},+1 555 0000\r\n`,
      }),
      200,
    ).json<{ rows: { candidateId: string }[] }>().rows[0]?.candidateId;
    expectStatus(
      await otherRecruiter.patch(`/api/candidates/${flagged ?? ""}`, {
        notes: "Logistics team: strong on Celery.",
      }),
      200,
    );
    // Another flagged record already applied for team B's role: moving both would clash.
    const before = expectStatus(await w.admin.get(`/api/candidates?q=${OURS_EMAIL}`), 200).json<{
      candidates: TCandidateBody[];
    }>().candidates;
    const onRoleB = before.filter((c) => c.applications.some((a) => a.roleId === otherRoleId));
    expect(onRoleB.length).toBe(2);
    const [first, second] = onRoleB;
    const intoOriginal = expectStatus(
      await w.admin.post(`/api/candidates/${first?.id ?? ""}/merge`, {
        intoCandidateId: ours.candidateId,
      }),
      200,
    ).json<{ candidate: TCandidateBody }>().candidate;
    expect(intoOriginal.phone).toBe("+49 30 5550100");
    expect(intoOriginal.possibleDuplicates).toEqual([]);
    expect(intoOriginal.applications.map((a) => a.roleId).sort()).toEqual(
      [w.role.id, otherRoleId].sort(),
    );
    const clash = await w.admin.post(`/api/candidates/${second?.id ?? ""}/merge`, {
      intoCandidateId: ours.candidateId,
    });
    expect(clash.statusCode).toBe(409);
    expect(errorOf(clash).message).toContain("Django Engineer — Logistics");

    const notes = expectStatus(
      await w.admin.post(`/api/candidates/${flagged ?? ""}/merge`, {
        intoCandidateId: ours.candidateId,
      }),
      200,
    ).json<{ candidate: TCandidateBody }>().candidate.notes;
    expect(notes).toContain("Team A only: expects 95k");
    expect(notes).toContain("Logistics team: strong on Celery.");
    expect((await candidateOf(w.admin, flagged ?? "")).statusCode).toBe(404);

    const self = await w.admin.post(`/api/candidates/${ours.candidateId}/merge`, {
      intoCandidateId: ours.candidateId,
    });
    expect(self.statusCode).toBe(400);
  });
});
