import { chown, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { loadPack } from "../pack.js";
import { venvPython } from "../paths.js";
import { chownTree } from "../project-files.js";
import { readRuntimeInfo } from "../runtime.js";
import { runSandboxed, sandboxUid } from "../sandbox.js";
import { unpackSubmission } from "../unpack.js";
import {
  FINGERPRINT_ALGORITHM,
  fingerprintFiles,
  starterHashes,
  ZTokenFile,
  type TFingerprint,
  type TTokenFile,
} from "./winnow.js";

const ZTokens = z.object({
  project: z.array(ZTokenFile).max(2000),
  starter: z.array(ZTokenFile).max(2000),
});
export type TSubmissionTokens = z.infer<typeof ZTokens>;

export type TSubmissionFingerprints = {
  algorithm: string;
  fingerprints: TFingerprint[];
};

/**
 * The normalised tokens of a submission's Python and of its pack's starter, or null for a pack
 * with no Python to compare (a design document). Tokenising runs none of the candidate's code;
 * it runs in the sandbox anyway (python_tokens.py explains why), as the uid of `slot`.
 */
export async function tokeniseSubmission(options: {
  packId: string;
  /** A .zip file or a directory. */
  source: string;
  slot: number;
}): Promise<TSubmissionTokens | null> {
  const pack = await loadPack(options.packId);
  if (pack.manifest.kind === "design-document") return null;
  const runtime = await readRuntimeInfo();
  if (runtime === null) throw new Error("The grading runtime is not installed.");
  const uid = sandboxUid(options.slot);
  const workDir = await mkdtemp(path.join(os.tmpdir(), "shortlist-fingerprint-"));
  try {
    const projectDir = path.join(workDir, "project");
    await unpackSubmission(options.source, projectDir);
    await chownTree(projectDir, uid);
    const outDir = path.join(workDir, "out");
    await mkdir(outDir);
    await chown(outDir, uid, uid);
    const result = await runSandboxed({
      uid,
      argv: [
        venvPython,
        "-I",
        "/grader/python_tokens.py",
        "/sandbox/out/tokens.json",
        "/sandbox/starter",
      ],
      workDir: projectDir,
      pythonBasePrefix: runtime.basePrefix,
      limits: { wallClockMs: 30_000, cpuSeconds: 30 },
      mounts: [
        { hostPath: pack.starterDir, sandboxPath: "/sandbox/starter" },
        { hostPath: outDir, sandboxPath: "/sandbox/out", writable: true },
      ],
    });
    const raw = await readFile(path.join(outDir, "tokens.json"), "utf8").catch(() => null);
    const parsed = raw === null ? null : ZTokens.safeParse(JSON.parse(raw) as unknown);
    if (!parsed?.success)
      throw new Error(
        `The tokenizer did not finish (exit ${result.exitCode ?? "killed"}${result.timedOut ? ", timed out" : ""}).`,
      );
    return parsed.data;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The submission's own fingerprints: winnowed k-grams minus everything the starter holds. */
export function fingerprintTokens(tokens: {
  project: readonly TTokenFile[];
  starter: readonly TTokenFile[];
}): TSubmissionFingerprints {
  return {
    algorithm: FINGERPRINT_ALGORITHM,
    fingerprints: fingerprintFiles(tokens.project, starterHashes(tokens.starter)),
  };
}

/** A submission's fingerprints; none for a pack without Python (so it is never compared). */
export async function fingerprintSubmission(options: {
  packId: string;
  source: string;
  slot: number;
}): Promise<TSubmissionFingerprints> {
  const tokens = await tokeniseSubmission(options);
  return tokens === null
    ? { algorithm: FINGERPRINT_ALGORITHM, fingerprints: [] }
    : fingerprintTokens(tokens);
}
