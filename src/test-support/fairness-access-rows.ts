import { anyone, leadsOnly } from "./access-matrix.js";
import type { TRow } from "./access-matrix.js";
import { sendRestApiAssessment } from "./assessment-world.js";
import type { THiringWorld } from "./hiring-world.js";

const ANSWERS = { sex: "female", raceEthnicity: null, veteranStatus: null, disability: "no" };

/**
 * The fairness routes' rows of the access matrix (modules/access/access-matrix.routes.test.ts):
 * self-identification is the candidate's, behind the portal link like the rest of the portal;
 * the adverse-impact report is for admins and the role's hiring managers only.
 */
export function fairnessAccessRows(world: () => THiringWorld): TRow[] {
  let token: Promise<string> | undefined;
  const link = () =>
    (token ??= sendRestApiAssessment(world().recruiterOn.agent, world().main.applicationId).then(
      (sent) => sent.token,
    ));
  return [
    {
      route: "GET /api/portal/:token/self-identification",
      operationId: "getPortalSelfIdentification",
      expect: anyone(200),
      request: async () => ({ url: `/api/portal/${await link()}/self-identification` }),
    },
    {
      route: "PUT /api/portal/:token/self-identification",
      operationId: "savePortalSelfIdentification",
      expect: anyone(200),
      request: async () => ({
        url: `/api/portal/${await link()}/self-identification`,
        body: ANSWERS,
      }),
    },
    {
      route: "DELETE /api/portal/:token/self-identification",
      operationId: "withdrawPortalSelfIdentification",
      expect: anyone(200),
      request: async () => ({ url: `/api/portal/${await link()}/self-identification` }),
    },
    {
      route: "GET /api/analytics/fairness",
      operationId: "getFairnessReport",
      // The route gate lets any hiring manager in; another team's manager still finds nothing.
      otherTeam: { managerOtherTeam: 404 },
      expect: leadsOnly(200),
      request: () => ({ url: `/api/analytics/fairness?roleId=${world().role.id}` }),
    },
  ];
}
