import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * Winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003) over the normalised Python tokens of
 * runtime/grader/python_tokens.py: every k consecutive tokens are hashed, and of every w
 * consecutive hashes the smallest is kept (the rightmost on ties). Any run of at least
 * k + w - 1 tokens two submissions share is then guaranteed to yield a shared fingerprint, and
 * nothing shorter than k tokens ever does.
 *
 * k = 25, w = 8, measured on the grader corpus (bench/similarity-parameters.ts, figures in
 * bench/README.md): honest solutions of the rest-api pack written independently in different
 * styles share short idioms (serializer Meta classes, `permission_classes = [...]`) that a
 * k below 20 picks up; at 25 the most similar honest pair stays well below the flag threshold
 * while a copy with every identifier renamed still scores 100% and a copy of one file in five
 * still shows. w = 8 guarantees detection of any shared run of 32 tokens (about three lines of
 * Django) while keeping about a quarter of the k-grams.
 */
export const WINNOW_K = 25;
export const WINNOW_W = 8;
/** Stored beside every fingerprint set: sets made with other parameters are never compared. */
export const FINGERPRINT_ALGORITHM = `winnow-py-k${WINNOW_K}-w${WINNOW_W}`;

export const ZTokenFile = z.object({
  path: z.string().max(1000),
  tokens: z.array(z.string().max(40)).max(400_000),
  starts: z.array(z.number().int().nonnegative()).max(400_000),
  ends: z.array(z.number().int().nonnegative()).max(400_000),
});
export type TTokenFile = z.infer<typeof ZTokenFile>;

export type TFingerprint = {
  /** 48 bits of the k-gram's SHA-1: fits a JS number exactly and a bigint column. */
  hash: number;
  path: string;
  startLine: number;
  endLine: number;
};

export type TWinnowParameters = { k: number; w: number };
const defaults: TWinnowParameters = { k: WINNOW_K, w: WINNOW_W };

/** The hash of every k-gram of one file, in order (none when the file has fewer than k tokens). */
export function kgramHashes(tokens: readonly string[], k: number): number[] {
  const hashes: number[] = [];
  for (let start = 0; start + k <= tokens.length; start += 1) {
    const digest = createHash("sha1")
      .update(tokens.slice(start, start + k).join("\u001f"))
      .digest();
    hashes.push(digest.readUIntBE(0, 6));
  }
  return hashes;
}

/**
 * Indices into `hashes` that winnowing keeps: the minimum of each window of `w`, rightmost on
 * ties, each index once. Fewer than `w` hashes make one window.
 */
export function winnow(hashes: readonly number[], w: number): number[] {
  if (hashes.length === 0) return [];
  const kept: number[] = [];
  const windows = Math.max(1, hashes.length - w + 1);
  for (let start = 0; start < windows; start += 1) {
    const end = Math.min(hashes.length, start + w);
    let best = start;
    for (let at = start + 1; at < end; at += 1) {
      if ((hashes[at] ?? 0) <= (hashes[best] ?? 0)) best = at;
    }
    if (kept[kept.length - 1] !== best) kept.push(best);
  }
  return kept;
}

/** Every k-gram hash of the starter's files: code the pack handed out is nobody's own. */
export function starterHashes(
  starter: readonly TTokenFile[],
  parameters: TWinnowParameters = defaults,
): Set<number> {
  const hashes = new Set<number>();
  for (const file of starter)
    for (const hash of kgramHashes(file.tokens, parameters.k)) hashes.add(hash);
  return hashes;
}

/**
 * The fingerprints of a project, with file and line range. The starter's k-grams are removed
 * before winnowing rather than after, so a window that mixes handed-out and own code keeps a
 * fingerprint of the own code instead of losing the window to a starter hash.
 */
export function fingerprintFiles(
  files: readonly TTokenFile[],
  excluded: ReadonlySet<number> = new Set(),
  parameters: TWinnowParameters = defaults,
): TFingerprint[] {
  const fingerprints: TFingerprint[] = [];
  for (const file of files) {
    const positions: number[] = [];
    const hashes: number[] = [];
    kgramHashes(file.tokens, parameters.k).forEach((hash, position) => {
      if (excluded.has(hash)) return;
      positions.push(position);
      hashes.push(hash);
    });
    for (const index of winnow(hashes, parameters.w)) {
      const position = positions[index] ?? 0;
      fingerprints.push({
        hash: hashes[index] ?? 0,
        path: file.path,
        startLine: file.starts[position] ?? 0,
        endLine: file.ends[position + parameters.k - 1] ?? 0,
      });
    }
  }
  return fingerprints;
}

/**
 * Shared distinct fingerprints over the smaller set's distinct fingerprints. The smaller set,
 * not the union: a candidate who pastes someone's whole solution into a larger project still
 * reads 100%, which is what a reviewer needs to see. (The same formula as the SQL in
 * similarity.repo.ts, which is what the product runs; this one serves tests and the bench.)
 */
export function similarityOf(a: readonly TFingerprint[], b: readonly TFingerprint[]): number {
  const left = new Set(a.map((f) => f.hash));
  const right = new Set(b.map((f) => f.hash));
  const smaller = Math.min(left.size, right.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const hash of left) if (right.has(hash)) shared += 1;
  return shared / smaller;
}
