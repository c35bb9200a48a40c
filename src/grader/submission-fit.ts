import { stat } from "node:fs/promises";
import path from "node:path";
import { listPacks, type TPack } from "./pack.js";
import { SubmissionError } from "./unpack.js";

async function missingPaths(pack: TPack, projectDir: string): Promise<string[]> {
  const required = pack.manifest.submission?.requiredPaths ?? [];
  const present = await Promise.all(
    required.map((relative) =>
      stat(path.join(projectDir, relative)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return required.filter((_, index) => !present[index]);
}

/**
 * An upload for another pack (or another project altogether) ends as a clear report before
 * anything runs, naming what is missing and, when it fits one, the pack it seems meant for.
 */
export async function assertSubmissionFits(pack: TPack, projectDir: string): Promise<void> {
  const missing = await missingPaths(pack, projectDir);
  if (missing.length === 0) return;
  let fits: TPack | undefined;
  for (const other of await listPacks().catch(() => [])) {
    if (other.manifest.id === pack.manifest.id || other.manifest.submission === undefined) continue;
    if ((await missingPaths(other, projectDir)).length === 0) fits = other;
  }
  const seems = fits ? ` It looks like a submission for "${fits.manifest.title}" instead.` : "";
  throw new SubmissionError(
    `This upload is not a submission for "${pack.manifest.title}": it has no ${missing.join(", ")}.${seems}`,
  );
}
