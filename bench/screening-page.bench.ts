/**
 * How fast the screening page's API answers: GET /api/applications/:id/screening through the real
 * Fastify app on an embedded PGlite database, for one candidate with a two-page PDF résumé
 * (blind review on, the most work). Budget: the page opens in < 300 ms.
 *
 *     npx tsx bench/screening-page.bench.ts [rounds=100]
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { composeServices } from "../src/compose.js";
import { openMemoryDatabase } from "../src/db/client.js";
import { runMigrations } from "../src/db/migrate.js";
import { buildApp } from "../src/routes.js";
import { buildHiringWorld, expectStatus } from "../src/test-support/hiring-world.js";
import { multipartBody } from "../src/test-support/multipart-body.js";
import { buildResumeLines } from "./resume-corpus.js";
import { buildResumePdf } from "../src/test-support/resume-fixtures.js";

const rounds = Number(process.argv[2] ?? 100);
const handle = await openMemoryDatabase();
await runMigrations(handle.db);
const services = composeServices(handle, {
  sessionTtlHours: 24,
  publicUrl: "http://localhost:3000",
});
await services.questionsService.ensureQuestionBankSeeded();
const app = await buildApp({
  services,
  cookieSecret: randomBytes(32).toString("hex"),
  sessionTtlHours: 24,
  bodyLimitBytes: 1024 * 1024,
  trustProxy: false,
  logger: false,
  version: "bench",
  databaseKind: handle.kind,
});
await app.ready();
const w = await buildHiringWorld(app);
const agent = w.recruiterOn.agent;
const { candidateId, applicationId } = await w.newApplication("resume-screen");
const settings = expectStatus(await agent.get(`/api/roles/${w.role.id}/screening-settings`), 200);
const checklist = settings.json<{ settings: { checklist: unknown[] } }>().settings.checklist;
expectStatus(
  await agent.put(`/api/roles/${w.role.id}/screening-settings`, { checklist, blind: true }),
  200,
);
const pdf = await buildResumePdf(buildResumeLines(42).lines);
expectStatus(
  await agent.request({
    method: "POST",
    url: `/api/candidates/${candidateId}/resume`,
    ...multipartBody([{ field: "file", filename: "cv.pdf", bytes: pdf }]),
  }),
  201,
);

const url = `/api/applications/${applicationId}/screening`;
const timed = async () => {
  const started = performance.now();
  const response = await agent.get(url);
  if (response.statusCode !== 200) throw new Error(response.body);
  return { ms: performance.now() - started, bytes: response.rawPayload.byteLength };
};
const cold = await timed();
const times: number[] = [];
for (let i = 0; i < rounds; i++) times.push((await timed()).ms);
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
console.log(
  `GET screening page (blind, ${pdf.byteLength} B PDF, response ${cold.bytes} B): cold ${cold.ms.toFixed(1)} ms, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms over ${rounds}`,
);
await app.close();
await handle.close();
