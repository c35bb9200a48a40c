import { z } from "zod";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import type { TJobQueue } from "../../jobs/boss-queue.js";
import { ZIsoDateTime } from "../../shared/schema-primitives.js";
import type { TTestClock } from "../../shared/clock.js";
import { sendRemindersJob } from "../reminders/send-reminders.job.js";

const ZTestClockResponse = z.object({
  now: ZIsoDateTime,
  /** How far the clock runs ahead of the machine's, in minutes. */
  aheadMinutes: z.number(),
});

/**
 * Registered only with SHORTLIST_TEST_CLOCK (loopback servers): moving the clock forward also
 * fires the reminders schedule once, as its cron would have in the time skipped.
 */
export function registerTestClockRoutes(
  app: TApp,
  deps: { testClock: TTestClock; jobQueue: Pick<TJobQueue, "enqueue"> },
) {
  const present = (now: Date) => ({
    now: now.toISOString(),
    aheadMinutes: Math.round(deps.testClock.offsetMs() / 60_000),
  });

  app.get(
    "/api/admin/test-clock",
    {
      config: { access: ["admin"] },
      schema: {
        operationId: "getTestClock",
        tags: ["operations"],
        response: { 200: ZTestClockResponse, ...errorResponses },
      },
    },
    () => present(deps.testClock.now()),
  );

  app.post(
    "/api/admin/test-clock",
    {
      config: { access: ["admin"] },
      schema: {
        operationId: "advanceTestClock",
        tags: ["operations"],
        body: z.strictObject({
          advanceMinutes: z
            .number()
            .int("must be a whole number of minutes")
            .min(1, "must move the clock forward")
            .max(60 * 24 * 60, "must be 60 days or less"),
        }),
        response: { 200: ZTestClockResponse, ...errorResponses },
      },
    },
    async (request) => {
      const now = deps.testClock.advance(request.body.advanceMinutes * 60_000);
      await deps.jobQueue.enqueue(sendRemindersJob, {});
      return present(now);
    },
  );
}
