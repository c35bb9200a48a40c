import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHiringWorld } from "../test-support/hiring-world.js";
import type { THiringWorld } from "../test-support/hiring-world.js";
import { errorOf } from "../test-support/http-agent.js";
import { multipartBody } from "../test-support/multipart-body.js";
import { createTestApp, testDatabaseKinds } from "../test-support/test-app.js";
import type { TTestContext } from "../test-support/test-app.js";

describe.each(testDatabaseKinds())("uploads take one declared field on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  it("a résumé under another field name is a 400 naming both fields", async () => {
    const response = await w.recruiterOn.agent.request({
      method: "POST",
      url: `/api/candidates/${w.main.candidateId}/resume`,
      ...multipartBody([{ field: "avatar", filename: "cv.txt", bytes: Buffer.from("Django") }]),
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).message).toContain('"file"');
    expect(errorOf(response).fields?.[0]?.field).toBe("avatar");
  });

  it("an intake part under another field name is refused; U+0000 in a file name is dropped", async () => {
    const wrong = await w.recruiterOn.agent.request({
      method: "POST",
      url: `/api/roles/${w.role.id}/intake-batches`,
      ...multipartBody([{ field: "file", filename: "cv.txt", bytes: Buffer.from("Django") }]),
    });
    expect(wrong.statusCode).toBe(400);
    const resume = await w.recruiterOn.agent.request({
      method: "POST",
      url: `/api/candidates/${w.main.candidateId}/resume`,
      ...multipartBody([
        { field: "file", filename: "cv\u0000.txt", bytes: Buffer.from("Python and Django.") },
      ]),
    });
    expect(resume.statusCode).toBeLessThan(300);
  });
});
