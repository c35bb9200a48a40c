import { leadsOnly } from "./access-matrix.js";
import type { TRow } from "./access-matrix.js";
import { expectStatus } from "./hiring-world.js";
import type { THiringWorld } from "./hiring-world.js";

/**
 * The rejection-feedback rows of the access matrix: like decisions, the role's hiring managers and
 * admins only (the draft stands on every scorecard), and another team's manager finds nothing.
 */
export function feedbackAccessRows(world: () => THiringWorld): TRow[] {
  /** A fresh rejected application, its feedback drafted (and approved) by the admin if asked. */
  async function rejected(stage: "none" | "draft" | "approved") {
    const w = world();
    const fresh = await w.newApplication("technical-screen");
    const base = `/api/applications/${fresh.applicationId}`;
    expectStatus(
      await w.recruiterOn.agent.post(`${base}/reject`, { reason: "Not the right level for now." }),
      200,
    );
    if (stage !== "none") expectStatus(await w.admin.post(`${base}/feedback`, {}), 201);
    if (stage === "approved")
      expectStatus(await w.admin.post(`${base}/feedback/approve`, { revision: 1 }), 200);
    return base;
  }
  const otherTeam = { managerOtherTeam: 404 };
  return [
    {
      route: "GET /api/applications/:applicationId/feedback",
      operationId: "getFeedback",
      otherTeam,
      expect: leadsOnly(200),
      request: () => ({ url: `/api/applications/${world().main.applicationId}/feedback` }),
    },
    {
      route: "POST /api/applications/:applicationId/feedback",
      operationId: "draftFeedback",
      otherTeam,
      expect: leadsOnly(201),
      request: async () => ({ url: `${await rejected("none")}/feedback`, body: {} }),
    },
    {
      route: "PUT /api/applications/:applicationId/feedback",
      operationId: "updateFeedback",
      otherTeam,
      expect: leadsOnly(200),
      request: async () => ({
        url: `${await rejected("draft")}/feedback`,
        body: {
          body: "Thank you for your time. Your testing was a strength; grow your ORM depth.",
          revision: 1,
        },
      }),
    },
    {
      route: "POST /api/applications/:applicationId/feedback/approve",
      operationId: "approveFeedback",
      otherTeam,
      expect: leadsOnly(200),
      request: async () => ({
        url: `${await rejected("draft")}/feedback/approve`,
        body: { revision: 1 },
      }),
    },
    {
      route: "POST /api/applications/:applicationId/feedback/send",
      operationId: "sendFeedback",
      otherTeam,
      expect: leadsOnly(200),
      request: async () => ({
        url: `${await rejected("approved")}/feedback/send`,
        body: { revision: 1 },
      }),
    },
    {
      route: "GET /api/applications/:applicationId/feedback.md",
      operationId: "downloadFeedback",
      otherTeam,
      expect: leadsOnly(200),
      request: async () => ({ url: `${await rejected("approved")}/feedback.md` }),
    },
  ];
}
