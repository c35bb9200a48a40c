import { pipelineWriters } from "./access-matrix.js";
import type { TRow } from "./access-matrix.js";
import type { THiringWorld } from "./hiring-world.js";

/**
 * The shortlist routes' rows of the access matrix (modules/access/access-matrix.routes.test.ts).
 * A shortlist compares candidates, so it is pipeline work: admins and the role's recruiters and
 * hiring managers. Interviewers stop at the gate (403) even for an application they are assigned
 * to; everyone off the team finds nothing (404).
 */
export function shortlistAccessRows(world: () => THiringWorld): TRow[] {
  return [
    {
      route: "GET /api/roles/:roleId/shortlist",
      operationId: "getShortlist",
      expect: pipelineWriters(200),
      request: () => ({ url: `/api/roles/${world().role.id}/shortlist` }),
    },
    {
      route: "GET /api/applications/:applicationId/evidence",
      operationId: "getApplicationEvidence",
      expect: pipelineWriters(200),
      request: () => ({ url: `/api/applications/${world().main.applicationId}/evidence` }),
    },
    {
      route: "GET /api/roles/:roleId/shortlist.csv",
      operationId: "exportShortlistCsv",
      expect: pipelineWriters(200),
      request: () => ({ url: `/api/roles/${world().role.id}/shortlist.csv` }),
    },
    {
      route: "GET /api/applications/:applicationId/packet.pdf",
      operationId: "exportCandidatePacket",
      expect: pipelineWriters(200),
      request: () => ({ url: `/api/applications/${world().main.applicationId}/packet.pdf` }),
    },
  ];
}
