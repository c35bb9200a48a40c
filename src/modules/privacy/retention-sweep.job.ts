import { z } from "zod";
import { defineJob } from "../../jobs/job-definition.js";

/**
 * The daily retention sweep: anonymizes candidates due under the organisation's rule. Enqueued by
 * every worker's scheduler with the day as its dedupe key, so the sweep runs once a day however
 * many processes there are; each candidate is its own transaction, so a retry resumes.
 */
export const retentionSweepJob = defineJob({
  name: "privacy.retention-sweep",
  payload: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  maxAttempts: 3,
  concurrency: 1,
});
