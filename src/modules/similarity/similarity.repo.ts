import { and, desc, eq, gte, inArray, max, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TDatabase, TExecutor } from "../../db/client.js";
import {
  applications,
  assessmentParts,
  assessments,
  assessmentSubmissions,
  candidates,
  roles,
  similarityMatches,
  submissionFingerprints,
  submissionFingerprintSets,
  storedFiles,
} from "../../db/schema/index.js";
import type { TFingerprint } from "../../grader/similarity/winnow.js";

/** Rows per INSERT: 6 columns each, well under PostgreSQL's 65,535 parameters. */
const INSERT_BATCH = 2000;

export type TMatchRow = typeof similarityMatches.$inferInsert;

export function createSimilarityRepo(db: TDatabase) {
  return {
    /** Whose submission this is, for a fingerprint set: its pack, assessment and candidate. */
    async findSubmissionOwner(submissionId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({
          submissionId: assessmentSubmissions.id,
          assessmentId: assessments.id,
          packId: assessmentParts.packId,
          applicationId: applications.id,
          roleId: applications.roleId,
          candidateId: applications.candidateId,
        })
        .from(assessmentSubmissions)
        .innerJoin(assessmentParts, eq(assessmentParts.id, assessmentSubmissions.partId))
        .innerJoin(assessments, eq(assessments.id, assessmentSubmissions.assessmentId))
        .innerJoin(applications, eq(applications.id, assessments.applicationId))
        .where(eq(assessmentSubmissions.id, submissionId));
      return row;
    },

    /** Replaces a submission's set; its old fingerprints and matches (both ways) go with it. */
    async replaceFingerprintSet(
      set: typeof submissionFingerprintSets.$inferInsert,
      fingerprints: readonly TFingerprint[],
      executor: TExecutor = db,
    ) {
      await executor
        .delete(submissionFingerprintSets)
        .where(eq(submissionFingerprintSets.submissionId, set.submissionId));
      await executor.insert(submissionFingerprintSets).values(set);
      for (let start = 0; start < fingerprints.length; start += INSERT_BATCH) {
        await executor.insert(submissionFingerprints).values(
          fingerprints.slice(start, start + INSERT_BATCH).map((f) => ({
            submissionId: set.submissionId,
            packId: set.packId,
            hash: f.hash,
            path: f.path,
            startLine: f.startLine,
            endLine: f.endLine,
          })),
        );
      }
    },

    async findFingerprintSet(submissionId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(submissionFingerprintSets)
        .where(eq(submissionFingerprintSets.submissionId, submissionId));
      return row;
    },

    /**
     * Every other submission of the same pack sharing fingerprints with `hashes` (this one's
     * distinct hashes), with how many it shares and its set's size. One statement matches on
     * hash for the whole pack: the hashes go in as one array parameter over the (pack_id, hash)
     * index, grouped by submission; a second reads the sets found by primary key. Written as
     * one join instead, a table without statistics (PGlite never autovacuums) was planned as a
     * loop over every fingerprint of the pack per set: 3.6 s at 40 submissions, against
     * milliseconds this way (bench/README.md).
     * The candidate's own uploads (same assessment or same candidate) are left out, as are sets
     * made with other parameters and sets smaller than `minimumSet`.
     */
    async sharedCounts(
      set: Pick<
        typeof submissionFingerprintSets.$inferSelect,
        "packId" | "assessmentId" | "candidateId" | "algorithm"
      >,
      hashes: readonly number[],
      minimumSet: number,
      executor: TExecutor = db,
    ) {
      if (hashes.length === 0) return [];
      const fingerprints = submissionFingerprints;
      const counts = await executor
        .select({
          submissionId: fingerprints.submissionId,
          sharedCount: sql<number>`count(distinct ${fingerprints.hash})::int`,
        })
        .from(fingerprints)
        .where(
          and(
            eq(fingerprints.packId, set.packId),
            sql`${fingerprints.hash} = any(${`{${hashes.join(",")}}`}::bigint[])`,
          ),
        )
        .groupBy(fingerprints.submissionId);
      if (counts.length === 0) return [];
      const sets = await executor
        .select({
          submissionId: submissionFingerprintSets.submissionId,
          assessmentId: submissionFingerprintSets.assessmentId,
          fingerprintCount: submissionFingerprintSets.fingerprintCount,
        })
        .from(submissionFingerprintSets)
        .where(
          and(
            inArray(
              submissionFingerprintSets.submissionId,
              counts.map((c) => c.submissionId),
            ),
            ne(submissionFingerprintSets.assessmentId, set.assessmentId),
            ne(submissionFingerprintSets.candidateId, set.candidateId),
            eq(submissionFingerprintSets.algorithm, set.algorithm),
            gte(submissionFingerprintSets.fingerprintCount, minimumSet),
          ),
        );
      const shared = new Map(counts.map((c) => [c.submissionId, c.sharedCount]));
      return sets.map((other) => ({
        matchedSubmissionId: other.submissionId,
        matchedAssessmentId: other.assessmentId,
        fingerprintCount: other.fingerprintCount,
        sharedCount: shared.get(other.submissionId) ?? 0,
      }));
    },

    async listMatchRows(submissionIds: string[], executor: TExecutor = db) {
      if (submissionIds.length === 0) return [];
      return executor
        .select()
        .from(similarityMatches)
        .where(inArray(similarityMatches.submissionId, submissionIds));
    },

    async upsertMatches(rows: TMatchRow[], executor: TExecutor = db) {
      for (let start = 0; start < rows.length; start += INSERT_BATCH) {
        await executor
          .insert(similarityMatches)
          .values(rows.slice(start, start + INSERT_BATCH))
          .onConflictDoUpdate({
            target: [similarityMatches.submissionId, similarityMatches.matchedSubmissionId],
            set: {
              sharedCount: sql`excluded.shared_count`,
              similarity: sql`excluded.similarity`,
              matchedAssessmentId: sql`excluded.matched_assessment_id`,
              computedAt: sql`now()`,
            },
          });
      }
    },

    async deleteMatches(
      pairs: { submissionId: string; matchedSubmissionId: string }[],
      executor: TExecutor = db,
    ) {
      for (let start = 0; start < pairs.length; start += 500) {
        const batch = pairs.slice(start, start + 500);
        await executor
          .delete(similarityMatches)
          .where(
            or(
              ...batch.map((pair) =>
                and(
                  eq(similarityMatches.submissionId, pair.submissionId),
                  eq(similarityMatches.matchedSubmissionId, pair.matchedSubmissionId),
                ),
              ),
            ),
          );
      }
    },

    /** A submission's stored matches with whose they are (visibility is the service's call). */
    async listMatches(submissionId: string, executor: TExecutor = db) {
      return executor
        .select({
          match: similarityMatches,
          matchedVersion: assessmentSubmissions.version,
          matchedApplicationId: applications.id,
          matchedRoleId: applications.roleId,
          matchedCandidateName: candidates.name,
          matchedRoleTitle: roles.title,
        })
        .from(similarityMatches)
        .innerJoin(
          assessmentSubmissions,
          eq(assessmentSubmissions.id, similarityMatches.matchedSubmissionId),
        )
        .innerJoin(assessments, eq(assessments.id, assessmentSubmissions.assessmentId))
        .innerJoin(applications, eq(applications.id, assessments.applicationId))
        .innerJoin(candidates, eq(candidates.id, applications.candidateId))
        .innerJoin(roles, eq(roles.id, applications.roleId))
        .where(eq(similarityMatches.submissionId, submissionId))
        .orderBy(desc(similarityMatches.similarity), desc(similarityMatches.sharedCount));
    },

    /** Where two submissions share fingerprints: each pair of positions, in file and line order. */
    async sharedPositions(
      submissionId: string,
      matchedSubmissionId: string,
      limit: number,
      executor: TExecutor = db,
    ) {
      const other = alias(submissionFingerprints, "other");
      return executor
        .select({
          path: submissionFingerprints.path,
          startLine: submissionFingerprints.startLine,
          endLine: submissionFingerprints.endLine,
          otherPath: other.path,
          otherStartLine: other.startLine,
          otherEndLine: other.endLine,
        })
        .from(submissionFingerprints)
        .innerJoin(
          other,
          and(
            eq(other.packId, submissionFingerprints.packId),
            eq(other.hash, submissionFingerprints.hash),
          ),
        )
        .where(
          and(
            eq(submissionFingerprints.submissionId, submissionId),
            eq(other.submissionId, matchedSubmissionId),
          ),
        )
        .orderBy(
          submissionFingerprints.path,
          submissionFingerprints.startLine,
          other.path,
          other.startLine,
        )
        .limit(limit);
    },

    async readSubmissionZip(submissionId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({ content: storedFiles.content })
        .from(assessmentSubmissions)
        .innerJoin(storedFiles, eq(storedFiles.id, assessmentSubmissions.fileId))
        .where(eq(assessmentSubmissions.id, submissionId));
      return row?.content;
    },

    /** The highest match of each application of a role that has one: one statement, one parameter. */
    async maxSimilarityByRole(roleId: string, executor: TExecutor = db) {
      return executor
        .select({
          applicationId: assessments.applicationId,
          similarity: max(similarityMatches.similarity),
        })
        .from(similarityMatches)
        .innerJoin(
          assessmentSubmissions,
          eq(assessmentSubmissions.id, similarityMatches.submissionId),
        )
        .innerJoin(assessments, eq(assessments.id, assessmentSubmissions.assessmentId))
        .innerJoin(applications, eq(applications.id, assessments.applicationId))
        .where(eq(applications.roleId, roleId))
        .groupBy(assessments.applicationId);
    },
  };
}
export type TSimilarityRepo = ReturnType<typeof createSimilarityRepo>;
