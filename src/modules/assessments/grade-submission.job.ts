import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { TDatabase } from "../../db/client.js";
import { GradingLimiter } from "../../grader/grading-limiter.js";
import { defineJob, PermanentJobError } from "../../jobs/job-definition.js";
import type { TJobHandler } from "../../jobs/job-definition.js";
import type { TSimilarityService } from "../similarity/similarity.service.js";
import type { TWebhookEmitter } from "../webhooks/webhooks.service.js";
import type { TAssessmentsRepo } from "./assessments.repo.js";

export const GRADING_MAX_ATTEMPTS = 3;

export const gradeSubmissionJob = defineJob({
  name: "grade-submission",
  payload: z.object({ gradingId: z.uuid() }),
  maxAttempts: GRADING_MAX_ATTEMPTS,
  concurrency: Math.max(1, os.cpus().length),
});

export type TGradingSettings = {
  /** Gradings this process runs at once; each holds one sandbox uid slot. */
  concurrency: number;
  /**
   * First uid slot of this process. Worker processes sharing one machine need disjoint ranges
   * (SHORTLIST_GRADER_SLOT_BASE), or two gradings could run as the same uid.
   */
  slotBase: number;
};

/** An infrastructure failure the job layer should retry (the grader said "ours, not yours"). */
class GraderInfrastructureError extends Error {}

export function createGradeSubmissionHandler(deps: {
  assessmentsRepo: Pick<
    TAssessmentsRepo,
    "findGradingForJob" | "markGradingRunning" | "finishGrading" | "readSubmissionContent"
  >;
  similarityService: Pick<TSimilarityService, "recordFingerprints">;
  settings: TGradingSettings;
  /** The grade and its `assessment.graded` event commit together (webhooks.service.ts). */
  db?: TDatabase;
  webhooks?: TWebhookEmitter;
}): TJobHandler<{ gradingId: string }> {
  const repo = deps.assessmentsRepo;

  type TFound = NonNullable<Awaited<ReturnType<TAssessmentsRepo["findGradingForJob"]>>>;
  /** Stores the outcome, and tells the endpoints subscribed to `assessment.graded` in the same commit. */
  async function finish(
    found: TFound,
    values: { status: "graded" | "error"; score: number | null; report: unknown },
  ) {
    const { db, webhooks } = deps;
    if (!db || !webhooks) {
      await repo.finishGrading(found.grading.id, values);
      return;
    }
    await db.transaction(async (tx) => {
      await repo.finishGrading(found.grading.id, values, tx);
      await webhooks.emit(
        "assessment.graded",
        {
          gradingId: found.grading.id,
          submissionId: found.grading.submissionId,
          assessmentId: found.assessmentId,
          partId: found.partId,
          applicationId: found.applicationId,
          packId: found.packId,
          status: values.status,
          score: values.score,
        },
        tx,
      );
    });
    await webhooks.wake();
  }
  // The worker claims at most `concurrency` grading jobs, so a slot is always free at once.
  const limiter = new GradingLimiter(deps.settings.concurrency);

  /**
   * After the grade is stored: fingerprint the submission and compare it with the pack's others.
   * The grade stands whatever happens here (similarity is a signal beside it, never part of it),
   * so a failure is reported in the job's result, not retried; a re-grade computes it again.
   */
  async function recordSimilarity(submissionId: string, packId: string, zipPath: string) {
    try {
      const { fingerprintSubmission } =
        await import("../../grader/similarity/fingerprint-submission.js");
      const fingerprints = await limiter.run((slot) =>
        fingerprintSubmission({ packId, source: zipPath, slot: deps.settings.slotBase + slot }),
      );
      return await deps.similarityService.recordFingerprints({ submissionId, fingerprints });
    } catch (error) {
      return { failed: error instanceof Error ? error.message : String(error) };
    }
  }

  return async ({ gradingId }, { attempt }) => {
    const found = await repo.findGradingForJob(gradingId);
    if (!found) throw new PermanentJobError(`grading ${gradingId} no longer exists`);
    if (!(await repo.markGradingRunning(gradingId))) return { skipped: "already finished" };
    const lastAttempt = attempt >= GRADING_MAX_ATTEMPTS;
    try {
      const content = await repo.readSubmissionContent(found.grading.submissionId);
      if (!content) throw new PermanentJobError("the submission's file is gone");
      // Heavy: the grader (and its sandbox) loads only in a process that actually grades.
      const { gradeSubmission } = await import("../../grader/grade.js");
      // On a first start the runtime may still be building in the background: wait for it (a
      // no-op once built) rather than burn this grading's attempts on "runtime missing".
      const { ensureRuntime } = await import("../../grader/runtime.js");
      await ensureRuntime().catch((error: unknown) => {
        throw new GraderInfrastructureError(
          `the grading runtime could not be built: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      const dir = await mkdtemp(path.join(os.tmpdir(), "shortlist-submission-"));
      try {
        // A design document is stored as its text (.md or .txt); everything else is a zip.
        const extension = path.extname(found.filename).toLowerCase();
        const isDocument = [".md", ".txt"].includes(extension);
        const zipPath = path.join(dir, `submission${isDocument ? extension : ".zip"}`);
        await writeFile(zipPath, content);
        const report = await limiter.run((slot) =>
          gradeSubmission({
            packId: found.packId,
            source: zipPath,
            concurrencySlot: deps.settings.slotBase + slot,
          }),
        );
        if (report.status === "error" && report.error?.kind === "infrastructure" && !lastAttempt)
          throw new GraderInfrastructureError(report.error.message);
        // A design document's check lists its sections and is never scored: no 0 of 100 for it
        // on the results page, in the candidate packet or anywhere else a score is read.
        const scored = report.status === "graded" && report.details?.kind !== "document";
        await finish(found, {
          status: report.status,
          score: scored ? Math.round(report.score) : null,
          report,
        });
        // Fingerprints are of Python code: a design document has none.
        const similarity = isDocument
          ? { skipped: "a design document" }
          : await recordSimilarity(found.grading.submissionId, found.packId, zipPath);
        return { status: report.status, score: report.score, similarity };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    } catch (error) {
      // The last try never leaves the grading in "running": it records why it could not finish.
      if (lastAttempt || error instanceof PermanentJobError) {
        await finish(found, { status: "error", score: null, report: null });
      }
      throw error;
    }
  };
}
