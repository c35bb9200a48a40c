#!/usr/bin/env node
// The package's bin: runs the compiled CLI. `npm start` / `npm run build` produce dist/.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error("Shortlist is not built yet. Run `npm start` once, or `npm run build`.");
  process.exit(1);
}
await import(cli.href);
