import { z } from "zod";
import { AppError } from "../../errors.js";
import type { TApp } from "../../http/types.js";
import { safeEqual } from "../../shared/secure-token.js";
import type { TMetrics } from "./metrics.js";
import type { TReadinessService } from "./readiness.service.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function registerOperationsRoutes(
  app: TApp,
  deps: {
    metrics: TMetrics;
    readinessService: TReadinessService;
    metricsToken: string | undefined;
  },
) {
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
