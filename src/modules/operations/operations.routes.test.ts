import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "../../db/migrate.js";
import { createTestApp, openTestDatabase, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { setupAdmin } from "../../test-support/http-agent.js";
import { createOperationsRepo } from "./operations.repo.js";
import { createReadinessService } from "./readiness.service.js";

describe.each(testDatabaseKinds())("metrics and readiness on %s", (kind) => {
  let ctx: TTestContext;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
  });
  afterAll(async () => ctx.close());

  it("serves Prometheus metrics to localhost: request durations by route pattern, queue, database", async () => {
    const admin = await setupAdmin(ctx.app);
    await admin.get("/api/candidates?q=anything");
    await ctx.services.jobQueue.enqueue((await import("../screening/intake.job.js")).intakeJob, {
      batchId: "00000000-0000-4000-8000-000000000000",
    });
    const response = await ctx.app.inject({ method: "GET", url: "/metrics" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    expect(response.body).toMatch(
      /shortlist_http_request_duration_seconds_count\{method="GET",route="\/api\/candidates",status="200"\} 1/,
    );
    expect(response.body).toContain(
      'shortlist_job_queue_depth{job="screening.intake",status="queued"} 1',
    );
    expect(response.body).toContain("shortlist_job_queue_oldest_seconds");
    expect(response.body).toMatch(/shortlist_database_round_trip_seconds \d/);
    expect(response.body).not.toContain("anything");
  });

  it("counts a job that failed its last attempt in its kind's dead letters", async () => {
    const withWorker = await createTestApp(kind, { withWorker: true });
    try {
      // A batch that does not exist: the intake job fails permanently, on its first attempt.
      await withWorker.services.jobQueue.enqueue(
        (await import("../screening/intake.job.js")).intakeJob,
        { batchId: "00000000-0000-4000-8000-000000000001" },
      );
      const scrape = async () =>
        (await withWorker.app.inject({ method: "GET", url: "/metrics" })).body;
      const deadline = Date.now() + 20_000;
      let body = await scrape();
      while (!body.includes("shortlist_job_dead_letters{") && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        body = await scrape();
      }
      expect(body).toContain('shortlist_job_dead_letters{job="screening.intake"} 1');
      expect(body).not.toContain('shortlist_job_queue_depth{job="screening.intake"');
      // The admins' page reads the same, with every kind listed, idle ones at zero.
      const admin = await setupAdmin(withWorker.app);
      const kinds = (await admin.get("/api/admin/background-jobs")).json<{
        kinds: { name: string; deadLetters: number; failedLast24h: number; queued: number }[];
      }>().kinds;
      expect(kinds.find((k) => k.name === "screening.intake")).toMatchObject({
        deadLetters: 1,
        failedLast24h: 1,
        queued: 0,
      });
      expect(kinds.map((k) => k.name)).toEqual(
        expect.arrayContaining(["grade-submission", "mail.deliver", "webhook.deliver"]),
      );
      expect(kinds.find((k) => k.name === "webhook.deliver")).toMatchObject({ deadLetters: 0 });
      expect(kinds.some((k) => k.name.endsWith(".dead"))).toBe(false);
      const anonymous = await withWorker.app.inject({
        method: "GET",
        url: "/api/admin/background-jobs",
      });
      expect(anonymous.statusCode).toBe(401);
    } finally {
      await withWorker.close();
    }
  });

  it("refuses /metrics from another machine when no token is configured", async () => {
    const response = await ctx.app.inject({
      method: "GET",
      url: "/metrics",
      remoteAddress: "203.0.113.9",
    });
    expect(response.statusCode).toBe(403);
  });

  it("reports readiness separately from liveness, with booleans only", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/ready" });
    const body = response.json<{ ready: boolean; checks: Record<string, boolean> }>();
    expect(body.checks).toMatchObject({ database: true, migrations: true });
    expect(response.statusCode).toBe(body.ready ? 200 : 503);
    expect(response.body).not.toMatch(/\/(work|tmp|home|opt)\//);
  });

  it("is not ready while migrations are missing or grading cannot run", async () => {
    const handle = await openTestDatabase(kind);
    try {
      const repo = createOperationsRepo(handle.db);
      const noSandbox = async () => Promise.resolve({ ok: false, bwrap: { available: false } });
      const before = createReadinessService({ operationsRepo: repo, checkRuntime: noSandbox });
      expect((await before.checkReadiness()).checks.migrations).toBe(false);
      await runMigrations(handle.db);
      const after = createReadinessService({ operationsRepo: repo, checkRuntime: noSandbox });
      expect(await after.checkReadiness()).toEqual({
        ready: false,
        checks: { database: true, migrations: true, gradingRuntime: false, sandbox: false },
      });
    } finally {
      await handle.close();
    }
  });
});
