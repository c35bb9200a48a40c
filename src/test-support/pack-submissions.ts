import { readFile } from "node:fs/promises";
import path from "node:path";
import { gradeSubmission, type TGradeReport } from "../grader/grade.js";
import { loadPack } from "../grader/pack.js";
import { applyUnifiedDiff } from "../grader/project-files.js";
import type { TStepLimits } from "../grader/runners/runner.js";
import { variantOf } from "./grader-submissions.js";

/**
 * A pack's test submission: the starter with one of the pack's test-submissions/*.patch applied
 * (wrong solutions of ours, written as a candidate would).
 */
export async function patchedStarter(packId: string, patchName: string): Promise<string> {
  const pack = await loadPack(packId);
  const dir = await variantOf(pack.starterDir, {});
  const patch = await readFile(path.join(pack.dir, "test-submissions", patchName), "utf8");
  await applyUnifiedDiff(dir, patch);
  return dir;
}

/** Runs gradings two at a time on the given sandbox slots, so a test file never floods the machine. */
export function gradingQueue(packId: string, slots: number[]) {
  let chains = slots.map(() => Promise.resolve());
  let next = 0;
  return (
    source: string | Promise<string>,
    steps?: Partial<TStepLimits>,
  ): Promise<TGradeReport> => {
    const index = next % slots.length;
    next += 1;
    const slot = slots[index] ?? 0;
    const report = (chains[index] ?? Promise.resolve()).then(async () =>
      gradeSubmission({
        packId,
        source: await source,
        concurrencySlot: slot,
        ...(steps ? { steps } : {}),
      }),
    );
    chains = chains.map((chain, at) =>
      at === index
        ? report.then(
            () => undefined,
            () => undefined,
          )
        : chain,
    );
    return report;
  };
}

/** Every check message and detail of a report as one string, to look for leaks. */
export const reportText = (report: TGradeReport) => JSON.stringify(report);
