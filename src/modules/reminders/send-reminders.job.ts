import { z } from "zod";
import { defineJob } from "../../jobs/job-definition.js";

/**
 * Sends the scorecard and assessment reminders that have fallen due. A pg-boss cron sends it every
 * ten minutes, once across all processes; a run that finds nothing due sends nothing.
 */
export const sendRemindersJob = defineJob({
  name: "reminders.send-due",
  payload: z.object({}),
  maxAttempts: 3,
  concurrency: 1,
  schedule: { cron: "*/10 * * * *", payload: {} },
});
