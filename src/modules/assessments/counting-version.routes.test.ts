import { and, eq, sql } from "drizzle-orm";
import { auditEvents } from "../../db/schema/index.js";
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

type TAssessment = {
  assessment: {
    submissions: { id: string; version: number; latestGrading: { id: string } | null }[];
    counting: {
      submissionId: string;
      version: number;
      of: number;
      grading: { status: string; score: number | null } | null;
      chosen: { by: { name: string } | null; at: string; reason: string } | null;
    } | null;
    permissions: { canManage: boolean; canChooseCountingVersion: boolean };
  };
};

describe.each(testDatabaseKinds())("the version that counts on %s", (kind) => {
  let context: TTestContext;
  let w: THiringWorld;

  beforeAll(async () => {
    context = await createTestApp(kind);
    w = await buildHiringWorld(context.app);
  });
  afterAll(async () => context.close());

  /** An assessment with `scores.length` uploads, each graded with the given score (no worker). */
  async function uploaded(scores: number[]) {
    const fresh = await w.newApplication("practical-assessment");
    const sent = await sendRestApiAssessment(w.managerOn.agent, fresh.applicationId);
    const candidate = new HttpAgent(context.app);
    expectStatus(await candidate.post(`/api/portal/${sent.token}/start`), 200);
    const zip = await referenceZip();
    for (const score of scores) {
      expectStatus(await uploadTo(candidate, sent.token, "solution.zip", zip), 201);
      await context.handle.db.execute(
        sql`update gradings set status = 'graded', score = ${score}, finished_at = now()
            where submission_id = (select id from assessment_submissions
              where assessment_id = ${sent.assessmentId} order by version desc limit 1)`,
      );
    }
    return { ...sent, candidate };
  }

  const read = async (agent: HttpAgent, assessmentId: string) =>
    expectStatus(await agent.get(`/api/assessments/${assessmentId}`), 200).json<TAssessment>()
      .assessment;

  it("counts the newest by default and says so; a lead picks another with a reason, audited", async () => {
    const sent = await uploaded([100, 40]);
    const before = await read(w.managerOn.agent, sent.assessmentId);
    expect(before.counting).toMatchObject({
      version: 2,
      of: 2,
      grading: { status: "graded", score: 40 },
      chosen: null,
    });
    expect(before.permissions).toEqual({ canManage: true, canChooseCountingVersion: true });
    expect((await read(w.recruiterOn.agent, sent.assessmentId)).permissions).toEqual({
      canManage: true,
      canChooseCountingVersion: false,
    });

    const first = before.submissions.find((s) => s.version === 1)?.id ?? "";
    const url = `/api/assessments/${sent.assessmentId}/counting-version`;
    const reason = "Version 2 was uploaded by mistake after the deadline call.";
    // A recruiter runs the pipeline but does not choose results.
    expect((await w.recruiterOn.agent.post(url, { submissionId: first, reason })).statusCode).toBe(
      403,
    );

    const chosen = expectStatus(
      await w.managerOn.agent.post(url, { submissionId: first, reason }),
      200,
    ).json<TAssessment>().assessment;
    expect(chosen.counting).toMatchObject({
      submissionId: first,
      version: 1,
      of: 2,
      grading: { score: 100 },
      chosen: { by: { name: expect.any(String) as string }, reason },
    });

    const audit = await context.handle.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, sent.assessmentId),
          eq(auditEvents.action, "assessment.counting_version_chosen"),
        ),
      );
    expect(audit).toEqual([
      { action: "assessment.counting_version_chosen", after: { version: 1, reason } },
    ]);

    // A later upload does not silently replace a chosen result: the choice stands, now "1 of 3".
    expectStatus(
      await uploadTo(sent.candidate, sent.token, "again.zip", await referenceZip()),
      201,
    );
    const later = await read(w.admin, sent.assessmentId);
    expect(later.counting).toMatchObject({ version: 1, of: 3, chosen: { reason } });
  });

  it("refuses a choice without a reason or of another assessment's version with a 400", async () => {
    const one = await uploaded([70]);
    const other = await uploaded([80]);
    const url = `/api/assessments/${one.assessmentId}/counting-version`;
    const mine = (await read(w.managerOn.agent, one.assessmentId)).submissions[0]?.id ?? "";
    const theirs = (await read(w.managerOn.agent, other.assessmentId)).submissions[0]?.id ?? "";

    const noReason = await w.managerOn.agent.post(url, { submissionId: mine, reason: "  " });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).fields?.[0]?.field).toBe("reason");

    const foreign = await w.managerOn.agent.post(url, {
      submissionId: theirs,
      reason: "Looks like the better one.",
    });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).fields?.[0]?.field).toBe("submissionId");
    expect((await read(w.managerOn.agent, one.assessmentId)).counting?.chosen).toBeNull();
  });
});
