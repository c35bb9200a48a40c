import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  referenceZip,
  sendRestApiAssessment,
  uploadTo,
} from "../../test-support/assessment-world.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf, HttpAgent } from "../../test-support/http-agent.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TPortal = {
  assessment: {
    finishedAt: string | null;
    parts: { position: number; submissions: { version: number }[] }[];
  };
};
type TTeam = { assessment: { state: string; finishedAt: string | null } };
type TAudit = {
  events: { action: string; actorLabel: string; entityId: string | null; after: unknown }[];
};

describe.each(testDatabaseKinds())("the candidate's I'm finished on %s", (kind) => {
  let context: TTestContext;
  let w: THiringWorld;
  let zip: Buffer;

  beforeAll(async () => {
    context = await createTestApp(kind);
    w = await buildHiringWorld(context.app);
    zip = await referenceZip();
  });
  afterAll(async () => context.close());

  /** A sent, started rest-api assessment and a fresh candidate browser. */
  async function started() {
    const fresh = await w.newApplication("practical-assessment");
    const sent = await sendRestApiAssessment(w.managerOn.agent, fresh.applicationId);
    const candidate = new HttpAgent(context.app);
    expectStatus(await candidate.post(`/api/portal/${sent.token}/start`), 200);
    return { sent, candidate };
  }

  it("ends the attempt after an upload: the team sees when, and it is audited", async () => {
    const { sent, candidate } = await started();
    expectStatus(await uploadTo(candidate, sent.token, "mine.zip", zip), 201);

    const before = Date.now();
    const finished = expectStatus(
      await candidate.post(`/api/portal/${sent.token}/finish`),
      200,
    ).json<TPortal>().assessment;
    expect(finished.finishedAt).not.toBeNull();
    expect(new Date(finished.finishedAt ?? 0).getTime()).toBeGreaterThanOrEqual(before - 1000);
    // What was uploaded stays as it was.
    expect(finished.parts[0]?.submissions.map((s) => s.version)).toEqual([1]);

    const team = expectStatus(
      await w.managerOn.agent.get(`/api/assessments/${sent.assessmentId}`),
      200,
    ).json<TTeam>().assessment;
    expect(team).toMatchObject({ state: "submitted", finishedAt: finished.finishedAt });

    const audit = expectStatus(
      await w.admin.get(`/api/audit?action=assessment.finished&entityId=${sent.assessmentId}`),
      200,
    ).json<TAudit>().events;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "assessment.finished",
      actorLabel: "candidate (assessment link)",
      after: { partsHandedIn: [1], partsCount: 1 },
    });
  });

  it("keeps the first finish when it is said twice, and audits it once", async () => {
    const { sent, candidate } = await started();
    expectStatus(await uploadTo(candidate, sent.token, "mine.zip", zip), 201);
    const first = expectStatus(
      await candidate.post(`/api/portal/${sent.token}/finish`),
      200,
    ).json<TPortal>().assessment.finishedAt;
    const second = expectStatus(
      await candidate.post(`/api/portal/${sent.token}/finish`),
      200,
    ).json<TPortal>().assessment.finishedAt;
    expect(second).toBe(first);
    const audit = expectStatus(
      await w.admin.get(`/api/audit?action=assessment.finished&entityId=${sent.assessmentId}`),
      200,
    ).json<TAudit>().events;
    expect(audit).toHaveLength(1);
  });

  it("refuses to finish before anything is uploaded, started or not", async () => {
    const fresh = await w.newApplication("practical-assessment");
    const sent = await sendRestApiAssessment(w.managerOn.agent, fresh.applicationId);
    const candidate = new HttpAgent(context.app);

    const notStarted = await candidate.post(`/api/portal/${sent.token}/finish`);
    expect(notStarted.statusCode).toBe(409);
    expect(errorOf(notStarted).message).toMatch(/Start the assessment and upload your work/);

    expectStatus(await candidate.post(`/api/portal/${sent.token}/start`), 200);
    const nothing = await candidate.post(`/api/portal/${sent.token}/finish`);
    expect(nothing.statusCode).toBe(409);
    expect(errorOf(nothing).message).toMatch(/nothing has been uploaded yet/);

    const read = expectStatus(
      await candidate.get(`/api/portal/${sent.token}`),
      200,
    ).json<TPortal>();
    expect(read.assessment.finishedAt).toBeNull();
  });

  it("answers an unknown, withdrawn or expired link as the other portal routes do", async () => {
    const candidate = new HttpAgent(context.app);
    expect((await candidate.post("/api/portal/sla_nothing/finish")).statusCode).toBe(404);

    const { sent: expired, candidate: late } = await started();
    expectStatus(await uploadTo(late, expired.token, "mine.zip", zip), 201);
    await context.handle.db.execute(
      sql`update assessments set deadline_at = now() - interval '25 hours' where id = ${expired.assessmentId}`,
    );
    const gone = await late.post(`/api/portal/${expired.token}/finish`);
    expect(gone.statusCode).toBe(410);
    expect(errorOf(gone)).toMatchObject({ details: { reason: "expired" } });

    const { sent: withdrawn, candidate: other } = await started();
    expectStatus(await uploadTo(other, withdrawn.token, "mine.zip", zip), 201);
    expectStatus(
      await w.recruiterOn.agent.post(`/api/assessments/${withdrawn.assessmentId}/revoke`),
      200,
    );
    const revoked = await other.post(`/api/portal/${withdrawn.token}/finish`);
    expect(revoked.statusCode).toBe(410);
    expect(errorOf(revoked)).toMatchObject({ details: { reason: "revoked" } });

    for (const id of [expired.assessmentId, withdrawn.assessmentId]) {
      const team = expectStatus(
        await w.managerOn.agent.get(`/api/assessments/${id}`),
        200,
      ).json<TTeam>();
      expect(team.assessment.finishedAt).toBeNull();
    }
  });

  it("takes no upload after finishing: 409 with a message for the candidate, nothing stored", async () => {
    const { sent, candidate } = await started();
    expectStatus(await uploadTo(candidate, sent.token, "v1.zip", zip), 201);
    expectStatus(await candidate.post(`/api/portal/${sent.token}/finish`), 200);

    const after = await uploadTo(candidate, sent.token, "v2.zip", zip);
    expect(after.statusCode).toBe(409);
    expect(errorOf(after)).toMatchObject({ details: { reason: "finished" } });
    expect(errorOf(after).message).toMatch(/takes no more uploads/);

    const read = expectStatus(
      await candidate.get(`/api/portal/${sent.token}`),
      200,
    ).json<TPortal>();
    expect(read.assessment.parts[0]?.submissions.map((s) => s.version)).toEqual([1]);
  });

  it("with a clock per part, finishing after one part starts no other", async () => {
    const fresh = await w.newApplication("practical-assessment");
    const sent = expectStatus(
      await w.managerOn.agent.post(`/api/applications/${fresh.applicationId}/assessments`, {
        timing: "per-part",
        parts: [{ packId: "rest-api" }, { packId: "debug" }],
        deadlineAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
      }),
      201,
    ).json<{ candidateUrl: string }>();
    const token = sent.candidateUrl.split("/assess/")[1] ?? "";
    const candidate = new HttpAgent(context.app);
    expectStatus(await candidate.post(`/api/portal/${token}/parts/1/start`), 200);
    expectStatus(await uploadTo(candidate, token, "part1.zip", zip, 1), 201);
    expectStatus(await candidate.post(`/api/portal/${token}/finish`), 200);

    const second = await candidate.post(`/api/portal/${token}/parts/2/start`);
    expect(second.statusCode).toBe(409);
    expect(errorOf(second)).toMatchObject({ details: { reason: "finished" } });
    // Starting the part already running again is still harmless.
    expectStatus(await candidate.post(`/api/portal/${token}/parts/1/start`), 200);
  });
});
