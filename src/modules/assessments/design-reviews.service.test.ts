/* eslint-disable @typescript-eslint/require-await -- the fakes implement async repository methods in memory */
import { describe, expect, it } from "vitest";
import type { TDatabase } from "../../db/client.js";
import { loadPack } from "../../grader/pack.js";
import { failureOf } from "../../test-support/app-error.js";
import { completeDesignReview, referenceDesign } from "../../test-support/design-review-world.js";
import type { TViewerScope } from "../access/viewer-scope.js";
import type { TDesignReviewRow, TDesignReviewsRepo } from "./design-reviews.repo.js";
import { createDesignReviewsService } from "./design-reviews.service.js";

/**
 * The design-review rules with fakes of the service's narrow dependencies (the pack is the real
 * architecture pack): no database, so each case names the state it starts from.
 */
const ROLE = "role-1";
const APPLICATION = { id: "app-1", roleId: ROLE };
const ASSESSMENT = { id: "assessment-1", applicationId: APPLICATION.id };
// A two-part assessment: a project graded automatically, then the design document reviewed.
const PARTS = [
  { id: "part-1", assessmentId: ASSESSMENT.id, position: 1, packId: "debug" },
  { id: "part-2", assessmentId: ASSESSMENT.id, position: 2, packId: "architecture" },
];
const DOCUMENT_PART = 2;
const A = { id: "user-a", role: "interviewer" as const, name: "Ana" };
const B = { id: "user-b", role: "interviewer" as const, name: "Ben" };
const MANAGER = { id: "user-manager", role: "hiring_manager" as const, name: "Mia" };
const actor = (id: string) => ({ userId: id, label: id });

function scopeOf(userId: string): TViewerScope {
  return {
    userId,
    isAdmin: false,
    teamRoleByRole: new Map([
      [ROLE, userId === MANAGER.id ? ("hiring_manager" as const) : ("interviewer" as const)],
    ]),
    assignedApplicationIds: new Set(userId === MANAGER.id ? [] : [APPLICATION.id]),
    assignedRoleIds: new Set([ROLE]),
  };
}

async function world() {
  const design = await referenceDesign();
  const reviews: TDesignReviewRow[] = [];
  const audit: string[] = [];
  const names = new Map([A, B, MANAGER].map((u) => [u.id, u.name]));
  let nextId = 1;
  const withName = (review: TDesignReviewRow) => ({
    review,
    reviewerName: names.get(review.reviewerId) ?? "?",
  });
  const update = (id: string, revision: number, change: Partial<TDesignReviewRow>) => {
    const found = reviews.find(
      (r) => r.id === id && r.revision === revision && r.status === "draft",
    );
    if (!found) return undefined;
    Object.assign(found, change, { revision: revision + 1, updatedAt: new Date() });
    return found;
  };
  const designReviewsRepo: TDesignReviewsRepo = {
    async listForPart(partId: string) {
      return reviews.filter((r) => r.partId === partId).map(withName);
    },
    async insertReview(values) {
      const row = {
        id: `review-${nextId++}`,
        submittedAt: null,
        createdAt: new Date(),
        updatedAt: new Date(),
        ...values,
      };
      reviews.push(row);
      return row;
    },
    async updateDraftAtRevision(id, revision, content) {
      return update(id, revision, content);
    },
    async submitAtRevision(id, revision, at) {
      return update(id, revision, { status: "submitted", submittedAt: at });
    },
    async listSubmittedForApplications(applicationIds: string[]) {
      return reviews
        .filter((r) => r.status === "submitted" && applicationIds.includes(r.applicationId))
        .map((r) => ({
          applicationId: r.applicationId,
          reviewerId: r.reviewerId,
          reviewerName: names.get(r.reviewerId) ?? "?",
          packId: "architecture",
          scores: r.scores,
          submittedAt: r.submittedAt,
        }));
    },
  };
  const submission = {
    submission: {
      id: "submission-1",
      partId: "part-2",
      version: 1,
      isLate: false,
      submittedAt: new Date(),
    },
    file: { filename: "DESIGN.md", sizeBytes: design.length, sha256: "" },
  };
  const service = createDesignReviewsService({
    db: { transaction: async (run: (tx: unknown) => unknown) => run({}) } as unknown as TDatabase,
    designReviewsRepo,
    assessmentsRepo: {
      async findAssessment(id: string) {
        return id === ASSESSMENT.id ? (ASSESSMENT as never) : undefined;
      },
      async listParts() {
        return PARTS as never;
      },
      async listSubmissions() {
        return [submission as never];
      },
      async readSubmissionContent() {
        return Buffer.from(design);
      },
    },
    applicationsRepo: {
      async findSummary() {
        return { application: APPLICATION, candidate: { id: "c-1", name: "Cleo" } } as never;
      },
    },
    viewerScopeRepo: { loadScope: async (viewer: { id: string }) => scopeOf(viewer.id) },
    auditService: {
      async recordEvent(_actor, input) {
        audit.push(input.action);
      },
    },
    packs: { loadPack: (id: string) => loadPack(id) },
  });
  async function submitAs(viewer: typeof A, rating: number) {
    const draft = await service.saveDesignReviewDraft({
      assessmentId: ASSESSMENT.id,
      part: DOCUMENT_PART,
      draft: completeDesignReview(rating),
      viewer,
      actor: actor(viewer.id),
    });
    return service.submitDesignReview({
      assessmentId: ASSESSMENT.id,
      part: DOCUMENT_PART,
      revision: draft.revision,
      viewer,
      actor: actor(viewer.id),
    });
  }
  const pageFor = (viewer: typeof A | typeof MANAGER) =>
    service.getDesignReview({ assessmentId: ASSESSMENT.id, part: DOCUMENT_PART, viewer });
  return { service, reviews, audit, submitAs, pageFor };
}

describe("design reviews service", () => {
  it("keeps a submitted review from a reviewer until they submit their own", async () => {
    const w = await world();
    await w.submitAs(A, 2);
    const before = await w.pageFor(B);
    expect(before.reviews).toEqual([]);
    expect(before.withheldCount).toBe(1);
    await w.submitAs(B, 4);
    const after = await w.pageFor(B);
    expect(after.reviews.map((r) => r.reviewer.name)).toEqual(["Ana"]);
    expect((await w.pageFor(MANAGER)).reviews).toHaveLength(2);
    expect(w.audit).toEqual([
      "design_review.started",
      "design_review.submitted",
      "design_review.started",
      "design_review.submitted",
    ]);
  });

  it("refuses to submit a quote that is not in the document, and a missing rating", async () => {
    const w = await world();
    const body = completeDesignReview(3);
    const first = body.scores[0];
    if (!first) throw new Error("no dimension");
    const draft = await w.service.saveDesignReviewDraft({
      assessmentId: ASSESSMENT.id,
      part: DOCUMENT_PART,
      draft: { ...body, scores: [{ ...first, quote: "Words the candidate never wrote here." }] },
      viewer: A,
      actor: actor(A.id),
    });
    const failure = await failureOf(
      w.service.submitDesignReview({
        assessmentId: ASSESSMENT.id,
        part: DOCUMENT_PART,
        revision: draft.revision,
        viewer: A,
        actor: actor(A.id),
      }),
    );
    expect(failure.code).toBe("VALIDATION_FAILED");
    const fields = (failure.fields ?? []).map((f) => f.field);
    expect(fields).toContain("scores.requirements-estimates.quote");
    expect(fields).toContain("scores.security-operations.rating");
    expect(w.reviews[0]?.status).toBe("draft");
  });

  it("has no review for a part graded automatically, nor for a part the assessment lacks", async () => {
    const w = await world();
    const project = await failureOf(
      w.service.getDesignReview({ assessmentId: ASSESSMENT.id, part: 1, viewer: A }),
    );
    expect(project.code).toBe("NOT_FOUND");
    expect(project.message).toContain("Part 1");
    const missing = await failureOf(
      w.service.getDesignReview({ assessmentId: ASSESSMENT.id, part: 3, viewer: A }),
    );
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toContain("no part 3");
  });

  it("refuses a dimension the rubric does not have, naming it", async () => {
    const w = await world();
    const failure = await failureOf(
      w.service.saveDesignReviewDraft({
        assessmentId: ASSESSMENT.id,
        part: DOCUMENT_PART,
        draft: {
          revision: 0,
          summary: "",
          scores: [{ dimensionId: "vibes", rating: 4, quote: "", note: "" }],
        },
        viewer: A,
        actor: actor(A.id),
      }),
    );
    expect(failure.code).toBe("VALIDATION_FAILED");
    expect(failure.message).toContain("vibes");
  });

  it("feeds each reviewer's rating to the dimension's competency, submitted reviews only", async () => {
    const w = await world();
    await w.submitAs(A, 2);
    await w.service.saveDesignReviewDraft({
      assessmentId: ASSESSMENT.id,
      part: DOCUMENT_PART,
      draft: completeDesignReview(4),
      viewer: B,
      actor: actor(B.id),
    });
    const evidence = await w.service.designReviewEvidence([APPLICATION.id, "app-without-reviews"]);
    const competencies = evidence.get(APPLICATION.id);
    expect([...(competencies?.keys() ?? [])].sort()).toEqual([
      "communication-collaboration",
      "databases-performance",
      "scalability-production",
      "security",
    ]);
    // Two dimensions feed scalability-production; the draft of B counts for nothing.
    expect(
      competencies?.get("scalability-production")?.map((e) => [e.dimensionId, e.rating]),
    ).toEqual([
      ["requirements-estimates", 2],
      ["scaling-failure", 2],
    ]);
    expect(competencies?.get("security")?.[0]).toMatchObject({ reviewerName: "Ana", rating: 2 });
    expect(evidence.has("app-without-reviews")).toBe(false);
  });
});
