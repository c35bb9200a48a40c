import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "./job-definition.js";
import { createJobScheduler } from "./job-scheduler.js";

const daily = defineJob({
  name: "test.daily",
  payload: z.object({ day: z.string() }),
  maxAttempts: 1,
  concurrency: 1,
});

describe("job scheduler", () => {
  it("enqueues each daily job once per UTC day, keyed by the day", async () => {
    const keys = new Set<string>();
    const enqueued: { day: string; key: string }[] = [];
    let now = new Date("2026-12-02T23:30:00Z");
    const scheduler = createJobScheduler({
      jobQueue: {
        // The database's unique index, faked: a key seen before inserts nothing.
        enqueueOnce: (_definition, payload, key) => {
          if (keys.has(key)) return Promise.resolve(undefined);
          keys.add(key);
          enqueued.push({ day: (payload as { day: string }).day, key });
          return Promise.resolve({} as never);
        },
      },
      jobs: [{ definition: daily }],
      logger: { warn: () => undefined },
      now: () => now,
    });
    await scheduler.tick();
    await scheduler.tick();
    now = new Date("2026-12-03T00:10:00Z");
    await scheduler.tick();
    expect(enqueued).toEqual([
      { day: "2026-12-02", key: "test.daily:2026-12-02" },
      { day: "2026-12-03", key: "test.daily:2026-12-03" },
    ]);
  });

  it("keeps going when the database is unreachable for one tick", async () => {
    const warnings: string[] = [];
    const scheduler = createJobScheduler({
      jobQueue: { enqueueOnce: () => Promise.reject(new Error("connection refused")) },
      jobs: [{ definition: daily }],
      logger: { warn: (_object, message) => warnings.push(message) },
    });
    await expect(scheduler.tick()).resolves.toBeUndefined();
    expect(warnings).toEqual(["could not schedule a job"]);
  });
});
