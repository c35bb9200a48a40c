import { adminOnly, applicationReaders } from "./access-matrix.js";
import type { TRow } from "./access-matrix.js";
import { expectStatus } from "./hiring-world.js";
import type { THiringWorld } from "./hiring-world.js";

/**
 * The privacy routes' rows of the access matrix (modules/access/access-matrix.routes.test.ts):
 * only admins change the settings, preview retention, export, erase or read the access trail;
 * the consent records read like the candidate they belong to.
 */
export function privacyAccessRows(world: () => THiringWorld): TRow[] {
  let counter = 0;
  return [
    {
      route: "GET /api/privacy/settings",
      operationId: "getPrivacySettings",
      expect: adminOnly(200),
      request: () => ({ url: "/api/privacy/settings" }),
    },
    {
      route: "PUT /api/privacy/settings",
      operationId: "updatePrivacySettings",
      expect: adminOnly(200),
      request: () => ({
        url: "/api/privacy/settings",
        body: { privacyNoticeUrl: null, retentionMonths: null },
      }),
    },
    {
      route: "GET /api/privacy/retention/preview",
      operationId: "previewRetention",
      expect: adminOnly(200),
      request: () => ({ url: "/api/privacy/retention/preview?months=12" }),
    },
    {
      route: "GET /api/candidates/:candidateId/consents",
      operationId: "listCandidateConsents",
      expect: applicationReaders(200),
      request: () => ({ url: `/api/candidates/${world().main.candidateId}/consents` }),
    },
    {
      route: "GET /api/candidates/:candidateId/access-trail",
      operationId: "listCandidateAccessTrail",
      expect: adminOnly(200),
      request: () => ({ url: `/api/candidates/${world().main.candidateId}/access-trail` }),
    },
    {
      route: "GET /api/candidates/:candidateId/export",
      operationId: "exportCandidate",
      expect: adminOnly(200),
      request: () => ({ url: `/api/candidates/${world().main.candidateId}/export` }),
    },
    {
      route: "POST /api/candidates/:candidateId/erase",
      operationId: "eraseCandidate",
      expect: adminOnly(200),
      // A fresh candidate per caller: erasure cannot be repeated.
      request: async () => {
        const name = `Erasable Person ${++counter}`;
        const candidate = expectStatus(
          await world().admin.post("/api/candidates", {
            name,
            email: `erasable${counter}.${Date.now().toString(36)}@example.org`,
          }),
          201,
        ).json<{ candidate: { id: string } }>().candidate;
        return {
          url: `/api/candidates/${candidate.id}/erase`,
          body: { confirmName: name, reason: "The person asked us to delete their data." },
        };
      },
    },
  ];
}
