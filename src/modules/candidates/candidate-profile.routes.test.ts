import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf } from "../../test-support/http-agent.js";
import type { HttpAgent } from "../../test-support/http-agent.js";
import { multipartBody } from "../../test-support/multipart-body.js";
import { buildResumePdf } from "../../test-support/resume-fixtures.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TDuplicate = { reason: string; of: { id: string; name: string } | null };
type TCandidateBody = {
  candidate: {
    id: string;
    name: string;
    email: string | null;
    contactVisible: boolean;
    possibleDuplicates: TDuplicate[];
  };
};

/**
 * The candidate page's three everyday needs: spotting a possible duplicate by name, editing the
 * profile (only by those who may read what they overwrite) and reaching the stored résumé.
 */
describe.each(testDatabaseKinds())("the candidate profile on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  let counter = 0;
  async function create(agent: HttpAgent, name: string) {
    counter += 1;
    return expectStatus(
      await agent.post("/api/candidates", { name, email: `profile${counter}@example.org` }),
      201,
    ).json<TCandidateBody>().candidate;
  }
  const duplicatesOf = async (agent: HttpAgent, id: string) =>
    expectStatus(await agent.get(`/api/candidates/${id}`), 200).json<TCandidateBody>().candidate
      .possibleDuplicates;

  it("flags a name that matches once case, accents and spacing are folded, without refusing it", async () => {
    const jonas = await create(w.recruiterOn.agent, "Jonas Berg");
    const twin = await create(w.recruiterOn.agent, "  jónas   BERG ");
    expect(twin.possibleDuplicates).toEqual([
      { reason: "same-name", of: { id: jonas.id, name: "Jonas Berg" } },
    ]);
    // Both ways: the first record now points at the second.
    expect(await duplicatesOf(w.recruiterOn.agent, jonas.id)).toEqual([
      { reason: "same-name", of: { id: twin.id, name: "jónas   BERG" } },
    ]);
    const other = await create(w.recruiterOn.agent, "Jonas Bergman");
    expect(other.possibleDuplicates).toEqual([]);

    // A rename clears the flag on both records.
    const renamed = expectStatus(
      await w.recruiterOn.agent.patch(`/api/candidates/${twin.id}`, { name: "Jonas Bergström" }),
      200,
    ).json<TCandidateBody>().candidate;
    expect(renamed.possibleDuplicates).toEqual([]);
    expect(await duplicatesOf(w.recruiterOn.agent, jonas.id)).toEqual([]);
  });

  it("names a same-name record only to someone who may see it", async () => {
    const ours = await create(w.recruiterOn.agent, "Mira Okafor");
    // The other team's recruiter cannot see ours: nothing is said about it.
    const theirs = await create(w.otherTeam.recruiter.agent, "MIRA  OKAFOR");
    expect(theirs.possibleDuplicates).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain(ours.id);
    expect(await duplicatesOf(w.recruiterOn.agent, ours.id)).toEqual([]);
    // Admins see everyone, so they see the pair (and can merge it).
    expect(await duplicatesOf(w.admin, theirs.id)).toEqual([
      { reason: "same-name", of: { id: ours.id, name: "Mira Okafor" } },
    ]);
  });

  it("does not match an erased record by its placeholder name", async () => {
    const gone = await create(w.admin, "Ida Lind");
    expectStatus(
      await w.admin.post(`/api/candidates/${gone.id}/erase`, {
        confirmName: "Ida Lind",
        reason: "Asked us to delete everything.",
      }),
      200,
    );
    const fresh = await create(w.admin, "Ida Lind");
    expect(fresh.possibleDuplicates).toEqual([]);
  });

  describe("for a recruiter who sees the candidate only as a panelist", () => {
    let personId: string;
    let panelist: HttpAgent;
    beforeAll(async () => {
      const person = await w.newApplication("technical-screen");
      personId = person.candidateId;
      const { role } = expectStatus(await w.admin.get(`/api/roles/${w.role.id}`), 200).json<{
        role: { team: { userId: string; teamRole: string }[] };
      }>();
      expectStatus(
        await w.admin.put(`/api/roles/${w.role.id}/team`, {
          members: [
            ...role.team.map((m) => ({ userId: m.userId, teamRole: m.teamRole })),
            { userId: w.otherTeam.recruiter.userId, teamRole: "interviewer" },
          ],
        }),
        200,
      );
      await w.schedule(person.applicationId, "technical-screen", [w.otherTeam.recruiter.userId]);
      panelist = w.otherTeam.recruiter.agent;
      const pdf = await buildResumePdf(["Resume Person", "resume.person@example.org"]);
      expectStatus(
        await w.recruiterOn.agent.request({
          method: "POST",
          url: `/api/candidates/${personId}/resume`,
          ...multipartBody([{ field: "file", filename: "person.pdf", bytes: pdf }]),
        }),
        201,
      );
    });

    it("refuses an edit of details they cannot read, and changes nothing", async () => {
      const seen = expectStatus(
        await panelist.get(`/api/candidates/${personId}`),
        200,
      ).json<TCandidateBody>().candidate;
      expect(seen.contactVisible).toBe(false);
      const refused = await panelist.patch(`/api/candidates/${personId}`, {
        email: "hijack@example.org",
        notes: "overwritten",
      });
      expect(refused.statusCode).toBe(403);
      expect(errorOf(refused).message).toContain("recruiters and hiring managers");
      const after = expectStatus(
        await w.recruiterOn.agent.get(`/api/candidates/${personId}`),
        200,
      ).json<TCandidateBody>().candidate;
      expect(after.email).not.toBe("hijack@example.org");
    });

    it("keeps the résumé from them while the role's pipeline reads it", async () => {
      for (const url of [
        `/api/candidates/${personId}/resume`,
        `/api/candidates/${personId}/resume/file`,
      ]) {
        expect((await panelist.get(url)).statusCode).toBe(403);
        expect((await w.interviewerA.agent.get(url)).statusCode).toBe(403);
        expectStatus(await w.recruiterOn.agent.get(url), 200);
      }
      const summary = expectStatus(
        await w.managerOn.agent.get(`/api/candidates/${personId}/resume`),
        200,
      ).json<{ resume: { filename: string } }>().resume;
      expect(summary.filename).toBe("person.pdf");
    });
  });

  it("answers a profile without a résumé with a 404 that says so", async () => {
    const { candidateId } = await w.newApplication();
    const none = await w.recruiterOn.agent.get(`/api/candidates/${candidateId}/resume`);
    expect(none.statusCode).toBe(404);
    expect(errorOf(none).message).toMatch(/résumé/);
  });
});
