import { sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { notFound } from "../../errors.js";
import type { TSubmissionFingerprints } from "../../grader/similarity/fingerprint-submission.js";
import { projectRootOf } from "../../grader/submission-rules.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import { canSeeApplication } from "../access/viewer-scope.js";
import type { TViewer } from "../access/viewer-scope.js";
import { listZipFiles, readZipText } from "../assessments/submission-zip.js";
import {
  closestMatches,
  mergeRegions,
  MIN_COMPARABLE_FINGERPRINTS,
  percentOf,
  SIMILARITY_FLAG_PERCENT,
  type TRankedMatch,
  type TRegion,
} from "./similarity-ranking.js";
import type { TSimilarityRepo } from "./similarity.repo.js";
import type { TSimilarityMatch, TSimilarityResponse } from "./similarity.schema.js";

/** Shared positions read per match to build its regions. */
const POSITIONS_READ = 2000;
/** Lines of context around a region, on sides the caller may see. */
const CONTEXT_LINES = 2;
const LINES_SHOWN = 60;

// Recording a pack's sets one at a time: two uploads finishing together would otherwise each
// miss the other (neither sees the other's uncommitted set).
const SIMILARITY_LOCK = 0x5e1a;

async function lockPack(executor: TExecutor, packId: string) {
  await executor.execute(
    sql`select pg_advisory_xact_lock(${SIMILARITY_LOCK}, hashtext(${packId}))`,
  );
}

export function createSimilarityService(deps: {
  db: TDatabase;
  similarityRepo: TSimilarityRepo;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
}) {
  const repo = deps.similarityRepo;

  /** The file lines of one submission's zip, read once per file; paths are project-relative. */
  async function zipReader(submissionId: string) {
    const content = await repo.readSubmissionZip(submissionId);
    let prefix: string | null = null;
    const cache = new Map<string, string[] | null>();
    return async (projectPath: string): Promise<string[] | null> => {
      if (!content) return null;
      if (prefix === null) {
        const { zip, files } = await listZipFiles(content);
        zip.close();
        prefix = projectRootOf(files.map((f) => f.path)) ?? "";
      }
      if (!cache.has(projectPath)) {
        const file = await readZipText(content, `${prefix}${projectPath}`);
        cache.set(projectPath, file?.shown ? file.content.split("\n") : null);
      }
      return cache.get(projectPath) ?? null;
    };
  }

  function side(
    lines: string[] | null,
    path: string,
    startLine: number,
    endLine: number,
    context: number,
  ) {
    const from = Math.max(1, startLine - context);
    const to = Math.min(endLine + context, lines?.length ?? 0, from + LINES_SHOWN - 1);
    const shown = [];
    for (let number = from; lines !== null && number <= to; number += 1)
      shown.push({
        number,
        text: (lines[number - 1] ?? "").slice(0, 2000),
        matched: number >= startLine && number <= endLine,
      });
    return { path, startLine, endLine, lines: shown, truncated: to < endLine };
  }

  async function presentRegions(
    submissionId: string,
    matchedSubmissionId: string,
    otherVisible: boolean,
  ): Promise<TSimilarityMatch["regions"]> {
    const regions: TRegion[] = mergeRegions(
      await repo.sharedPositions(submissionId, matchedSubmissionId, POSITIONS_READ),
    );
    const mine = await zipReader(submissionId);
    const theirs = await zipReader(matchedSubmissionId);
    const presented = [];
    for (const region of regions) {
      presented.push({
        fingerprints: region.fingerprints,
        this: side(
          await mine(region.path),
          region.path,
          region.startLine,
          region.endLine,
          CONTEXT_LINES,
        ),
        // Of a candidate the caller may not see, only the shared lines themselves: what they
        // need to judge the match, nothing around it.
        other: side(
          await theirs(region.otherPath),
          region.otherPath,
          region.otherStartLine,
          region.otherEndLine,
          otherVisible ? CONTEXT_LINES : 0,
        ),
      });
    }
    return presented;
  }

  return {
    /**
     * Stores a submission's fingerprints (replacing earlier ones), compares them with every other
     * submission of the same pack, keeps its closest matches and enters it into theirs, in one
     * transaction. An empty set (a pack without Python) is recorded too: the panel then reads
     * "not applicable" rather than "pending".
     */
    async recordFingerprints(input: {
      submissionId: string;
      fingerprints: TSubmissionFingerprints;
    }): Promise<{ fingerprints: number; matches: number }> {
      return deps.db.transaction(async (tx) => {
        const owner = await repo.findSubmissionOwner(input.submissionId, tx);
        if (!owner) return { fingerprints: 0, matches: 0 };
        await lockPack(tx, owner.packId);
        const hashes = [...new Set(input.fingerprints.fingerprints.map((f) => f.hash))];
        const distinct = hashes.length;
        const set = {
          submissionId: owner.submissionId,
          packId: owner.packId,
          assessmentId: owner.assessmentId,
          candidateId: owner.candidateId,
          algorithm: input.fingerprints.algorithm,
          fingerprintCount: distinct,
        };
        await repo.replaceFingerprintSet(set, input.fingerprints.fingerprints, tx);
        if (distinct < MIN_COMPARABLE_FINGERPRINTS) return { fingerprints: distinct, matches: 0 };

        const found: TRankedMatch[] = (
          await repo.sharedCounts(set, hashes, MIN_COMPARABLE_FINGERPRINTS, tx)
        ).map((row) => ({
          submissionId: set.submissionId,
          matchedSubmissionId: row.matchedSubmissionId,
          matchedAssessmentId: row.matchedAssessmentId,
          sharedCount: row.sharedCount,
          similarity: row.sharedCount / Math.min(distinct, row.fingerprintCount),
        }));
        const upserts: TRankedMatch[] = closestMatches(found);
        const deletes: { submissionId: string; matchedSubmissionId: string }[] = [];
        // The same figure seen from the other side (the formula is symmetric): enter it into
        // each other submission's list where it ranks, dropping what it displaces. No other
        // submission is fingerprinted or compared again.
        const existing = await repo.listMatchRows(
          found.map((match) => match.matchedSubmissionId),
          tx,
        );
        for (const match of found) {
          const mirror: TRankedMatch = {
            submissionId: match.matchedSubmissionId,
            matchedSubmissionId: set.submissionId,
            matchedAssessmentId: set.assessmentId,
            sharedCount: match.sharedCount,
            similarity: match.similarity,
          };
          const current = existing.filter((row) => row.submissionId === mirror.submissionId);
          const kept = closestMatches([...current, mirror]);
          if (kept.includes(mirror)) upserts.push(mirror);
          for (const row of current)
            if (!kept.includes(row))
              deletes.push({
                submissionId: row.submissionId,
                matchedSubmissionId: row.matchedSubmissionId,
              });
        }
        await repo.upsertMatches(upserts, tx);
        await repo.deleteMatches(deletes, tx);
        return { fingerprints: distinct, matches: upserts.length };
      });
    },

    /** The similarity panel of one submission; the caller must see its application (404). */
    async getSimilarity(submissionId: string, viewer: TViewer): Promise<TSimilarityResponse> {
      const owner = await repo.findSubmissionOwner(submissionId);
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      if (!owner || !canSeeApplication(scope, { id: owner.applicationId, roleId: owner.roleId }))
        throw notFound("That submission");
      const set = await repo.findFingerprintSet(submissionId);
      const base = { flagPercent: SIMILARITY_FLAG_PERCENT, matches: [] };
      if (!set) return { similarity: { ...base, status: "pending", fingerprints: 0 } };
      if (set.fingerprintCount < MIN_COMPARABLE_FINGERPRINTS)
        return {
          similarity: { ...base, status: "not-applicable", fingerprints: set.fingerprintCount },
        };
      const matches: TSimilarityMatch[] = [];
      for (const row of await repo.listMatches(submissionId)) {
        const visible = canSeeApplication(scope, {
          id: row.matchedApplicationId,
          roleId: row.matchedRoleId,
        });
        matches.push({
          percent: percentOf(row.match.similarity),
          sharedFingerprints: row.match.sharedCount,
          candidate: visible
            ? {
                applicationId: row.matchedApplicationId,
                name: row.matchedCandidateName,
                roleTitle: row.matchedRoleTitle,
                submissionVersion: row.matchedVersion,
              }
            : null,
          regions: await presentRegions(submissionId, row.match.matchedSubmissionId, visible),
        });
      }
      return {
        similarity: {
          ...base,
          status: "compared",
          fingerprints: set.fingerprintCount,
          matches,
        },
      };
    },

    /**
     * The highest similarity percentage of each of a role's applications, for the shortlist's
     * "similarity match" flag (SIMILARITY_FLAG_PERCENT). Applications without a match are absent.
     * The caller checks its viewer may read the role's shortlist; no other candidate is named.
     * By role rather than by a list of ids: it runs beside the shortlist's other statements, and
     * 2,000 bound ids cost 7 ms of query building per request (bench/shortlist.bench.ts).
     * Inside a transaction, pass it: on PGlite's one session a read beside it would wait forever.
     */
    async similarityMatchesForRole(
      roleId: string,
      executor?: TExecutor,
    ): Promise<Map<string, number>> {
      const rows = await repo.maxSimilarityByRole(roleId, executor);
      return new Map(
        rows
          .filter((row) => row.similarity !== null)
          .map((row) => [row.applicationId, percentOf(row.similarity ?? 0)]),
      );
    },
  };
}
export type TSimilarityService = ReturnType<typeof createSimilarityService>;
