/**
 * Chooses k and w for similarity fingerprinting (src/grader/similarity/winnow.ts).
 *
 *     npx tsx bench/similarity-parameters.ts [slot=120]
 *
 * Needs root, bubblewrap and the runtime. Tokenises (in the sandbox, like the product) the
 * rest-api reference and the files the grading corpus wrote in other styles, then for each k
 * and w prints: the most similar pair of honest, independently written files of the same job
 * (views in five styles, tests in three), a copy of the reference with every identifier renamed
 * and reformatted, a project that copied one file of the reference into otherwise own code,
 * and fingerprints kept per 100 tokens.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadPack } from "../src/grader/pack.js";
import { ensureRuntime } from "../src/grader/runtime.js";
import { tokeniseSubmission } from "../src/grader/similarity/fingerprint-submission.js";
import { fingerprintFiles, similarityOf, starterHashes } from "../src/grader/similarity/winnow.js";
import type { TTokenFile } from "../src/grader/similarity/winnow.js";
import * as src from "../src/test-support/grader-corpus/sources.js";
import { scratchDir, variantOf } from "../src/test-support/grader-submissions.js";
import { renamedReferenceFiles } from "../src/test-support/similarity-submissions.js";

const slot = Number(process.argv[2] ?? 120);
await ensureRuntime();
const pack = await loadPack("rest-api");

/** Independent files doing the same job, one folder each. */
const honest: Record<string, Record<string, string>> = {
  "views-apiview": { "views.py": src.apiViewViews, "queries.py": src.ownTasks },
  "views-generics": { "views.py": src.genericsViews },
  "views-functions": { "views.py": src.functionViews },
  "views-filter": { "views.py": src.filterViewSet },
  "tests-jwt": { "tests.py": src.jwtTests },
  "tests-pytest": { "test_api.py": src.pytestTests, "conftest.py": src.pytestConftest },
};

const dir = await scratchDir("similarity-bench");
await writeFile(path.join(dir, "manage.py"), "");
for (const [name, files] of Object.entries(honest)) {
  await mkdir(path.join(dir, name));
  for (const [file, text] of Object.entries(files))
    await writeFile(path.join(dir, name, file), text);
}
const corpusTokens = await tokeniseSubmission({ packId: "rest-api", source: dir, slot });
const referenceTokens = await tokeniseSubmission({
  packId: "rest-api",
  source: pack.referenceDir,
  slot,
});
const renamedTokens = await tokeniseSubmission({
  packId: "rest-api",
  source: await variantOf(pack.referenceDir, await renamedReferenceFiles(pack.referenceDir)),
  slot,
});
// Own code everywhere except tasks/views.py, which is the reference's.
const partialTokens = await tokeniseSubmission({
  packId: "rest-api",
  source: await variantOf(pack.referenceDir, {
    "tasks/tests.py": src.jwtTests,
    "tasks/serializers.py": "from rest_framework import serializers\n",
    "tasks/models.py": "from django.db import models\n",
    "tasks/queries.py": src.ownTasks,
  }),
  slot,
});
if (!corpusTokens || !referenceTokens || !renamedTokens || !partialTokens)
  throw new Error("no tokens");

const byFolder = new Map<string, TTokenFile[]>();
for (const file of corpusTokens.project) {
  const folder = file.path.split("/")[0] ?? "";
  byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
}
const referenceViews = referenceTokens.project.filter((f) => f.path === "tasks/views.py");
const referenceTests = referenceTokens.project.filter((f) => f.path === "tasks/tests.py");
const groups: Record<string, TTokenFile[]> = {
  ...Object.fromEntries(byFolder),
  "views-reference": referenceViews,
  "tests-reference": referenceTests,
};
const kinds = (name: string) => name.split("-")[0];

console.log(
  "| k | w | honest max (pair) | honest median | renamed copy | one copied file | fp/100 tokens |",
);
console.log("| - | - | - | - | - | - | - |");
for (const k of [12, 15, 20, 25, 30, 40]) {
  for (const w of [4, 8, 12]) {
    const params = { k, w };
    const starter = starterHashes(referenceTokens.starter, params);
    const fp = (files: TTokenFile[]) => fingerprintFiles(files, starter, params);
    const names = Object.keys(groups);
    const scores: { pair: string; score: number }[] = [];
    for (let a = 0; a < names.length; a += 1)
      for (let b = a + 1; b < names.length; b += 1) {
        const left = names[a] ?? "";
        const right = names[b] ?? "";
        if (kinds(left) !== kinds(right)) continue;
        scores.push({
          pair: `${left}/${right}`,
          score: similarityOf(fp(groups[left] ?? []), fp(groups[right] ?? [])),
        });
      }
    scores.sort((x, y) => y.score - x.score);
    const median = scores[Math.floor(scores.length / 2)]?.score ?? 0;
    const reference = fp(referenceTokens.project);
    const tokenCount = referenceTokens.project.reduce((n, f) => n + f.tokens.length, 0);
    const pct = (value: number) => `${Math.round(value * 100)}%`;
    console.log(
      `| ${k} | ${w} | ${pct(scores[0]?.score ?? 0)} (${scores[0]?.pair}) | ${pct(median)} | ${pct(similarityOf(reference, fp(renamedTokens.project)))} | ${pct(similarityOf(reference, fp(partialTokens.project)))} | ${((reference.length / tokenCount) * 100).toFixed(1)} |`,
    );
  }
}
