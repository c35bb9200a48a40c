import { beforeAll, describe, expect, it } from "vitest";
import { loadPack, type TPack } from "../pack.js";
import { ensureRuntime } from "../runtime.js";
import * as corpus from "../../test-support/grader-corpus/sources.js";
import { variantOf } from "../../test-support/grader-submissions.js";
import { renamedReferenceFiles } from "../../test-support/similarity-submissions.js";
import { fingerprintSubmission, tokeniseSubmission } from "./fingerprint-submission.js";
import {
  fingerprintFiles,
  kgramHashes,
  similarityOf,
  winnow,
  WINNOW_K,
  WINNOW_W,
  type TFingerprint,
} from "./winnow.js";

// uid slots of this suite's own (the grading corpus uses 100-101), one sandbox run at a time.
const SLOT = 120;

describe("winnowing", () => {
  it("keeps the minimum of every window, the rightmost on ties, each position once", () => {
    expect(winnow([5, 3, 7, 3, 9, 8, 1, 4], 3)).toEqual([1, 3, 6]);
    // All equal: the rightmost of each window, so the kept position moves with the window.
    expect(winnow([2, 2, 2, 2], 2)).toEqual([1, 2, 3]);
    expect(winnow([4, 1], 5)).toEqual([1]);
    expect(winnow([], 4)).toEqual([]);
  });

  it("guarantees a shared fingerprint for any common run of k + w - 1 tokens", () => {
    const k = 5;
    const w = 4;
    const shared = Array.from({ length: k + w - 1 }, (_, n) => `t${n}`);
    const left = { path: "a.py", tokens: ["x", "y", ...shared, "z"], starts: [], ends: [] };
    const right = { path: "b.py", tokens: ["q", ...shared, "r", "s", "u"], starts: [], ends: [] };
    for (const file of [left, right]) {
      file.starts = file.tokens.map((_, n) => n + 1) as never;
      file.ends = file.starts;
    }
    const a = fingerprintFiles([left], new Set(), { k, w });
    const b = fingerprintFiles([right], new Set(), { k, w });
    expect(a.some((f) => b.some((g) => g.hash === f.hash))).toBe(true);
  });

  it("hashes k-grams to 48-bit integers and none for a file shorter than k", () => {
    const hashes = kgramHashes(["a", "b", "c", "d"], 3);
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) expect(Number.isSafeInteger(hash) && hash < 2 ** 48).toBe(true);
    expect(kgramHashes(["a", "b"], 3)).toEqual([]);
  });

  it("measures shared fingerprints over the smaller set", () => {
    const f = (hash: number): TFingerprint => ({ hash, path: "x.py", startLine: 1, endLine: 1 });
    expect(similarityOf([f(1), f(2)], [f(1), f(2), f(3), f(4)])).toBe(1);
    expect(similarityOf([f(1), f(2), f(5), f(6)], [f(1), f(3), f(4), f(7)])).toBe(0.25);
    expect(similarityOf([], [f(1)])).toBe(0);
  });
});

describe("fingerprints of real submissions (Python's tokenize, in the sandbox)", () => {
  let pack: TPack;
  let reference: TFingerprint[];

  beforeAll(async () => {
    await ensureRuntime();
    pack = await loadPack("rest-api");
    reference = (
      await fingerprintSubmission({ packId: "rest-api", source: pack.referenceDir, slot: SLOT })
    ).fingerprints;
  }, 120_000);

  it("normalises names, numbers and strings and drops comments and docstrings", async () => {
    const dir = await variantOf(pack.starterDir, {
      "tasks/logic.py":
        '"""Module doc."""\n# a comment\ndef total(items, tax=0.2):\n    """Doc."""\n    return sum(i * (1 + tax) for i in items)  # why\n',
    });
    const tokens = await tokeniseSubmission({ packId: "rest-api", source: dir, slot: SLOT });
    const logic = tokens?.project.find((f) => f.path === "tasks/logic.py");
    expect(logic?.tokens.join(" ")).toBe(
      "def V ( V , V = 0 ) : return V ( V * ( 0 + V ) for V in V )",
    );
    expect(logic?.starts[0]).toBe(3);
    expect(tokens?.starter.some((f) => f.path === "manage.py")).toBe(true);
  });

  it("gives a copy with every identifier renamed and comments reworded ~100%", async () => {
    const renamed = await variantOf(
      pack.referenceDir,
      await renamedReferenceFiles(pack.referenceDir),
    );
    const copy = await fingerprintSubmission({ packId: "rest-api", source: renamed, slot: SLOT });
    expect(reference.length).toBeGreaterThan(50);
    expect(similarityOf(reference, copy.fingerprints)).toBeGreaterThanOrEqual(0.95);
  });

  it("gives an independent honest solution of the same pack a low score", async () => {
    // The reference's own views and tests against views and tests written in other styles
    // (the grading corpus): the same job, done independently.
    const own = await variantOf(pack.starterDir, {
      "tasks/views.py": corpus.genericsViews,
      "tasks/queries.py": corpus.ownTasks,
      "tasks/test_api.py": corpus.pytestTests,
      "conftest.py": corpus.pytestConftest,
    });
    const honest = await fingerprintSubmission({ packId: "rest-api", source: own, slot: SLOT });
    expect(honest.fingerprints.length).toBeGreaterThan(50);
    expect(similarityOf(reference, honest.fingerprints)).toBeLessThan(0.2);
  });

  it("gives the starter code alone no fingerprints, so it matches nothing", async () => {
    const starter = await fingerprintSubmission({
      packId: "rest-api",
      source: pack.starterDir,
      slot: SLOT,
    });
    expect(starter.fingerprints).toEqual([]);
    expect(similarityOf(reference, starter.fingerprints)).toBe(0);
    // Starter files inside a real solution contribute nothing either.
    expect(reference.some((f) => f.path === "manage.py" || f.path === "config/wsgi.py")).toBe(
      false,
    );
  });

  it("records where each fingerprint is: file and a line range within it", () => {
    const views = reference.filter((f) => f.path === "tasks/views.py");
    expect(views.length).toBeGreaterThan(0);
    for (const f of views) {
      expect(f.startLine).toBeGreaterThanOrEqual(1);
      expect(f.endLine).toBeGreaterThanOrEqual(f.startLine);
      expect(f.endLine).toBeLessThanOrEqual(22);
    }
    expect(WINNOW_K).toBe(25);
    expect(WINNOW_W).toBe(8);
  });
});
