import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC_DIR = fileURLToPath(new URL("..", import.meta.url));

// The infrastructure layers (the HTTP framework, the job queue) must not reach up into the domains
// or the composition root at run time: `src/routes.ts` hands the framework every route, and
// `src/job-registry.ts` hands the worker every job kind. (A type-only import is erased at build.)
const LAYERS = ["http", "jobs"];

function upwardImports(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const valueImports = [...text.matchAll(/^import (?!type )[^;]*?from "([^"]+)";/gms)].map(
    (m) => m[1] ?? "",
  );
  return valueImports.filter(
    (p) =>
      p.includes("/modules/") ||
      p.endsWith("/compose.js") ||
      p.endsWith("/routes.js") ||
      p.endsWith("/job-registry.js"),
  );
}

describe.each(LAYERS)("src/%s layering", (layer) => {
  const dir = `${SRC_DIR}${layer}/`;
  const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

  it("has sources to check", () => expect(sources.length).toBeGreaterThan(2));

  it.each(sources)("%s imports no domain module or the composition root", (file) => {
    expect(upwardImports(`${dir}${file}`)).toEqual([]);
  });

  it("the check itself sees an upward import", () => {
    // The registry, which binds domain handlers, must fail the same rule it keeps out of the layer.
    expect(upwardImports(`${SRC_DIR}job-registry.ts`).length).toBeGreaterThan(0);
  });
});
