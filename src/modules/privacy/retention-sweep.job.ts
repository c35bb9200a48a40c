import { z } from "zod";
import { defineJob } from "../../jobs/job-definition.js";

/**
 * The daily retention sweep: anonymizes candidates due under the organisation's rule. A pg-boss
 * cron schedule (03:17 UTC) sends it once a day across all processes on the database; each
 * candidate is its own transaction, so a retry resumes where the last attempt stopped.
 */
export const retentionSweepJob = defineJob({
  name: "privacy.retention-sweep",
  payload: z.object({}),
  maxAttempts: 3,
  concurrency: 1,
  schedule: { cron: "17 3 * * *", payload: {} },
});
