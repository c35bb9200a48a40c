import { z } from "zod";
import { defineJob } from "../../jobs/job-definition.js";

/** Imports the files of one bulk intake batch; each file commits on its own, so a retry resumes. */
export const intakeJob = defineJob({
  name: "screening.intake",
  payload: z.object({ batchId: z.uuid() }),
  maxAttempts: 5,
  concurrency: 1,
});
