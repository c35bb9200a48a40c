import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const HTTP_DIR = fileURLToPath(new URL(".", import.meta.url));

// The framework layer must not reach up into the domains or the composition root at run time;
// `src/routes.ts` hands it everything. (A type-only import of the user shape is erased at build.)
describe("src/http layering", () => {
  const sources = readdirSync(HTTP_DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

  it.each(sources)("%s imports no domain module or the composition root", (file) => {
    const text = readFileSync(`${HTTP_DIR}${file}`, "utf8");
    const valueImports = [...text.matchAll(/^import (?!type )[^;]*?from "([^"]+)";/gms)].map(
      (m) => m[1],
    );
    const upward = valueImports.filter(
      (path) =>
        path?.includes("/modules/") ||
        path?.endsWith("/compose.js") ||
        path?.endsWith("/routes.js"),
    );
    expect(upward).toEqual([]);
  });
});
