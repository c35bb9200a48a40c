#!/usr/bin/env node
// Gzipped JavaScript a first visit downloads, per route: the entry's static imports plus the
// route's lazily loaded page and its static imports. Reads the Vite manifest of a build:
//   npx vite build web --logLevel warn && node bench/bundle-size.mjs [distDir=web/dist]
// Exits 1 when a first load is over its budget (issue 10): the candidate portal under 80 kB, every
// app page under 150 kB (kB = 1024 bytes, as printed). `npm test` runs it after building web/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = process.argv[2] ?? "web/dist";
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** Every chunk a key loads before it runs: itself and its static imports, transitively. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const next of chunk.imports ?? []) closure(next, seen);
  return seen;
}
const size = (files) => [...files].reduce((sum, file) => sum + gz(file), 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
const rows = [];
for (const [key, chunk] of entries) {
  const base = closure(key);
  rows.push([chunk.name ?? key, "(entry alone)", size(base)]);
  for (const lazy of chunk.dynamicImports ?? []) {
    const page = manifest[lazy];
    if (!page?.src?.match(/Page\.tsx$/)) continue;
    rows.push([
      chunk.name ?? key,
      page.src.replace(/^src\//, ""),
      size(closure(lazy, new Set(base))),
    ]);
  }
}
// Pages reached through the route fragments (hiring-routes, screening-routes) are dynamic
// imports of those modules, which the entry imports statically.
for (const [key, chunk] of Object.entries(manifest)) {
  if (chunk.isEntry || !chunk.src?.endsWith("-routes.tsx")) continue;
  const entry = entries.find(([entryKey]) => closure(entryKey).has(chunk.file));
  if (!entry) continue;
  const base = closure(entry[0]);
  for (const lazy of chunk.dynamicImports ?? []) {
    const page = manifest[lazy];
    rows.push([entry[1].name, page.src.replace(/^src\//, ""), size(closure(lazy, new Set(base)))]);
  }
}
const BUDGET_KB = { portal: 80, app: 150 };
console.log("| entry | route page | first-load JS, gzip -9 | budget |\n| --- | --- | --- | --- |");
const over = [];
for (const [entry, page, bytes] of rows) {
  const budget = BUDGET_KB[entry];
  const fits = budget === undefined || bytes < budget * 1024;
  if (!fits) over.push(`${entry} ${page}: ${kb(bytes)} (budget ${budget} kB)`);
  const mark = budget === undefined ? "" : `${budget} kB${fits ? "" : " **over**"}`;
  console.log(`| ${entry} | ${page} | ${kb(bytes)} | ${mark} |`);
}
if (rows.length === 0) over.push("no entries in the manifest");
if (over.length > 0) {
  console.error(`First-load JS over budget:\n  ${over.join("\n  ")}`);
  process.exit(1);
}
