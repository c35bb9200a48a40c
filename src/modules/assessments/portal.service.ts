import { readFile } from "node:fs/promises";
import type { TDatabase } from "../../db/client.js";
import type { TStoredFilesRepo } from "../files/stored-files.repo.js";
import { AppError } from "../../errors.js";
import type { TJobQueue } from "../../jobs/job-queue.js";
import { hashSecret } from "../../shared/secure-token.js";
import type { TAuditService } from "../audit/audit.service.js";
import { dueAt, linkExpiresAt, MAX_UPLOAD_BYTES } from "./assessment-presenter.js";
import type { TAssessmentRow, TAssessmentsRepo } from "./assessments.repo.js";
import type { TPackSource } from "./assessments.service.js";
import { gradeSubmissionJob } from "./grade-submission.job.js";
import { renderInstructionsHtml } from "./instructions-html.js";
import { queueGrading } from "./grading-queue.js";
import { documentFromText, readDocumentUpload } from "./design-reviews.document.js";
import { inspectUpload, zipDirectory } from "./submission-zip.js";

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
export function createPortalService(deps: {
  db: TDatabase;
  assessmentsRepo: TAssessmentsRepo;
  auditService: Pick<TAuditService, "recordEvent">;
  jobQueue: Pick<TJobQueue, "enqueue" | "wake">;
  packs: Pick<TPackSource, "loadPack">;
  storedFilesRepo: Pick<TStoredFilesRepo, "insertFile">;
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

  async function resolve(token: string) {
    const found = await repo.findByTokenHash(hashSecret(token));
    if (!found) throw invalidLink();
    assertUsable(found.assessment);
    return found;
  }

  async function describe(token: string) {
    const found = await resolve(token);
    const { assessment } = found;
    const pack = await deps.packs.loadPack(assessment.packId);
    const submissions = await repo.listSubmissions([assessment.id]);
    const instructions = await readFile(pack.instructionsFile, "utf8");
    return {
      candidateName: found.candidateName,
      roleTitle: found.roleTitle,
      pack: {
        title: pack.manifest.title,
        summary: pack.manifest.summary,
        kind: pack.manifest.kind,
      },
      instructions,
      instructionsHtml: renderInstructionsHtml(instructions),
      timeLimitMinutes: assessment.timeLimitMinutes,
      deadlineAt: assessment.deadlineAt.toISOString(),
      linkExpiresAt: linkExpiresAt(assessment).toISOString(),
      startedAt: assessment.startedAt?.toISOString() ?? null,
      dueAt: dueAt(assessment)?.toISOString() ?? null,
      serverNow: new Date().toISOString(),
      maxUploadBytes: MAX_UPLOAD_BYTES,
      submissions: submissions.map(presentSubmission),
    };
  }

  const presentSubmission = ({
    submission,
    file,
  }: Awaited<ReturnType<TAssessmentsRepo["listSubmissions"]>>[number]) => ({
    version: submission.version,
    isLate: submission.isLate,
    submittedAt: submission.submittedAt.toISOString(),
    filename: file.filename,
    sizeBytes: file.sizeBytes,
  });

  /**
   * What an upload stores: the zip as sent, or for a design-document pack the document's text
   * (from Markdown, a PDF or pasted text) — each refused with a clear 4xx when it is not one.
   */
  async function prepareUpload(packId: string, upload: TPortalUpload) {
    const pack = await deps.packs.loadPack(packId);
    if (pack.manifest.kind === "design-document")
      return "text" in upload ? documentFromText(upload.text) : readDocumentUpload(upload);
    if ("text" in upload)
      throw new AppError(
        "CONFLICT",
        "This assessment takes a zip of your project, not pasted text.",
      );
    if (upload.content.length > MAX_UPLOAD_BYTES)
      throw new AppError("PAYLOAD_TOO_LARGE", "The zip is larger than 5 MB.");
    await inspectUpload(upload.content);
    return { ...upload, mediaType: "application/zip" };
  }

  return {
    describe,
    /** Checked before an upload is read, so a dead link does not cost a 5 MB transfer. */
    assertLinkUsable: async (token: string) => {
      await resolve(token);
    },

    /** Starts the server-side clock; starting again is harmless and keeps the first start. */
    async start(token: string, requestId: string) {
      const found = await resolve(token);
      await deps.db.transaction(async (tx) => {
        const locked = await repo.lockAssessment(found.assessment.id, tx);
        if (!locked || locked.startedAt) return;
        const at = new Date();
        await repo.setStarted(locked.id, at, tx);
        await deps.auditService.recordEvent(
          candidateActor(requestId),
          {
            action: "assessment.started",
            entityType: "assessment",
            entityId: locked.id,
            after: { startedAt: at },
          },
          tx,
        );
      });
      return describe(token);
    },

    async starter(token: string) {
      const { assessment } = await resolve(token);
      const pack = await deps.packs.loadPack(assessment.packId);
      return {
        filename: `${pack.manifest.id}-starter.zip`,
        stream: await zipDirectory(pack.starterDir, `${pack.manifest.id}-starter`),
      };
    },

    async submit(token: string, sent: TPortalUpload, requestId: string) {
      const found = await resolve(token);
      const upload = await prepareUpload(found.assessment.packId, sent);
      const created = await deps.db.transaction(async (tx) => {
        const assessment = await repo.lockAssessment(found.assessment.id, tx);
        if (!assessment) throw invalidLink();
        assertUsable(assessment);
        const due = dueAt(assessment);
        if (!due)
          throw new AppError("CONFLICT", "Press Start before uploading: that starts your clock.");
        const version = await repo.nextSubmissionVersion(assessment.id, tx);
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
          { assessmentId: assessment.id, version, fileId, isLate: new Date() > due },
          tx,
        );
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
        submission: {
          version: created.submission.version,
          isLate: created.submission.isLate,
          submittedAt: created.submission.submittedAt.toISOString(),
          filename: created.filename,
          sizeBytes: created.sizeBytes,
        },
        assessment: await describe(token),
      };
    },
  };
}
export type TPortalService = ReturnType<typeof createPortalService>;
