import { anyone, applicationReaders, leadsOnly, pipelineWriters } from "./access-matrix.js";
import type { TRow } from "./access-matrix.js";
import { referenceZip, sendRestApiAssessment, uploadTo } from "./assessment-world.js";
import { multipartBody } from "./multipart-body.js";
import { expectStatus } from "./hiring-world.js";
import type { THiringWorld } from "./hiring-world.js";

/**
 * The assessment routes' rows of the access matrix (modules/access/access-matrix.routes.test.ts).
 * Sending, revoking and re-grading are pipeline work (admins, the role's recruiters and hiring
 * managers); reading results follows the application (its assigned interviewers too, for the
 * debrief). The candidate portal is public at the gate: the token in the path is the credential,
 * so every caller with the link gets the same answer, signed in or not.
 */
export function assessmentAccessRows(world: () => THiringWorld): TRow[] {
  let zip: Buffer | undefined;
  const solution = async () => (zip ??= await referenceZip());

  /** A fresh assessment on the main application (its interviewers are assigned there). */
  const fresh = async (started = false) => {
    const w = world();
    const sent = await sendRestApiAssessment(w.recruiterOn.agent, w.main.applicationId);
    if (started) expectStatus(await w.anonymous.post(`/api/portal/${sent.token}/start`), 200);
    return sent;
  };
  let submitted: Promise<{ submissionId: string; gradingId: string }> | undefined;
  /** One uploaded submission (its grading stays queued: the matrix runs no worker). */
  const submission = () =>
    (submitted ??= (async () => {
      const w = world();
      const sent = await fresh(true);
      expectStatus(await uploadTo(w.anonymous, sent.token, "solution.zip", await solution()), 201);
      const read = expectStatus(
        await w.recruiterOn.agent.get(`/api/assessments/${sent.assessmentId}`),
        200,
      ).json<{
        assessment: {
          parts: { submissions: { id: string; latestGrading: { id: string } | null }[] }[];
        };
      }>();
      const first = read.assessment.parts[0]?.submissions[0];
      return { submissionId: first?.id ?? "", gradingId: first?.latestGrading?.id ?? "" };
    })());

  return [
    {
      route: "GET /api/applications/:applicationId/assessment-packs",
      operationId: "listAssessmentPacks",
      expect: pipelineWriters(200),
      request: () => ({ url: `/api/applications/${world().main.applicationId}/assessment-packs` }),
    },
    {
      route: "POST /api/applications/:applicationId/assessments",
      operationId: "sendAssessment",
      expect: pipelineWriters(201),
      request: () => ({
        url: `/api/applications/${world().main.applicationId}/assessments`,
        body: {
          packId: "rest-api",
          deadlineAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        },
      }),
    },
    {
      route: "GET /api/applications/:applicationId/assessments",
      operationId: "listApplicationAssessments",
      expect: applicationReaders(200),
      request: () => ({ url: `/api/applications/${world().main.applicationId}/assessments` }),
    },
    {
      route: "GET /api/assessments/:assessmentId",
      operationId: "getAssessment",
      expect: applicationReaders(200),
      request: async () => ({ url: `/api/assessments/${(await fresh()).assessmentId}` }),
    },
    {
      route: "POST /api/assessments/:assessmentId/revoke",
      operationId: "revokeAssessment",
      expect: pipelineWriters(200),
      request: async () => ({ url: `/api/assessments/${(await fresh()).assessmentId}/revoke` }),
    },
    {
      // Choosing the counting version is the role's lead's call: hiring managers on the team, admins.
      route: "POST /api/assessments/:assessmentId/parts/:part/counting-version",
      operationId: "chooseCountingVersion",
      expect: leadsOnly(200),
      // Another team's hiring manager passes the gate but cannot see the application.
      otherTeam: { managerOtherTeam: 404 },
      request: async () => {
        const w = world();
        const sent = await fresh(true);
        expectStatus(
          await uploadTo(w.anonymous, sent.token, "solution.zip", await solution()),
          201,
        );
        const read = expectStatus(
          await w.recruiterOn.agent.get(`/api/assessments/${sent.assessmentId}`),
          200,
        ).json<{ assessment: { parts: { submissions: { id: string }[] }[] } }>();
        return {
          url: `/api/assessments/${sent.assessmentId}/parts/1/counting-version`,
          body: {
            submissionId: read.assessment.parts[0]?.submissions[0]?.id ?? "",
            reason: "The only version, chosen on purpose.",
          },
        };
      },
    },
    {
      route: "GET /api/gradings/:gradingId",
      operationId: "getGrading",
      expect: applicationReaders(200),
      request: async () => ({ url: `/api/gradings/${(await submission()).gradingId}` }),
    },
    {
      route: "POST /api/submissions/:submissionId/regrade",
      operationId: "regradeSubmission",
      expect: pipelineWriters(201),
      request: async () => ({
        url: `/api/submissions/${(await submission()).submissionId}/regrade`,
      }),
    },
    {
      route: "GET /api/submissions/:submissionId/files",
      operationId: "listSubmissionFiles",
      expect: applicationReaders(200),
      request: async () => ({ url: `/api/submissions/${(await submission()).submissionId}/files` }),
    },
    {
      route: "GET /api/submissions/:submissionId/file",
      operationId: "getSubmissionFile",
      expect: applicationReaders(200),
      request: async () => ({
        url: `/api/submissions/${(await submission()).submissionId}/file?path=mine%2Fmanage.py`,
      }),
    },
    {
      // Not fingerprinted here (no worker): "pending", but the gate and need-to-know are the same.
      route: "GET /api/submissions/:submissionId/similarity",
      operationId: "getSubmissionSimilarity",
      expect: applicationReaders(200),
      request: async () => ({
        url: `/api/submissions/${(await submission()).submissionId}/similarity`,
      }),
    },
    {
      route: "GET /api/portal/:token",
      operationId: "getPortalAssessment",
      expect: anyone(200),
      request: async () => ({ url: `/api/portal/${(await fresh()).token}` }),
    },
    {
      route: "POST /api/portal/:token/start",
      operationId: "startPortalAssessment",
      expect: anyone(200),
      request: async () => ({ url: `/api/portal/${(await fresh()).token}/start` }),
    },
    {
      route: "POST /api/portal/:token/parts/:part/start",
      operationId: "startPortalPart",
      expect: anyone(200),
      request: async () => ({ url: `/api/portal/${(await fresh()).token}/parts/1/start` }),
    },
    {
      route: "GET /api/portal/:token/parts/:part/starter.zip",
      operationId: "downloadPortalStarter",
      expect: anyone(200),
      request: async () => ({ url: `/api/portal/${(await fresh()).token}/parts/1/starter.zip` }),
    },
    {
      route: "POST /api/portal/:token/finish",
      operationId: "finishPortalAssessment",
      expect: anyone(200),
      request: async () => {
        const sent = await fresh(true);
        expectStatus(
          await uploadTo(world().anonymous, sent.token, "solution.zip", await solution()),
          201,
        );
        return { url: `/api/portal/${sent.token}/finish` };
      },
    },
    {
      route: "POST /api/portal/:token/parts/:part/submissions",
      operationId: "submitPortalAssessment",
      expect: anyone(201),
      request: async () => {
        const body = multipartBody([
          {
            field: "file",
            filename: "solution.zip",
            bytes: await solution(),
            contentType: "application/zip",
          },
        ]);
        return {
          url: `/api/portal/${(await fresh(true)).token}/parts/1/submissions`,
          body: body.payload,
          headers: body.headers,
        };
      },
    },
  ];
}
