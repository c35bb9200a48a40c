import { and, asc, eq, inArray } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { assessmentParts, designReviews, users } from "../../db/schema/index.js";
import type { TDesignReviewScore } from "../../db/schema/index.js";

export type TDesignReviewRow = typeof designReviews.$inferSelect;
export type TNewDesignReview = typeof designReviews.$inferInsert;
type TDraftColumns = Pick<TDesignReviewRow, "scores" | "summary" | "submissionId">;

const withName = { review: designReviews, reviewerName: users.name };

/** Every statement about design reviews; each takes an optional transaction. */
export function createDesignReviewsRepo(db: TDatabase) {
  return {
    async listForPart(partId: string, executor: TExecutor = db) {
      return executor
        .select(withName)
        .from(designReviews)
        .innerJoin(users, eq(users.id, designReviews.reviewerId))
        .where(eq(designReviews.partId, partId))
        .orderBy(asc(designReviews.createdAt));
    },

    /** Undefined when another tab created the reviewer's draft first. */
    async insertReview(values: TNewDesignReview, executor: TExecutor = db) {
      const [row] = await executor
        .insert(designReviews)
        .values(values)
        .onConflictDoNothing()
        .returning();
      return row;
    },

    /** Compare-and-set on the revision: a stale writer changes nothing and gets undefined. */
    async updateDraftAtRevision(
      id: string,
      revision: number,
      content: TDraftColumns,
      executor: TExecutor = db,
    ) {
      const [row] = await executor
        .update(designReviews)
        .set({ ...content, revision: revision + 1, updatedAt: new Date() })
        .where(
          and(
            eq(designReviews.id, id),
            eq(designReviews.revision, revision),
            eq(designReviews.status, "draft"),
          ),
        )
        .returning();
      return row;
    },

    async submitAtRevision(id: string, revision: number, at: Date, executor: TExecutor = db) {
      const [row] = await executor
        .update(designReviews)
        .set({ status: "submitted", submittedAt: at, revision: revision + 1, updatedAt: at })
        .where(
          and(
            eq(designReviews.id, id),
            eq(designReviews.revision, revision),
            eq(designReviews.status, "draft"),
          ),
        )
        .returning();
      return row;
    },

    /** Submitted reviews of some applications, with the pack of the part each one reviewed. */
    async listSubmittedForApplications(applicationIds: string[], executor: TExecutor = db) {
      if (applicationIds.length === 0) return [];
      return executor
        .select({
          applicationId: designReviews.applicationId,
          reviewerId: designReviews.reviewerId,
          reviewerName: users.name,
          packId: assessmentParts.packId,
          scores: designReviews.scores,
          submittedAt: designReviews.submittedAt,
        })
        .from(designReviews)
        .innerJoin(users, eq(users.id, designReviews.reviewerId))
        .innerJoin(assessmentParts, eq(assessmentParts.id, designReviews.partId))
        .where(
          and(
            inArray(designReviews.applicationId, applicationIds),
            eq(designReviews.status, "submitted"),
          ),
        )
        .orderBy(asc(designReviews.submittedAt));
    },
  };
}
export type TDesignReviewsRepo = ReturnType<typeof createDesignReviewsRepo>;
export type { TDesignReviewScore };
