import { readFile } from "node:fs/promises";
import path from "node:path";
import { assessmentsDir } from "../grader/paths.js";
import { expectStatus } from "./hiring-world.js";
import type { HttpAgent } from "./http-agent.js";
import { multipartBody } from "./multipart-body.js";

/** The architecture pack's reference design document, as a candidate would upload it. */
export async function referenceDesign(): Promise<string> {
  return readFile(path.join(assessmentsDir, "architecture", "reference", "DESIGN.md"), "utf8");
}

/** Passages of the reference document, one per rubric dimension, as a reviewer would quote them. */
export const REFERENCE_QUOTES: Record<string, string> = {
  "requirements-estimates": "Parcels: 2.5 M/month ≈ 83 k/day ≈ 1 per second on average",
  // Spans a line break in the source: quotes are compared with whitespace collapsed.
  "data-model-api": "every door event is searchable for two years; personal data is erased after.",
  // Copied from the rendered page: the source has **bold** marks around part of it.
  "scaling-failure": "~7.5 M/month, 180 M rows over two years; at ~300 bytes per row",
  "security-operations": "Lockers keep working offline for an hour.",
  "reasoning-communication": "Not in scope: courier route planning, payments",
};

/** A complete draft body for the architecture rubric, every dimension rated `rating`. */
export function completeDesignReview(rating: number, revision = 0) {
  return {
    revision,
    summary: "Sound design for the team's size.",
    scores: Object.entries(REFERENCE_QUOTES).map(([dimensionId, quote]) => ({
      dimensionId,
      rating,
      quote,
      note: "",
    })),
  };
}

/** An architecture part of an assessment: its portal and review addresses. */
export type TDocumentPart = {
  assessmentId: string;
  token: string;
  /** The architecture part's number. */
  part: number;
  /** `/api/portal/:token/parts/:part` */
  portal: string;
  /** `/api/assessments/:assessmentId/parts/:part/design-review` */
  review: string;
};

/**
 * Sends the architecture pack on an application and starts its clock. Alone it is a one-part
 * assessment; `afterProject` puts a graded project pack first, so the document is part 2.
 */
export async function sendArchitectureAssessment(
  sender: HttpAgent,
  candidate: HttpAgent,
  applicationId: string,
  options: { afterProject?: boolean } = {},
): Promise<TDocumentPart> {
  const response = expectStatus(
    await sender.post(`/api/applications/${applicationId}/assessments`, {
      ...(options.afterProject
        ? { parts: [{ packId: "debug" }, { packId: "architecture" }] }
        : { packId: "architecture" }),
      deadlineAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
    }),
    201,
  ).json<{ assessment: { id: string }; candidateUrl: string }>();
  const token = response.candidateUrl.split("/assess/")[1] ?? "";
  expectStatus(await candidate.post(`/api/portal/${token}/start`), 200);
  const assessmentId = response.assessment.id;
  const part = options.afterProject ? 2 : 1;
  return {
    assessmentId,
    token,
    part,
    portal: `/api/portal/${token}/parts/${part}`,
    review: `/api/assessments/${assessmentId}/parts/${part}/design-review`,
  };
}

/** Uploads a document file to the architecture part through the portal. */
export function uploadDocumentTo(
  agent: HttpAgent,
  to: Pick<TDocumentPart, "portal">,
  filename: string,
  bytes: Uint8Array,
  contentType = "text/markdown",
) {
  const body = multipartBody([{ field: "file", filename, bytes, contentType }]);
  return agent.request({
    method: "POST",
    url: `${to.portal}/submissions`,
    payload: body.payload,
    headers: body.headers,
  });
}

/** Saves a complete draft and submits it; returns the submitted review. */
export async function submitDesignReview(
  agent: HttpAgent,
  of: Pick<TDocumentPart, "review">,
  rating = 3,
) {
  const draft = expectStatus(
    await agent.put(`${of.review}/draft`, completeDesignReview(rating)),
    200,
  ).json<{ review: { revision: number } }>().review;
  return expectStatus(
    await agent.post(`${of.review}/submit`, { revision: draft.revision }),
    200,
  ).json<{ review: { id: string; status: string } }>().review;
}
