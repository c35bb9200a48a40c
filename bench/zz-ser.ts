import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import fastJson from "fast-json-stringify";
import { ZShortlistResponse } from "../src/modules/shortlist/shortlist.schema.js";
const data = JSON.parse(fs.readFileSync("/tmp/shortlist.json", "utf8"));
const json = z.toJSONSchema(ZShortlistResponse, { io: "output", target: "draft-07", unrepresentable: "any" });
const fjs = (await import("../src/http/fast-serializer.js")).fastSerializerCompiler({ schema: ZShortlistResponse }); void fastJson; void json;
function t(name: string, f: () => unknown) {
  for (let i = 0; i < 10; i++) f();
  const xs: number[] = [];
  for (let i = 0; i < 60; i++) { const s = performance.now(); f(); xs.push(performance.now() - s); }
  xs.sort((a, b) => a - b);
  console.log(name.padEnd(28), "p50", xs[30]!.toFixed(1), "p95", xs[57]!.toFixed(1));
}
for (let r = 0; r < 2; r++) {
  t("JSON.stringify", () => JSON.stringify(data));
  t("zod safeEncode", () => z.safeEncode(ZShortlistResponse, data));
  t("zod encode+stringify", () => JSON.stringify(z.safeEncode(ZShortlistResponse, data).data));
  t("fast-json-stringify", () => fjs(data));
}
console.log(fjs(data) === JSON.stringify(data), fjs(data).length);
