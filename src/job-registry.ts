import type { TServices } from "./compose.js";
import {
  createGradeSubmissionHandler,
  gradeSubmissionJob,
} from "./modules/assessments/grade-submission.job.js";
import { createDeliverMailHandler } from "./modules/mail/deliver-mail.handler.js";
import { deliverMailJob } from "./modules/mail/deliver-mail.job.js";
import { retentionSweepJob } from "./modules/privacy/retention-sweep.job.js";
import { intakeJob } from "./modules/screening/intake.job.js";
import { deliverWebhookJob } from "./modules/webhooks/deliver-webhook.job.js";
import { sendRemindersJob } from "./modules/reminders/send-reminders.job.js";
import type PgBoss from "pg-boss";
import type { TDatabaseHandle } from "./db/client.js";
import { ensureQueues, startBoss } from "./jobs/job-boss.js";
import type { TBossOptions } from "./jobs/job-boss.js";
import { registerJob } from "./jobs/job-definition.js";
import type { TJobDefinition, TRegisteredJob } from "./jobs/job-definition.js";

/** Every job kind, without handlers: what the queues are created from before anything is sent. */
export const jobDefinitions: TJobDefinition<unknown>[] = [
  intakeJob,
  deliverMailJob,
  deliverWebhookJob,
  retentionSweepJob,
  sendRemindersJob,
  gradeSubmissionJob,
] as TJobDefinition<unknown>[];

/**
 * pg-boss on this database, its schema installed and every kind's queue (and dead-letter queue)
 * created, so a transaction can send a job at once. Every process that may enqueue starts it.
 */
export async function startJobQueue(
  handle: TDatabaseHandle,
  options: TBossOptions & { retryDelaySeconds?: number } = {},
  onError?: (error: Error) => void,
): Promise<PgBoss> {
  const boss = await startBoss(handle, options, onError);
  try {
    await ensureQueues(boss, jobDefinitions, options.retryDelaySeconds);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }
  return boss;
}

/**
 * Every job kind this build runs, with its handler bound to the services it needs. Handlers import
 * their code lazily (inside the handler), so a web-only process never loads the grader.
 */
export function registeredJobs(services: TServices): TRegisteredJob[] {
  return [
    registerJob(intakeJob, ({ batchId }) => services.intakeService.processBatch(batchId)),
    registerJob(deliverMailJob, createDeliverMailHandler(services.mailService)),
    registerJob(deliverWebhookJob, ({ deliveryId }, { attempt }) =>
      services.webhooksService.deliver(deliveryId, {
        isLast: attempt >= deliverWebhookJob.maxAttempts,
      }),
    ),
    registerJob(retentionSweepJob, () => services.candidateErasureService.runRetentionSweep()),
    registerJob(sendRemindersJob, () => services.remindersService.sendDueReminders()),
    registerJob(
      // The handler imports the grader itself, lazily, on its first job.
      { ...gradeSubmissionJob, concurrency: services.gradingSettings.concurrency },
      createGradeSubmissionHandler({
        assessmentsRepo: services.assessmentsRepo,
        similarityService: services.similarityService,
        settings: services.gradingSettings,
        db: services.db,
        webhooks: services.domainEvents,
      }),
    ),
  ];
}
