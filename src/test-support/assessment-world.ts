import { multipartBody } from "./multipart-body.js";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { assessmentsDir } from "../grader/paths.js";
import { buildZip } from "./grader-submissions.js";
import type { TZipEntry } from "./grader-submissions.js";
import { expectStatus } from "./hiring-world.js";
import type { HttpAgent } from "./http-agent.js";

/** Every file of a folder as zip entries under `prefix` (caches and databases left out). */
export async function zipEntriesOf(dir: string, prefix = ""): Promise<TZipEntry[]> {
  const entries: TZipEntry[] = [];
  async function walk(relative: string) {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      if (["__pycache__", ".pytest_cache", "db.sqlite3"].includes(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else entries.push({ name: `${prefix}${child}`, data: await readFile(path.join(dir, child)) });
    }
  }
  await walk("");
  return entries;
}

/** The rest-api pack's reference solution, zipped the way a candidate would. */
export async function referenceZip(): Promise<Buffer> {
  return buildZip(await zipEntriesOf(path.join(assessmentsDir, "rest-api", "reference"), "mine/"));
}

export function uploadTo(
  agent: HttpAgent,
  token: string,
  filename: string,
  content: Buffer,
  part = 1,
) {
  const body = multipartBody([
    { field: "file", filename, bytes: content, contentType: "application/zip" },
  ]);
  return agent.request({
    method: "POST",
    url: `/api/portal/${token}/parts/${part}/submissions`,
    payload: body.payload,
    headers: body.headers,
  });
}

/** Sends the rest-api assessment on an application; returns the link's token and the ids. */
export async function sendRestApiAssessment(
  agent: HttpAgent,
  applicationId: string,
  options: { deadlineInHours?: number; timeLimitMinutes?: number } = {},
) {
  const response = expectStatus(
    await agent.post(`/api/applications/${applicationId}/assessments`, {
      packId: "rest-api",
      deadlineAt: new Date(Date.now() + (options.deadlineInHours ?? 72) * 3_600_000).toISOString(),
      ...(options.timeLimitMinutes ? { timeLimitMinutes: options.timeLimitMinutes } : {}),
    }),
    201,
  ).json<{ assessment: { id: string }; candidateUrl: string }>();
  const token = response.candidateUrl.split("/assess/")[1] ?? "";
  return { assessmentId: response.assessment.id, token, candidateUrl: response.candidateUrl };
}

export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not done in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
