import { describe, expect, it } from "vitest";
import { closestMatches, MATCHES_KEPT, mergeRegions, percentOf } from "./similarity-ranking.js";

const match = (other: string, assessment: string, similarity: number, shared = 10) => ({
  submissionId: "s",
  matchedSubmissionId: other,
  matchedAssessmentId: assessment,
  sharedCount: shared,
  similarity,
});

describe("closest matches", () => {
  it("keeps the best version per other assessment, closest first, at most five", () => {
    const kept = closestMatches([
      match("a1", "A", 0.4),
      match("a2", "A", 0.9),
      match("b1", "B", 0.5),
      ...["C", "D", "E", "F", "G"].map((id, n) => match(`${id}1`, id, 0.1 + n / 100)),
    ]);
    expect(kept.map((m) => m.matchedSubmissionId)).toEqual(["a2", "b1", "G1", "F1", "E1"]);
    expect(kept).toHaveLength(MATCHES_KEPT);
  });

  it("breaks ties by shared fingerprints, then by id, so the order is stable", () => {
    const kept = closestMatches([
      match("y", "Y", 0.5, 10),
      match("x", "X", 0.5, 10),
      match("z", "Z", 0.5, 30),
    ]);
    expect(kept.map((m) => m.matchedSubmissionId)).toEqual(["z", "x", "y"]);
    expect(percentOf(0.555)).toBe(56);
  });
});

describe("regions", () => {
  const at = (path: string, start: number, end: number, otherStart: number, otherEnd: number) => ({
    path,
    startLine: start,
    endLine: end,
    otherPath: path,
    otherStartLine: otherStart,
    otherEndLine: otherEnd,
  });

  it("merges fingerprints that touch on both sides into one block, largest first", () => {
    const regions = mergeRegions([
      at("views.py", 3, 6, 10, 13),
      at("views.py", 5, 9, 12, 16),
      at("views.py", 10, 12, 17, 19),
      // Same lines here, but far away on the other side: a separate region.
      at("views.py", 11, 12, 40, 41),
      at("urls.py", 1, 4, 1, 4),
    ]);
    expect(regions[0]).toMatchObject({
      path: "views.py",
      startLine: 3,
      endLine: 12,
      otherStartLine: 10,
      otherEndLine: 19,
      fingerprints: 3,
    });
    expect(regions).toHaveLength(3);
  });
});
