import { z } from "zod";
import { defineJob } from "../../jobs/job-definition.js";

/**
 * Sends one webhook delivery. The queue retries with backoff (5 s, 10, 20, ... at the default
 * delay: about 2.5 minutes over six attempts), and the last attempt marks the delivery failed.
 * One attempt is bounded by WEBHOOK_TIMEOUT_MS, well inside the expiry, so a hanging receiver
 * costs a worker slot for that long, never the request that caused the event.
 */
export const deliverWebhookJob = defineJob({
  name: "webhook.deliver",
  payload: z.object({ deliveryId: z.uuid() }),
  maxAttempts: 6,
  concurrency: 4,
  expireInSeconds: 300,
});
