import { pipelineWriters } from "./access-matrix.js";
import type { TRow } from "./access-matrix.js";
import { buildResumePdf } from "./resume-fixtures.js";
import { expectStatus } from "./hiring-world.js";
import type { THiringWorld } from "./hiring-world.js";
import { multipartBody } from "./multipart-body.js";
import { proposeChecklist } from "../modules/screening/screening-checklist.js";

/**
 * The screening routes' rows of the access matrix (modules/access/access-matrix.routes.test.ts).
 * Screening is pipeline work: admins, and the role's recruiters and hiring managers; recruiters off
 * the team get 404 (they cannot see the role), interviewers stop at the route gate (403).
 */
const RESUME = [
  "Kari Nordmann",
  "kari@example.com",
  { heading: "Experience" },
  { bullet: "Five years of Python and Django, REST APIs with DRF, PostgreSQL." },
] as const;

export function screeningAccessRows(world: () => THiringWorld): TRow[] {
  let counter = 0;
  let pdf: Uint8Array | undefined;
  const resumeFile = async () => (pdf ??= await buildResumePdf([...RESUME]));
  const resumeUpload = async () =>
    multipartBody([{ field: "file", filename: "cv.pdf", bytes: await resumeFile() }]);

  /** A fresh application in the résumé screen with a résumé uploaded by the team's recruiter. */
  async function screenable() {
    const w = world();
    const fresh = await w.newApplication("resume-screen");
    const upload = await resumeUpload();
    expectStatus(
      await w.recruiterOn.agent.request({
        method: "POST",
        url: `/api/candidates/${fresh.candidateId}/resume`,
        ...upload,
      }),
      201,
    );
    return fresh;
  }
  let shared: Promise<{ candidateId: string; applicationId: string }> | undefined;
  const sharedScreenable = () => (shared ??= screenable());

  let batch: Promise<string> | undefined;
  const sharedBatch = () =>
    (batch ??= (async () => {
      const w = world();
      const response = expectStatus(
        await w.recruiterOn.agent.request({
          method: "POST",
          url: `/api/roles/${w.role.id}/intake-batches`,
          ...multipartBody([
            { field: "files", filename: "a.txt", bytes: Buffer.from("Django developer") },
          ]),
        }),
        202,
      );
      return response.json<{ batch: { id: string } }>().batch.id;
    })());

  return [
    {
      route: "GET /api/roles/:roleId/screening-settings",
      operationId: "getScreeningSettings",
      expect: pipelineWriters(200),
      request: () => ({ url: `/api/roles/${world().role.id}/screening-settings` }),
    },
    {
      route: "PUT /api/roles/:roleId/screening-settings",
      operationId: "updateScreeningSettings",
      expect: pipelineWriters(200),
      request: () => ({
        url: `/api/roles/${world().role.id}/screening-settings`,
        body: { checklist: proposeChecklist({ level: "senior" }), blind: false },
      }),
    },
    {
      route: "POST /api/candidates/:candidateId/resume",
      operationId: "uploadResume",
      expect: pipelineWriters(201),
      request: async () => {
        const fresh = await world().newApplication("resume-screen");
        const upload = await resumeUpload();
        return {
          url: `/api/candidates/${fresh.candidateId}/resume`,
          body: upload.payload,
          headers: upload.headers,
        };
      },
    },
    {
      route: "GET /api/candidates/:candidateId/resume",
      operationId: "getResume",
      expect: pipelineWriters(200),
      request: async () => ({
        url: `/api/candidates/${(await sharedScreenable()).candidateId}/resume`,
      }),
    },
    {
      route: "GET /api/candidates/:candidateId/resume/file",
      operationId: "downloadResume",
      expect: pipelineWriters(200),
      request: async () => ({
        url: `/api/candidates/${(await sharedScreenable()).candidateId}/resume/file`,
      }),
    },
    {
      route: "GET /api/applications/:applicationId/screening",
      operationId: "getScreening",
      expect: pipelineWriters(200),
      request: async () => ({
        url: `/api/applications/${(await sharedScreenable()).applicationId}/screening`,
      }),
    },
    {
      route: "POST /api/applications/:applicationId/screening",
      operationId: "recordScreen",
      expect: pipelineWriters(201),
      request: async () => {
        const fresh = await screenable();
        const view = expectStatus(
          await world().admin.get(`/api/applications/${fresh.applicationId}/screening`),
          200,
        ).json<{ screening: { checklist: { id: string }[] } }>().screening;
        return {
          url: `/api/applications/${fresh.applicationId}/screening`,
          body: {
            items: view.checklist.map((item) => ({ itemId: item.id, verdict: "met" })),
            outcome: "hold",
          },
        };
      },
    },
    {
      route: "POST /api/roles/:roleId/intake-batches",
      operationId: "createIntakeBatch",
      expect: pipelineWriters(202),
      request: () => {
        const upload = multipartBody([
          { field: "files", filename: "cv.txt", bytes: Buffer.from("Python and Django.") },
        ]);
        return {
          url: `/api/roles/${world().role.id}/intake-batches`,
          body: upload.payload,
          headers: upload.headers,
        };
      },
    },
    {
      route: "GET /api/intake-batches/:batchId",
      operationId: "getIntakeBatch",
      expect: pipelineWriters(200),
      request: async () => ({ url: `/api/intake-batches/${await sharedBatch()}` }),
    },
    {
      route: "POST /api/candidates/import",
      operationId: "importCandidates",
      expect: pipelineWriters(200),
      request: () => ({
        url: "/api/candidates/import",
        body: {
          csv: `name,email\nImported Person,imported${++counter}.${Date.now().toString(36)}@example.org`,
          roleId: world().role.id,
        },
      }),
    },
  ];
}
