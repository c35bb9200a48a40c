import { z } from "zod";
import { readPins } from "../runtime.js";
import { readResults, resultsDir, runProjectStep, type TRunnerContext } from "./runner.js";

const ZImportScan = z.object({
  missing: z.record(z.string().max(200), z.array(z.string().max(600)).max(5)),
  outsideRequirements: z.array(z.string().max(200)).max(50),
});

/**
 * Before any candidate code runs: the modules the project imports that are neither its own,
 * the standard library, nor installed (runtime/grader/scan_imports.py, ast only). Returns the
 * message that ends the grading, naming all of them and the allowed list, or null. Requirements
 * beyond the environment become a note, never a penalty.
 */
export async function scanImports(ctx: TRunnerContext): Promise<string | null> {
  const out = await resultsDir(ctx, "imports-out");
  const result = await runProjectStep(
    ctx,
    "imports",
    ["/grader/scan_imports.py", "/sandbox/out/imports.json"],
    { wallClockMs: 30_000, cpuSeconds: 30 },
    {},
    [out],
  );
  const scan = await readResults(out, "imports.json", ZImportScan);
  if (scan === null) {
    // Our scanner failed (not the candidate's code: none of it ran); the steps still report.
    ctx.notes.push(`The import scan did not finish (exit ${result.exitCode ?? "killed"}).`);
    return null;
  }
  if (scan.outsideRequirements.length > 0) {
    ctx.notes.push(
      `requirements.txt asks for packages the grading environment does not have: ${scan.outsideRequirements.join(", ")}. This costs nothing unless the code imports them.`,
    );
  }
  const missing = Object.entries(scan.missing);
  if (missing.length === 0) return null;
  const allowed = (await readPins()).map((pin) => pin.name);
  const named = missing
    .map(([module, places]) => `${module} (${places.map(placeOf).join(", ")})`)
    .join("; ");
  return `The project imports ${missing.length === 1 ? "a module" : `${missing.length} modules`} the grading environment does not have, so it cannot run here: ${named}. The environment has Python's standard library and: ${allowed.join(", ")}.`;
}

/** "config/settings.py:12" → "config/settings.py, line 12" */
function placeOf(place: string): string {
  const at = place.lastIndexOf(":");
  return at === -1 ? place : `${place.slice(0, at)}, line ${place.slice(at + 1)}`;
}
