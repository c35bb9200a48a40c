import { z } from "zod";
import { defineJob } from "../../src/jobs/job-definition.js";

/** A job that does nothing, so the bench times the queue alone. */
export const noopJob = defineJob({
  name: "bench.noop",
  payload: z.object({ seq: z.number().int() }),
  maxAttempts: 1,
  concurrency: 1,
});
