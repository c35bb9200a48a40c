import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPack } from "../../grader/pack.js";
import { ensureRuntime } from "../../grader/runtime.js";
import { fingerprintSubmission } from "../../grader/similarity/fingerprint-submission.js";
import {
  referenceZip,
  sendRestApiAssessment,
  uploadTo,
} from "../../test-support/assessment-world.js";
import { scratchDir, variantOf, zipDirectory } from "../../test-support/grader-submissions.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import type { HttpAgent } from "../../test-support/http-agent.js";
import { renamedReferenceFiles } from "../../test-support/similarity-submissions.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { SIMILARITY_FLAG_PERCENT } from "./similarity-ranking.js";
import type { TSimilarityResponse } from "./similarity.schema.js";

// The suite's own sandbox uid slot (see winnow.test.ts).
const SLOT = 121;

describe.each(testDatabaseKinds())("similarity between submissions on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  let original: Buffer;
  let renamed: Buffer;
  // The reference on the first team's role; a renamed copy on the other team's role.
  let first: { submissionId: string; applicationId: string };
  let copy: { submissionId: string; applicationId: string };
  // The link's token is shown once, at sending; kept for the first candidate's second upload.
  let firstLink = { token: "", assessmentId: "" };

  /** Sends the pack (unless `sent` is given), starts, uploads; returns the new submission's id. */
  async function submit(
    agent: HttpAgent,
    applicationId: string,
    zip: Buffer,
    sent?: { token: string; assessmentId: string },
  ) {
    const link = sent ?? (await sendRestApiAssessment(agent, applicationId));
    if (!sent) expectStatus(await w.anonymous.post(`/api/portal/${link.token}/start`), 200);
    expectStatus(await uploadTo(w.anonymous, link.token, "solution.zip", zip), 201);
    const read = expectStatus(await agent.get(`/api/assessments/${link.assessmentId}`), 200).json<{
      assessment: { parts: { submissions: { id: string }[] }[] };
    }>();
    // One part; its versions newest first.
    return { submissionId: read.assessment.parts[0]?.submissions[0]?.id ?? "", link };
  }

  /** What the grading job does after the grade: fingerprint in the sandbox, then record. */
  async function fingerprint(submissionId: string, zip: Buffer) {
    const file = path.join(await scratchDir("similarity-test"), "submission.zip");
    await writeFile(file, zip);
    const fingerprints = await fingerprintSubmission({
      packId: "rest-api",
      source: file,
      slot: SLOT,
    });
    return ctx.services.similarityService.recordFingerprints({ submissionId, fingerprints });
  }

  const similarityOf = async (agent: HttpAgent, submissionId: string) =>
    expectStatus(
      await agent.get(`/api/submissions/${submissionId}/similarity`),
      200,
    ).json<TSimilarityResponse>().similarity;

  beforeAll(async () => {
    await ensureRuntime();
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
    const pack = await loadPack("rest-api");
    original = await referenceZip();
    renamed = await readFile(
      await zipDirectory(
        await variantOf(pack.referenceDir, await renamedReferenceFiles(pack.referenceDir)),
      ),
    );
    const a = await submit(w.recruiterOn.agent, w.main.applicationId, original);
    first = { submissionId: a.submissionId, applicationId: w.main.applicationId };
    firstLink = a.link;
    const b = await submit(w.otherTeam.recruiter.agent, w.otherTeam.applicationId, renamed);
    copy = { submissionId: b.submissionId, applicationId: w.otherTeam.applicationId };
  }, 120_000);
  afterAll(async () => ctx.close());

  it("reads as pending until the grading job has fingerprinted the submission", async () => {
    const pending = await similarityOf(w.recruiterOn.agent, first.submissionId);
    expect(pending).toMatchObject({ status: "pending", matches: [] });
  });

  it("shows a later match on both reports, the other candidate named only to who may see them", async () => {
    const earlier = await fingerprint(first.submissionId, original);
    expect(earlier.matches).toBe(0);
    const later = await fingerprint(copy.submissionId, renamed);
    expect(later.matches).toBeGreaterThanOrEqual(2); // its own entry and the mirror on the first

    // The first team sees the match on its candidate's report, without the other team's name.
    const mine = await similarityOf(w.recruiterOn.agent, first.submissionId);
    expect(mine.status).toBe("compared");
    expect(mine.matches).toHaveLength(1);
    const [match] = mine.matches;
    expect(match?.percent).toBeGreaterThanOrEqual(95);
    expect(match?.candidate).toBeNull();
    expect(JSON.stringify(mine)).not.toContain("Noor Haddad");
    expect(JSON.stringify(mine)).not.toContain(w.otherTeam.applicationId);
    // Side by side: the same view in both, renamed on the other side.
    const views = match?.regions.find((r) => r.this.path === "tasks/views.py");
    expect(views?.other.path).toBe("tasks/views.py");
    expect(views?.this.lines.some((l) => l.matched && l.text.includes("TaskViewSet"))).toBe(true);
    expect(views?.other.lines.some((l) => l.matched && l.text.includes("TodoEndpoint"))).toBe(true);
    // Of a candidate the caller cannot see, only the matched lines themselves.
    expect(match?.regions.every((r) => r.other.lines.every((l) => l.matched))).toBe(true);

    // The other team sees it from their side, equally anonymous.
    const theirs = await similarityOf(w.otherTeam.recruiter.agent, copy.submissionId);
    expect(theirs.matches.map((m) => [m.percent, m.candidate])).toEqual([[match?.percent, null]]);

    // An admin sees both roles, so the other candidate is named, with role and version.
    const admin = await similarityOf(w.admin, first.submissionId);
    expect(admin.matches[0]?.candidate).toEqual({
      applicationId: copy.applicationId,
      name: "Noor Haddad",
      roleTitle: "Django Engineer — Logistics",
      submissionVersion: 1,
    });
    expect(admin.matches[0]?.regions[0]?.other.lines.some((l) => !l.matched)).toBe(true);
  });

  it("follows the application: invisible is 404, an assigned interviewer reads it", async () => {
    expect(
      (await w.recruiterOff.agent.get(`/api/submissions/${first.submissionId}/similarity`))
        .statusCode,
    ).toBe(404);
    expect(
      (await w.otherTeam.manager.agent.get(`/api/submissions/${first.submissionId}/similarity`))
        .statusCode,
    ).toBe(404);
    const interviewer = await similarityOf(w.interviewerA.agent, first.submissionId);
    expect(interviewer.matches[0]?.candidate).toBeNull();
    const bad = await w.admin.get(`/api/submissions/not-a-uuid/similarity`);
    expect(bad.statusCode).toBe(400);
  });

  it("never compares a candidate with their own uploads, and keeps one match per other assessment", async () => {
    const read = expectStatus(
      await w.recruiterOn.agent.get(`/api/applications/${w.main.applicationId}/assessments`),
      200,
    ).json<{ assessments: { id: string }[] }>();
    expect(read.assessments).toHaveLength(1);
    // A second version of the first candidate's upload: same code, same assessment.
    const again = await submit(w.recruiterOn.agent, w.main.applicationId, original, firstLink);
    await fingerprint(again.submissionId, original);
    const second = await similarityOf(w.admin, again.submissionId);
    expect(second.matches.map((m) => m.candidate?.applicationId)).toEqual([copy.applicationId]);
    // The copy's report lists the first candidate once, not once per version.
    const copyView = await similarityOf(w.admin, copy.submissionId);
    expect(copyView.matches).toHaveLength(1);
  });

  it("gives the shortlist the highest percentage per application, naming nobody", async () => {
    const similarity = ctx.services.similarityService;
    const mine = await similarity.similarityMatchesForRole(w.role.id);
    expect(mine.get(first.applicationId)).toBeGreaterThanOrEqual(SIMILARITY_FLAG_PERCENT);
    // Only the role's own applications: the copy on the other team's role is not listed here.
    expect([...mine.keys()]).toEqual([first.applicationId]);
    const theirs = await similarity.similarityMatchesForRole(w.otherTeam.role.id);
    expect(theirs.get(copy.applicationId)).toBeGreaterThanOrEqual(SIMILARITY_FLAG_PERCENT);
    // An application with no submission has no entry.
    const unrelated = await w.newApplication();
    expect(
      (await similarity.similarityMatchesForRole(w.role.id)).has(unrelated.applicationId),
    ).toBe(false);
  });
});
