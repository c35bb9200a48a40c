import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { storedFiles } from "../../db/schema/index.js";

export type TStoredFileRow = typeof storedFiles.$inferSelect;

/**
 * The one writer of `stored_files` (résumés, intake uploads, assessment submissions): size and
 * checksum are always computed from the bytes here, so no caller can store a wrong one.
 */
export function createStoredFilesRepo(db: TDatabase) {
  return {
    async insertFile(
      file: { filename: string; mediaType: string; content: Buffer; createdBy: string | null },
      executor: TExecutor = db,
    ): Promise<string> {
      const [row] = await executor
        .insert(storedFiles)
        .values({
          ...file,
          sizeBytes: file.content.byteLength,
          sha256: createHash("sha256").update(file.content).digest("hex"),
        })
        .returning({ id: storedFiles.id });
      if (!row) throw new Error("insert into stored_files returned no row");
      return row.id;
    },

    async findFile(id: string, executor: TExecutor = db): Promise<TStoredFileRow | undefined> {
      const [row] = await executor.select().from(storedFiles).where(eq(storedFiles.id, id));
      return row;
    },
  };
}
export type TStoredFilesRepo = ReturnType<typeof createStoredFilesRepo>;
