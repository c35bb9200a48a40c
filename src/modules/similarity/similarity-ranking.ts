/**
 * Which matches a submission keeps, and how shared fingerprints become regions a reviewer
 * reads. Pure, so the rules are tested without a database.
 */

/** Matches kept per submission. */
export const MATCHES_KEPT = 5;
/**
 * Below this many distinct fingerprints of its own a submission is not compared: a project that
 * is the starter plus a line or two would otherwise read 100% against anything holding that line.
 */
export const MIN_COMPARABLE_FINGERPRINTS = 10;
/** From this percentage on, the shortlist flags "similarity match". */
export const SIMILARITY_FLAG_PERCENT = 60;

export type TRankedMatch = {
  submissionId: string;
  matchedSubmissionId: string;
  matchedAssessmentId: string;
  sharedCount: number;
  similarity: number;
};

const closerFirst = (a: TRankedMatch, b: TRankedMatch) =>
  b.similarity - a.similarity ||
  b.sharedCount - a.sharedCount ||
  a.matchedSubmissionId.localeCompare(b.matchedSubmissionId);

/**
 * The closest matches: one per other assessment (its best version; three uploads of one
 * candidate are one person, not three matches), at most MATCHES_KEPT.
 */
export function closestMatches<T extends TRankedMatch>(candidates: readonly T[]): T[] {
  const bestPerAssessment = new Map<string, T>();
  for (const match of [...candidates].sort(closerFirst)) {
    if (!bestPerAssessment.has(match.matchedAssessmentId))
      bestPerAssessment.set(match.matchedAssessmentId, match);
  }
  return [...bestPerAssessment.values()].sort(closerFirst).slice(0, MATCHES_KEPT);
}

export function percentOf(similarity: number): number {
  return Math.round(similarity * 100);
}

export type TSharedPosition = {
  path: string;
  startLine: number;
  endLine: number;
  otherPath: string;
  otherStartLine: number;
  otherEndLine: number;
};

export type TRegion = {
  path: string;
  startLine: number;
  endLine: number;
  otherPath: string;
  otherStartLine: number;
  otherEndLine: number;
  fingerprints: number;
};

/** Regions shown per match, largest first. */
export const REGIONS_SHOWN = 8;

/**
 * Shared fingerprints whose lines touch or overlap on both sides merge into one region, so
 * a copied function reads as one block rather than as a dozen fingerprints.
 */
export function mergeRegions(positions: readonly TSharedPosition[]): TRegion[] {
  const sorted = [...positions].sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      a.otherPath.localeCompare(b.otherPath) ||
      a.startLine - b.startLine ||
      a.otherStartLine - b.otherStartLine,
  );
  const regions: TRegion[] = [];
  for (const position of sorted) {
    const last = regions[regions.length - 1];
    if (
      last !== undefined &&
      last.path === position.path &&
      last.otherPath === position.otherPath &&
      position.startLine <= last.endLine + 1 &&
      position.otherStartLine <= last.otherEndLine + 1 &&
      position.otherEndLine >= last.otherStartLine - 1
    ) {
      last.endLine = Math.max(last.endLine, position.endLine);
      last.otherStartLine = Math.min(last.otherStartLine, position.otherStartLine);
      last.otherEndLine = Math.max(last.otherEndLine, position.otherEndLine);
      last.fingerprints += 1;
    } else {
      regions.push({ ...position, fingerprints: 1 });
    }
  }
  return regions
    .sort((a, b) => b.fingerprints - a.fingerprints || a.path.localeCompare(b.path))
    .slice(0, REGIONS_SHOWN);
}
