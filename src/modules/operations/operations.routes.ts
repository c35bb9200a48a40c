import { z } from "zod";
import { AppError } from "../../errors.js";
import type { TApp } from "../../http/types.js";
import { safeEqual } from "../../shared/secure-token.js";
import type { TMetrics } from "./metrics.js";
import { errorResponses } from "../../http/error-response.js";
import type { TOperationsRepo } from "./operations.repo.js";
import type { TReadinessService } from "./readiness.service.js";

const ZBackgroundJobsResponse = z.object({
  kinds: z.array(
    z.object({
      name: z.string(),
      queued: z.number().int(),
      running: z.number().int(),
      succeededLast24h: z.number().int(),
      failedLast24h: z.number().int(),
      deadLetters: z.number().int(),
      oldestQueuedSeconds: z.number().int(),
    }),
  ),
});

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function registerOperationsRoutes(
  app: TApp,
  deps: {
    metrics: TMetrics;
    readinessService: TReadinessService;
    operationsRepo: Pick<TOperationsRepo, "jobSummary">;
    /** Every job kind this build runs, so a kind with no jobs yet still shows (job-registry.ts). */
    jobKinds: readonly string[];
    metricsToken: string | undefined;
  },
) {
  app.get(
    "/api/admin/background-jobs",
    {
      config: { access: ["admin"] },
      schema: {
        operationId: "listBackgroundJobs",
        tags: ["operations"],
        description:
          "Per job kind: waiting and running now, finished and failed in the last 24 hours, dead letters.",
        response: { 200: ZBackgroundJobsResponse, ...errorResponses },
      },
    },
    async () => {
      const rows = new Map((await deps.operationsRepo.jobSummary()).map((r) => [r.name, r]));
      const names = [...new Set([...deps.jobKinds, ...rows.keys()])].sort();
      return {
        kinds: names.map((name) => {
          const r = rows.get(name);
          return {
            name,
            queued: r?.queued ?? 0,
            running: r?.running ?? 0,
            succeededLast24h: r?.succeeded_24h ?? 0,
            failedLast24h: r?.failed_24h ?? 0,
            deadLetters: r?.dead_letters ?? 0,
            oldestQueuedSeconds: Math.round(r?.oldest_queued_seconds ?? 0),
          };
        }),
      };
    },
  );

  app.addHook("onResponse", async (request, reply) => {
    deps.metrics.recordRequest({
      method: request.method,
      // The route pattern, never the raw URL (it can carry invite and portal tokens).
      route: request.routeOptions.url ?? "(unmatched)",
      status: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
    return Promise.resolve();
  });

  app.get(
    "/api/ready",
    {
      config: { access: "public" },
      schema: {
        operationId: "getReadiness",
        tags: ["meta"],
        description:
          "503 until the database, migrations, grading runtime and sandbox are all ready.",
        response: {
          "2xx": z.object({
            ready: z.boolean(),
            checks: z.object({
              database: z.boolean(),
              migrations: z.boolean(),
              gradingRuntime: z.boolean(),
              sandbox: z.boolean(),
            }),
          }),
        },
      },
    },
    async (_request, reply) => {
      const readiness = await deps.readinessService.checkReadiness();
      return reply.status(readiness.ready ? 200 : 503).send(readiness);
    },
  );

  // Prometheus scrapes with a bearer token (METRICS_TOKEN) or, without one, from this machine only.
  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    const header = request.headers.authorization ?? "";
    const allowed = deps.metricsToken
      ? safeEqual(header, `Bearer ${deps.metricsToken}`)
      : LOOPBACK.has(request.socket.remoteAddress ?? "");
    if (!allowed)
      throw new AppError(
        "FORBIDDEN",
        deps.metricsToken
          ? "Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>`."
          : "Metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere.",
      );
    const rendered = await deps.metrics.render();
    return reply.type(rendered.contentType).send(rendered.body);
  });
}
