import type { TServices } from "./compose.js";
import {
  createGradeSubmissionHandler,
  gradeSubmissionJob,
} from "./modules/assessments/grade-submission.job.js";
import { createDeliverMailHandler } from "./modules/mail/deliver-mail.handler.js";
import { deliverMailJob } from "./modules/mail/deliver-mail.job.js";
import { retentionSweepJob } from "./modules/privacy/retention-sweep.job.js";
import { intakeJob } from "./modules/screening/intake.job.js";
import { registerJob } from "./jobs/job-definition.js";
import type { TRegisteredJob } from "./jobs/job-definition.js";
import type { TDailyJob } from "./jobs/job-scheduler.js";

/**
 * Every job kind this build runs, with its handler bound to the services it needs. Handlers import
 * their code lazily (inside the handler), so a web-only process never loads the grader.
 */
export function registeredJobs(services: TServices): TRegisteredJob[] {
  return [
    registerJob(intakeJob, ({ batchId }) => services.intakeService.processBatch(batchId)),
    registerJob(deliverMailJob, createDeliverMailHandler(services.mailService)),
    registerJob(retentionSweepJob, () => services.candidateErasureService.runRetentionSweep()),
    registerJob(
      // The handler imports the grader itself, lazily, on its first job.
      { ...gradeSubmissionJob, concurrency: services.gradingSettings.concurrency },
      createGradeSubmissionHandler({
        assessmentsRepo: services.assessmentsRepo,
        similarityService: services.similarityService,
        settings: services.gradingSettings,
      }),
    ),
  ];
}

/** Jobs the worker's scheduler enqueues once a day (deduplicated across processes). */
export const dailyJobs: TDailyJob[] = [{ definition: retentionSweepJob }];
