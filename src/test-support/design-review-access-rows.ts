import { anyone, applicationReaders } from "./access-matrix.js";
import type { TActorName, TExpect, TRow } from "./access-matrix.js";
import {
  completeDesignReview,
  referenceDesign,
  sendArchitectureAssessment,
  uploadDocumentTo,
} from "./design-review-world.js";
import { expectStatus } from "./hiring-world.js";
import type { THiringWorld } from "./hiring-world.js";

// Reviewers are the role's hiring managers and the application's assigned interviewers; those who
// see the application but do not review it (admins, recruiters) are told so.
const reviewersOnly = (ok: number): TExpect => ({
  ...applicationReaders(ok),
  admin: 403,
  recruiterOn: 403,
});

/**
 * The design-review rows of the access matrix (modules/access/access-matrix.routes.test.ts):
 * reading follows the application (what each caller then sees of other reviews is the
 * independence rule, tested in design-reviews.routes.test.ts); writing is for reviewers. The
 * pasted-text upload is a portal route: the token is the credential.
 */
export function designReviewAccessRows(world: () => THiringWorld): TRow[] {
  /** A fresh one-part architecture assessment on the main application, the reference uploaded. */
  const uploaded = async () => {
    const w = world();
    const sent = await sendArchitectureAssessment(
      w.recruiterOn.agent,
      w.anonymous,
      w.main.applicationId,
    );
    const design = Buffer.from(await referenceDesign());
    expectStatus(await uploadDocumentTo(w.anonymous, sent, "DESIGN.md", design), 201);
    return sent;
  };
  let shared: ReturnType<typeof uploaded> | undefined;
  const one = () => (shared ??= uploaded());

  /** For a reviewer, a fresh assessment with their complete draft saved; its revision to submit. */
  async function draftFor(actor: TActorName) {
    const w = world();
    const sent = await uploaded();
    const agent =
      actor === "managerOn"
        ? w.managerOn.agent
        : actor === "interviewerAssigned"
          ? w.interviewerA.agent
          : null;
    if (agent === null) return { review: sent.review, revision: 1 };
    const draft = expectStatus(
      await agent.put(`${sent.review}/draft`, completeDesignReview(3)),
      200,
    ).json<{ review: { revision: number } }>().review;
    return { review: sent.review, revision: draft.revision };
  }

  return [
    {
      route: "GET /api/assessments/:assessmentId/parts/:part/design-review",
      operationId: "getDesignReview",
      expect: applicationReaders(200),
      request: async () => ({
        url: (await one()).review,
      }),
    },
    {
      route: "PUT /api/assessments/:assessmentId/parts/:part/design-review/draft",
      operationId: "saveDesignReviewDraft",
      expect: reviewersOnly(200),
      request: async () => ({
        url: `${(await uploaded()).review}/draft`,
        body: completeDesignReview(3),
      }),
    },
    {
      route: "POST /api/assessments/:assessmentId/parts/:part/design-review/submit",
      operationId: "submitDesignReview",
      expect: reviewersOnly(200),
      request: async (actor) => {
        const { review, revision } = await draftFor(actor);
        return {
          url: `${review}/submit`,
          body: { revision },
        };
      },
    },
    {
      route: "POST /api/portal/:token/parts/:part/document-text",
      operationId: "submitPortalDocumentText",
      expect: anyone(201),
      request: async () => {
        const w = world();
        const sent = await sendArchitectureAssessment(
          w.recruiterOn.agent,
          w.anonymous,
          w.main.applicationId,
        );
        return {
          url: `${sent.portal}/document-text`,
          body: {
            text: "# Design\n\n## Caching\n\nThe tracking page is cached for thirty seconds.",
          },
        };
      },
    },
  ];
}
