import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { TOperationsRepo } from "./operations.repo.js";

/**
 * The process's Prometheus metrics (prom-client). One registry per process: the HTTP server and
 * the in-process worker record into it; GET /metrics renders it.
 */
export function createMetrics(deps: {
  operationsRepo: Pick<TOperationsRepo, "jobQueueStats" | "deadLetterCounts" | "ping">;
}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "shortlist_" });

  const httpDuration = new Histogram({
    name: "shortlist_http_request_duration_seconds",
    help: "HTTP request durations by route pattern (never the raw URL), method and status.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: "shortlist_job_duration_seconds",
    help: "Job attempt durations by kind and outcome; grade-submission is grading.",
    labelNames: ["job", "outcome"] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600],
    registers: [registry],
  });
  const jobsFinished = new Counter({
    name: "shortlist_jobs_finished_total",
    help: "Job attempts finished, by kind and outcome.",
    labelNames: ["job", "outcome"] as const,
    registers: [registry],
  });
  const dbWait = new Gauge({
    name: "shortlist_database_round_trip_seconds",
    help: "Time for one trivial query at scrape time, waiting for PGlite or a pool connection included.",
    registers: [registry],
  });
  const dbQueueWait = new Histogram({
    name: "shortlist_database_wait_seconds",
    help: "Time each statement or transaction waited for the database before running: PGlite's one-at-a-time queue, or a connection from the PostgreSQL pool.",
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const queueDepth = new Gauge({
    name: "shortlist_job_queue_depth",
    help: "Jobs queued or running, by kind and state.",
    labelNames: ["job", "status"] as const,
    registers: [registry],
  });
  const queueAge = new Gauge({
    name: "shortlist_job_queue_oldest_seconds",
    help: "Age of the oldest queued (due) or running job, by kind and state.",
    labelNames: ["job", "status"] as const,
    registers: [registry],
  });

  const deadLetters = new Gauge({
    name: "shortlist_job_dead_letters",
    help: "Jobs that failed their last attempt and wait in their kind's dead-letter queue, by kind.",
    labelNames: ["job"] as const,
    registers: [registry],
  });

  return {
    recordRequest(input: { method: string; route: string; status: number; seconds: number }) {
      httpDuration.observe(
        { method: input.method, route: input.route, status: String(input.status) },
        input.seconds,
      );
    },
    recordJob(input: { name: string; outcome: "succeeded" | "failed"; ms: number }) {
      jobDuration.observe({ job: input.name, outcome: input.outcome }, input.ms / 1000);
      jobsFinished.inc({ job: input.name, outcome: input.outcome });
    },
    recordDatabaseWait(seconds: number) {
      dbQueueWait.observe(seconds);
    },
    /** Reads what is measured at scrape time (queue, database), then renders everything. */
    async render(): Promise<{ contentType: string; body: string }> {
      const started = performance.now();
      await deps.operationsRepo.ping();
      dbWait.set((performance.now() - started) / 1000);
      queueDepth.reset();
      queueAge.reset();
      for (const row of await deps.operationsRepo.jobQueueStats()) {
        queueDepth.set({ job: row.name, status: row.status }, row.count);
        queueAge.set({ job: row.name, status: row.status }, row.oldest_seconds);
      }
      deadLetters.reset();
      for (const row of await deps.operationsRepo.deadLetterCounts())
        deadLetters.set({ job: row.name }, row.count);
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
export type TMetrics = ReturnType<typeof createMetrics>;
