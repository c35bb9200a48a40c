import { applicationReaders, pipelineWriters } from "./access-matrix.js";
import type { TRow } from "./access-matrix.js";
import type { THiringWorld } from "./hiring-world.js";

/**
 * The pipeline board's rows: the board reads like the role (an assigned interviewer sees it,
 * holding only their own cards); bulk changes pass the pipeline gate and then answer per
 * application, so a caller off the team gets 200 with NOT_FOUND for each id, never a change.
 */
export function boardAccessRows(world: () => THiringWorld): TRow[] {
  return [
    {
      route: "GET /api/roles/:roleId/board",
      operationId: "getBoard",
      expect: applicationReaders(200),
      request: () => ({ url: `/api/roles/${world().role.id}/board` }),
    },
    {
      route: "POST /api/applications/bulk",
      operationId: "bulkChangeApplications",
      expect: { ...pipelineWriters(200), recruiterOff: 200 },
      otherTeam: { managerOtherTeam: 200 },
      request: async () => {
        const fresh = await world().newApplication();
        return {
          url: "/api/applications/bulk",
          body: {
            action: "move",
            applicationIds: [fresh.applicationId],
            toStageId: world().stage("technical-screen").id,
          },
        };
      },
    },
  ];
}
