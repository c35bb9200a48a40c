import { z } from "zod";
import { defineJob } from "../../jobs/job-definition.js";

/** Delivers one outbox message over SMTP; the queue retries with backoff, the message keeps the error. */
export const deliverMailJob = defineJob({
  name: "mail.deliver",
  payload: z.object({ messageId: z.uuid() }),
  maxAttempts: 6,
  concurrency: 2,
});
