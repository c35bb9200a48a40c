import type { TExecutor } from "../../db/client.js";
import type { TJobQueue } from "../../jobs/boss-queue.js";
import type { TAssessmentsRepo } from "./assessments.repo.js";
import { gradeSubmissionJob } from "./grade-submission.job.js";

/**
 * A grading row and its job, in the caller's transaction: the upload (or the re-grade click) and
 * the job that grades it commit together. Call `jobQueue.wake(gradeSubmissionJob)` after commit.
 */
export async function queueGrading(
  deps: {
    assessmentsRepo: Pick<TAssessmentsRepo, "insertGrading" | "setGradingJob">;
    jobQueue: Pick<TJobQueue, "enqueue">;
  },
  tx: TExecutor,
  input: { submissionId: string; requestedBy: string | null },
) {
  const grading = await deps.assessmentsRepo.insertGrading(
    { submissionId: input.submissionId, requestedBy: input.requestedBy, status: "queued" },
    tx,
  );
  const job = await deps.jobQueue.enqueue(gradeSubmissionJob, { gradingId: grading.id }, tx);
  await deps.assessmentsRepo.setGradingJob(grading.id, job.id, tx);
  return { ...grading, jobId: job.id };
}
