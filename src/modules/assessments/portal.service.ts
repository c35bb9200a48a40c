import { readFile } from "node:fs/promises";
import type { TDatabase } from "../../db/client.js";
import type { TStoredFilesRepo } from "../files/stored-files.repo.js";
import { AppError } from "../../errors.js";
import type { TJobQueue } from "../../jobs/boss-queue.js";
import { hashSecret } from "../../shared/secure-token.js";
import type { TAuditService } from "../audit/audit.service.js";
import { readStoredReport } from "../../grader/grade-report.js";
import {
  dueAt,
  effectiveGradingStatus,
  linkExpiresAt,
  MAX_UPLOAD_BYTES,
  partDueAt,
} from "./assessment-presenter.js";
import type { TAssessmentRow, TAssessmentsRepo, TPartRow } from "./assessments.repo.js";
import { submissionKindOf, type TPackSource } from "./assessments.service.js";
import { gradeSubmissionJob } from "./grade-submission.job.js";
import { renderInstructionsHtml } from "./instructions-html.js";
import { queueGrading } from "./grading-queue.js";
import { documentFromText, readDocumentUpload } from "./design-reviews.document.js";
import { inspectUpload, zipDirectory } from "./submission-zip.js";
import { recordConsent } from "../privacy/consent-records.js";
import type { TPrivacyRepo } from "../privacy/privacy.repo.js";

/** A file as uploaded, or (design documents only) text pasted into the portal. */
export type TPortalUpload = { filename: string; content: Buffer } | { text: string };

const invalidLink = () =>
  new AppError(
    "NOT_FOUND",
    "This assessment link is not valid. Check that you copied the whole link you were sent.",
  );

/**
 * The candidate portal. The token is the only credential: it is hashed and looked up, and every
 * function works on the one assessment it names — no id from the caller is ever trusted.
 */
type TStartInput = { acknowledgedNotice?: boolean | undefined };

export function createPortalService(deps: {
  db: TDatabase;
  assessmentsRepo: TAssessmentsRepo;
  auditService: Pick<TAuditService, "recordEvent">;
  jobQueue: Pick<TJobQueue, "enqueue" | "wake">;
  packs: Pick<TPackSource, "loadPack">;
  storedFilesRepo: Pick<TStoredFilesRepo, "insertFile">;
  privacyRepo: Pick<TPrivacyRepo, "getSettings" | "insertConsent">;
}) {
  const repo = deps.assessmentsRepo;
  const candidateActor = (requestId: string) => ({
    userId: null,
    label: "candidate (assessment link)",
    requestId,
  });

  /** Throws 404 for an unknown token and 410 for a withdrawn or expired one. */
  function assertUsable(assessment: TAssessmentRow, now = new Date()) {
    if (assessment.revokedAt)
      throw new AppError(
        "GONE",
        "This assessment was withdrawn by the hiring team. If you think this is a mistake, reply to the person who sent you the link.",
        { details: { reason: "revoked" } },
      );
    const expires = linkExpiresAt(assessment);
    if (now > expires)
      throw new AppError(
        "GONE",
        `This assessment link expired on ${expires.toUTCString()}. Ask the hiring team for a new one if you still want to take part.`,
        { details: { reason: "expired", expiredAt: expires.toISOString() } },
      );
  }

  /**
   * After "I'm finished" the attempt is over: what was uploaded is what is graded, and nothing new
   * is taken (no upload, no start of another part). The candidate is told so, with a way forward.
   */
  function assertNotFinished(assessment: TAssessmentRow) {
    if (assessment.finishedAt)
      throw new AppError(
        "CONFLICT",
        `You told us you were finished on ${assessment.finishedAt.toUTCString()}, so this assessment takes no more uploads. What you had uploaded by then is what the hiring team reviews. If something went wrong, reply to the person who sent you the link.`,
        { details: { reason: "finished", finishedAt: assessment.finishedAt.toISOString() } },
      );
  }

  async function resolve(token: string) {
    const found = await repo.findByTokenHash(hashSecret(token));
    if (!found) throw invalidLink();
    assertUsable(found.assessment);
    return found;
  }

  async function partOf(token: string, position: number) {
    const found = await resolve(token);
    const parts = await repo.listParts([found.assessment.id]);
    const part = parts.find((p) => p.position === position);
    if (!part)
      throw new AppError(
        "NOT_FOUND",
        `This assessment has ${parts.length} part${parts.length === 1 ? "" : "s"}; there is no part ${position}.`,
      );
    return { ...found, part };
  }

  type TListedSubmission = Awaited<ReturnType<TAssessmentsRepo["listSubmissions"]>>[number];
  type TListedGrading = Awaited<ReturnType<TAssessmentsRepo["listGradings"]>>[number];

  /** What the candidate sees of an upload: received, being checked, checked, or unusable and why. */
  function presentSubmission({ submission, file }: TListedSubmission, gradings: TListedGrading[]) {
    const latest = gradings.find((g) => g.grading.submissionId === submission.id);
    const status = latest ? effectiveGradingStatus(latest) : "queued";
    const report = latest ? readStoredReport(latest.grading.report) : null;
    // Only a problem with the upload itself is the candidate's to know and fix; never a score.
    const problem = report?.error?.kind === "submission" ? report.error.message : null;
    return {
      version: submission.version,
      isLate: submission.isLate,
      submittedAt: submission.submittedAt.toISOString(),
      filename: file.filename,
      sizeBytes: file.sizeBytes,
      check:
        problem !== null
          ? ("problem" as const)
          : status === "graded" || status === "error"
            ? ("checked" as const)
            : ("checking" as const),
      problem,
    };
  }

  function partProgress(assessment: TAssessmentRow, part: TPartRow) {
    if (part.submittedAt) return "submitted" as const;
    const started = assessment.timing === "shared" ? assessment.startedAt : part.startedAt;
    return started ? ("in-progress" as const) : ("not-started" as const);
  }

  async function describe(token: string) {
    const found = await resolve(token);
    const { assessment } = found;
    const [parts, submissions] = await Promise.all([
      repo.listParts([assessment.id]),
      repo.listSubmissions([assessment.id]),
    ]);
    const gradings = await repo.listGradings(submissions.map((s) => s.submission.id));
    const settings = await deps.privacyRepo.getSettings();
    return {
      candidateName: found.candidateName,
      privacyNoticeUrl: settings?.privacyNoticeUrl ?? null,
      roleTitle: found.roleTitle,
      timing: assessment.timing,
      timeLimitMinutes: assessment.timeLimitMinutes,
      deadlineAt: assessment.deadlineAt.toISOString(),
      linkExpiresAt: linkExpiresAt(assessment).toISOString(),
      startedAt: assessment.startedAt?.toISOString() ?? null,
      dueAt: assessment.timing === "shared" ? (dueAt(assessment)?.toISOString() ?? null) : null,
      finishedAt: assessment.finishedAt?.toISOString() ?? null,
      serverNow: new Date().toISOString(),
      maxUploadBytes: MAX_UPLOAD_BYTES,
      parts: await Promise.all(
        parts.map(async (part) => {
          const pack = await deps.packs.loadPack(part.packId);
          const instructions = await readFile(pack.instructionsFile, "utf8");
          const started = assessment.timing === "shared" ? assessment.startedAt : part.startedAt;
          return {
            position: part.position,
            pack: {
              title: pack.manifest.title,
              summary: pack.manifest.summary,
              submissionKind: submissionKindOf(pack.manifest),
            },
            instructions,
            instructionsHtml: renderInstructionsHtml(instructions),
            // With shared timing the one time box is the assessment's; each part says its share.
            timeLimitMinutes: part.timeLimitMinutes,
            state: partProgress(assessment, part),
            startedAt: started?.toISOString() ?? null,
            dueAt: partDueAt(assessment, part)?.toISOString() ?? null,
            submissions: submissions
              .filter((s) => s.submission.partId === part.id)
              .map((s) => presentSubmission(s, gradings)),
          };
        }),
      ),
    };
  }

  /** Starts a clock in its own transaction; starting again is harmless and keeps the first start. */
  async function startClock(
    token: string,
    requestId: string,
    position: number | null,
    input: TStartInput,
  ) {
    const found = await resolve(token);
    await deps.db.transaction(async (tx) => {
      const locked = await repo.lockAssessment(found.assessment.id, tx);
      if (!locked) throw invalidLink();
      const parts = await repo.listParts([locked.id], tx);
      const at = new Date();
      // The first start of anything is when the candidate takes part: the notice comes first.
      const firstStart = !locked.startedAt;
      if (firstStart) {
        const settings = await deps.privacyRepo.getSettings(tx);
        if (settings?.privacyNoticeUrl && input.acknowledgedNotice !== true)
          throw new AppError(
            "VALIDATION_FAILED",
            "Please read the privacy notice and confirm you have before you start.",
            { fields: [{ field: "acknowledgedNotice", message: "must be true" }] },
          );
      }
      if (locked.timing === "shared" || position === null) {
        if (locked.timing === "per-part" && parts.length > 1)
          throw new AppError(
            "CONFLICT",
            "Each part of this assessment has its own clock: start the part you want to work on.",
          );
        if (locked.startedAt) return;
        assertNotFinished(locked);
        await repo.setStarted(locked.id, at, tx);
        await repo.setAllPartsStarted(locked.id, at, tx);
      } else {
        const part = parts.find((p) => p.position === position);
        if (!part) throw new AppError("NOT_FOUND", `This assessment has no part ${position}.`);
        if (part.startedAt) return;
        assertNotFinished(locked);
        await repo.setPartStarted(part.id, at, tx);
        await repo.setStarted(locked.id, at, tx);
      }
      if (firstStart)
        await recordConsent(deps, tx, {
          candidateId: found.candidateId,
          lawfulBasis: "consent",
          source: "assessment",
          recordedBy: null,
        });
      await deps.auditService.recordEvent(
        candidateActor(requestId),
        {
          action: "assessment.started",
          entityType: "assessment",
          entityId: locked.id,
          after: { startedAt: at, part: locked.timing === "shared" ? "all" : position },
        },
        tx,
      );
    });
    return describe(token);
  }

  /**
   * What an upload stores: the zip as sent, or for a design-document part the document's text
   * (from Markdown, a PDF or pasted text) — each refused with a clear 4xx when it is not one.
   */
  async function prepareUpload(packId: string, position: number, upload: TPortalUpload) {
    const pack = await deps.packs.loadPack(packId);
    if (submissionKindOf(pack.manifest) === "document")
      return "text" in upload ? documentFromText(upload.text) : readDocumentUpload(upload);
    if ("text" in upload)
      throw new AppError(
        "CONFLICT",
        `Part ${position} (${pack.manifest.title}) takes a zip of your project, not pasted text.`,
      );
    if (upload.content.length > MAX_UPLOAD_BYTES)
      throw new AppError("PAYLOAD_TOO_LARGE", "The zip is larger than 5 MB.");
    await inspectUpload(upload.content);
    return { ...upload, mediaType: "application/zip" };
  }

  return {
    describe,
    /**
     * Checked before an upload is read, so a dead link or a missing part does not cost a 5 MB
     * transfer: what the part takes, so the upload's messages name the right kind of file.
     */
    uploadKindOf: async (token: string, position: number): Promise<"zip" | "document"> => {
      const { assessment, part } = await partOf(token, position);
      assertNotFinished(assessment);
      const pack = await deps.packs.loadPack(part.packId);
      return submissionKindOf(pack.manifest) === "document" ? "document" : "zip";
    },
    /** Whom a usable link belongs to, for the candidate's own answers kept by other modules. */
    candidateOf: async (token: string) => ({ candidateId: (await resolve(token)).candidateId }),

    /**
     * Starts the one shared clock (or the only part's). With a privacy notice configured the
     * candidate must acknowledge it; the first start records their consent in the same transaction.
     */
    start: (token: string, requestId: string, input: TStartInput = {}) =>
      startClock(token, requestId, null, input),

    /** Starts one part's clock; with shared timing this is the one clock. */
    startPart: (token: string, position: number, requestId: string, input: TStartInput = {}) =>
      startClock(token, requestId, position, input),

    /**
     * The candidate's "I'm finished": ends the attempt once something is uploaded. The clock
     * stops, uploads close (409), and the team sees when. Saying it again keeps the first time.
     */
    async finish(token: string, requestId: string) {
      const found = await resolve(token);
      await deps.db.transaction(async (tx) => {
        const locked = await repo.lockAssessment(found.assessment.id, tx);
        if (!locked) throw invalidLink();
        assertUsable(locked);
        if (locked.finishedAt) return;
        const parts = await repo.listParts([locked.id], tx);
        const handedIn = parts.filter((part) => part.submittedAt).map((part) => part.position);
        if (handedIn.length === 0)
          throw new AppError(
            "CONFLICT",
            locked.startedAt
              ? "Upload your work before you say you are finished: nothing has been uploaded yet."
              : "Start the assessment and upload your work before you say you are finished.",
          );
        const at = new Date();
        await repo.setFinished(locked.id, at, tx);
        await deps.auditService.recordEvent(
          candidateActor(requestId),
          {
            action: "assessment.finished",
            entityType: "assessment",
            entityId: locked.id,
            before: { finishedAt: null },
            after: { finishedAt: at, partsHandedIn: handedIn, partsCount: parts.length },
          },
          tx,
        );
      });
      return describe(token);
    },

    async starter(token: string, position: number) {
      const { part } = await partOf(token, position);
      const pack = await deps.packs.loadPack(part.packId);
      return {
        filename: `${pack.manifest.id}-starter.zip`,
        stream: await zipDirectory(pack.starterDir, `${pack.manifest.id}-starter`),
      };
    },

    async submit(token: string, position: number, sent: TPortalUpload, requestId: string) {
      const found = await partOf(token, position);
      const upload = await prepareUpload(found.part.packId, position, sent);
      const created = await deps.db.transaction(async (tx) => {
        const assessment = await repo.lockAssessment(found.assessment.id, tx);
        if (!assessment) throw invalidLink();
        assertUsable(assessment);
        // Checked again under the lock: a finish that raced this upload wins.
        assertNotFinished(assessment);
        const due = partDueAt(assessment, found.part);
        if (!due)
          throw new AppError(
            "CONFLICT",
            `Press Start before uploading part ${position}: that starts your clock.`,
          );
        const version = await repo.nextSubmissionVersion(found.part.id, tx);
        const fileId = await deps.storedFilesRepo.insertFile(
          {
            filename: upload.filename,
            mediaType: upload.mediaType,
            content: upload.content,
            createdBy: null,
          },
          tx,
        );
        const submission = await repo.insertSubmission(
          {
            assessmentId: assessment.id,
            partId: found.part.id,
            version,
            fileId,
            isLate: new Date() > due,
          },
          tx,
        );
        await repo.setPartSubmitted(found.part.id, submission.submittedAt, tx);
        const grading = await queueGrading(deps, tx, {
          submissionId: submission.id,
          requestedBy: null,
        });
        await deps.auditService.recordEvent(
          candidateActor(requestId),
          {
            action: "assessment.submitted",
            entityType: "assessment",
            entityId: assessment.id,
            after: {
              submissionId: submission.id,
              part: position,
              packId: found.part.packId,
              version,
              isLate: submission.isLate,
              sizeBytes: upload.content.length,
              gradingId: grading.id,
            },
          },
          tx,
        );
        return { submission, filename: upload.filename, sizeBytes: upload.content.length };
      });
      await deps.jobQueue.wake(gradeSubmissionJob);
      return {
        part: position,
        submission: {
          version: created.submission.version,
          isLate: created.submission.isLate,
          submittedAt: created.submission.submittedAt.toISOString(),
          filename: created.filename,
          sizeBytes: created.sizeBytes,
          check: "checking" as const,
          problem: null,
        },
        assessment: await describe(token),
      };
    },
  };
}
export type TPortalService = ReturnType<typeof createPortalService>;
