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

type TCounting = {
  submissionId: string;
  version: number;
  of: number;
  grading: { status: string; score: number | null } | null;
  chosen: { by: { name: string } | null; at: string; reason: string } | null;
} | null;
type TPart = {
  position: number;
  submissions: { id: string; version: number; latestGrading: { id: string } | null }[];
  counting: TCounting;
};
type TAssessment = {
  assessment: {
    parts: TPart[];
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

  /**
   * An assessment with one part per entry of `scoresPerPart`; each part gets one upload per
   * score, each graded with that score (no worker).
   */
  async function uploaded(...scoresPerPart: number[][]) {
    const fresh = await w.newApplication("practical-assessment");
    const sent =
      scoresPerPart.length === 1
        ? await sendRestApiAssessment(w.managerOn.agent, fresh.applicationId)
        : await sendParts(
            fresh.applicationId,
            ["rest-api", "debug"].slice(0, scoresPerPart.length),
          );
    const candidate = new HttpAgent(context.app);
    expectStatus(await candidate.post(`/api/portal/${sent.token}/start`), 200);
    const zip = await referenceZip();
    for (const [index, scores] of scoresPerPart.entries())
      for (const score of scores) {
        expectStatus(await uploadTo(candidate, sent.token, "solution.zip", zip, index + 1), 201);
        await context.handle.db.execute(
          sql`update gradings set status = 'graded', score = ${score}, finished_at = now()
              where submission_id = (select s.id from assessment_submissions s
                join assessment_parts p on p.id = s.part_id
                where s.assessment_id = ${sent.assessmentId} and p.position = ${index + 1}
                order by s.version desc limit 1)`,
        );
      }
    return { ...sent, candidate };
  }

  async function sendParts(applicationId: string, packIds: string[]) {
    const response = expectStatus(
      await w.managerOn.agent.post(`/api/applications/${applicationId}/assessments`, {
        parts: packIds.map((packId) => ({ packId })),
        deadlineAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
      }),
      201,
    ).json<{ assessment: { id: string }; candidateUrl: string }>();
    return {
      assessmentId: response.assessment.id,
      token: response.candidateUrl.split("/assess/")[1] ?? "",
    };
  }

  const partOf = (assessment: TAssessment["assessment"], position: number) => {
    const part = assessment.parts.find((p) => p.position === position);
    if (!part) throw new Error(`no part ${position}`);
    return part;
  };

  const read = async (agent: HttpAgent, assessmentId: string) =>
    expectStatus(await agent.get(`/api/assessments/${assessmentId}`), 200).json<TAssessment>()
      .assessment;

  it("counts the newest by default and says so; a lead picks another with a reason, audited", async () => {
    const sent = await uploaded([100, 40]);
    const before = await read(w.managerOn.agent, sent.assessmentId);
    expect(partOf(before, 1).counting).toMatchObject({
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

    const first = partOf(before, 1).submissions.find((s) => s.version === 1)?.id ?? "";
    const url = `/api/assessments/${sent.assessmentId}/parts/1/counting-version`;
    const reason = "Version 2 was uploaded by mistake after the deadline call.";
    // A recruiter runs the pipeline but does not choose results.
    expect((await w.recruiterOn.agent.post(url, { submissionId: first, reason })).statusCode).toBe(
      403,
    );

    const chosen = expectStatus(
      await w.managerOn.agent.post(url, { submissionId: first, reason }),
      200,
    ).json<TAssessment>().assessment;
    expect(partOf(chosen, 1).counting).toMatchObject({
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
      { action: "assessment.counting_version_chosen", after: { part: 1, version: 1, reason } },
    ]);

    // A later upload does not silently replace a chosen result: the choice stands, now "1 of 3".
    expectStatus(
      await uploadTo(sent.candidate, sent.token, "again.zip", await referenceZip()),
      201,
    );
    const later = await read(w.admin, sent.assessmentId);
    expect(partOf(later, 1).counting).toMatchObject({ version: 1, of: 3, chosen: { reason } });
  });

  it("refuses a choice without a reason or of another assessment's version with a 400", async () => {
    const one = await uploaded([70]);
    const other = await uploaded([80]);
    const url = `/api/assessments/${one.assessmentId}/parts/1/counting-version`;
    const mine =
      partOf(await read(w.managerOn.agent, one.assessmentId), 1).submissions[0]?.id ?? "";
    const theirs =
      partOf(await read(w.managerOn.agent, other.assessmentId), 1).submissions[0]?.id ?? "";

    const noReason = await w.managerOn.agent.post(url, { submissionId: mine, reason: "  " });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).fields?.[0]?.field).toBe("reason");

    const foreign = await w.managerOn.agent.post(url, {
      submissionId: theirs,
      reason: "Looks like the better one.",
    });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).fields?.[0]?.field).toBe("submissionId");
    expect(partOf(await read(w.managerOn.agent, one.assessmentId), 1).counting?.chosen).toBeNull();

    // A part the assessment does not have is a 404 that says how many it has.
    const missing = await w.managerOn.agent.post(
      `/api/assessments/${one.assessmentId}/parts/2/counting-version`,
      { submissionId: mine, reason: "Looks like the better one." },
    );
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).message).toContain("no part 2");
  });

  it("keeps one choice per part: each part counts its own versions", async () => {
    const sent = await uploaded([90, 30], [20, 60]);
    const before = await read(w.managerOn.agent, sent.assessmentId);
    expect(partOf(before, 1).counting).toMatchObject({ version: 2, of: 2, grading: { score: 30 } });
    expect(partOf(before, 2).counting).toMatchObject({ version: 2, of: 2, grading: { score: 60 } });

    const partOne = partOf(before, 1).submissions.find((s) => s.version === 1)?.id ?? "";
    const partTwo = partOf(before, 2).submissions.find((s) => s.version === 1)?.id ?? "";
    const reason = "The second upload broke the build on purpose to test us.";
    // A version of part 1 is not one of part 2's, even within the same assessment.
    const crossed = await w.managerOn.agent.post(
      `/api/assessments/${sent.assessmentId}/parts/2/counting-version`,
      { submissionId: partOne, reason },
    );
    expect(crossed.statusCode).toBe(400);
    expect(errorOf(crossed).fields?.[0]?.field).toBe("submissionId");

    const chosen = expectStatus(
      await w.admin.post(`/api/assessments/${sent.assessmentId}/parts/1/counting-version`, {
        submissionId: partOne,
        reason,
      }),
      200,
    ).json<TAssessment>().assessment;
    expect(partOf(chosen, 1).counting).toMatchObject({ version: 1, grading: { score: 90 } });
    // Part 2 still counts its newest, untouched by part 1's choice.
    expect(partOf(chosen, 2).counting).toMatchObject({ version: 2, chosen: null });
    expect(partTwo).not.toBe(partOne);
  });
});
