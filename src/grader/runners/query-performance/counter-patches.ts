import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { TIntegrityFinding } from "../../integrity.js";

export const counterPatchReason = "patches Django's query counters";

const counters =
  "CaptureQueriesContext|assertNumQueries|CursorDebugWrapper|queries_log|captured_queries|force_debug_cursor";
const patterns = [
  // TestCase.assertNumQueries = …, connection.queries_log = …, CaptureQueriesContext.__exit__ = …
  new RegExp(`\\b(${counters})\\b(\\.\\w+)*\\s*=(?!=)`),
  // setattr(…, "assertNumQueries", …), mock.patch("django.test.utils.CaptureQueriesContext…")
  new RegExp(`\\b(setattr|patch|patch\\.object)\\s*\\([^\\n]*\\b(${counters})\\b`),
];

/**
 * Django counts queries inside the candidate's process, where two lines can change the count.
 * The grader counts on the server, so such a patch changes nothing in the measurements; it is
 * still reported as tampering, and the candidate's own tests do not count as passing.
 */
export async function scanCounterPatches(projectDir: string): Promise<TIntegrityFinding[]> {
  const findings: TIntegrityFinding[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && entry.name.endsWith(".py")) {
        const lines = (await readFile(full, "utf8")).split("\n");
        lines.forEach((line, index) => {
          if (line.trimStart().startsWith("#")) return;
          if (patterns.some((pattern) => pattern.test(line)))
            findings.push({
              file: path.relative(projectDir, full),
              line: index + 1,
              severity: "tampering",
              reason: `${counterPatchReason}: the queries are counted by the database server, so this changes nothing`,
              excerpt: line.trim().slice(0, 200),
            });
        });
      }
    }
  };
  await walk(projectDir);
  return findings;
}
