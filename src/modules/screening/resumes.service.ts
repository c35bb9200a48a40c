import type { TDatabase, TExecutor } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TStoredFilesRepo } from "../files/stored-files.repo.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TViewer } from "../access/viewer-scope.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import type { TCandidatesRepo } from "../candidates/candidates.repo.js";
import { candidateVisibility } from "../candidates/candidates.service.js";
import { extractResumeText, type TExtractedResume } from "./resume-extract.js";
import { isResumeExtractError } from "./resume-extract-error.js";
import { extractResumeFields, type TResumeFields } from "./resume-fields.js";
import type { TResumeSummary } from "./screening-api.schema.js";
import type { TResumeRow, TScreeningRepo } from "./screening.repo.js";
import type { TPrivacyRepo } from "../privacy/privacy.repo.js";

export type TUploadedFile = { filename: string; mime: string; bytes: Buffer };

const MEDIA_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain; charset=utf-8",
} as const;

/** The extractor's error as an HTTP error: its message is already written for the recruiter. */
export function resumeErrorToAppError(error: unknown): unknown {
  if (!isResumeExtractError(error)) return error;
  const code =
    error.code === "resume_too_large"
      ? "PAYLOAD_TOO_LARGE"
      : error.code === "resume_unsupported_format"
        ? "UNSUPPORTED_MEDIA_TYPE"
        : "UNPROCESSABLE";
  return new AppError(code, error.message, {
    fields: [{ field: "file", message: error.message }],
    details: { resumeErrorCode: error.code },
  });
}

/** Extracts text and fields; throws ResumeExtractError for a file that cannot be screened. */
export async function readResume(file: TUploadedFile) {
  const extracted = await extractResumeText({
    filename: file.filename,
    mime: file.mime,
    // A copy: pdf.js may transfer (detach) the buffer it is given, and a Buffer can be a slice of
    // a shared pool; the original bytes are still needed to store the file.
    bytes: new Uint8Array(file.bytes),
  });
  return { extracted, fields: extractResumeFields(extracted.text) };
}

/** Stores the original and what was read from it, on the caller's transaction. */
export async function storeResume(
  repos: {
    storedFilesRepo: Pick<TStoredFilesRepo, "insertFile">;
    screeningRepo: Pick<TScreeningRepo, "insertResume">;
  },
  tx: TExecutor,
  input: {
    candidateId: string;
    file: TUploadedFile;
    extracted: TExtractedResume;
    fields: TResumeFields;
    uploadedBy: string | null;
  },
): Promise<TResumeRow> {
  const fileId = await repos.storedFilesRepo.insertFile(
    {
      filename: input.file.filename,
      mediaType: MEDIA_TYPES[input.extracted.format],
      content: input.file.bytes,
      createdBy: input.uploadedBy,
    },
    tx,
  );
  return repos.screeningRepo.insertResume(
    {
      candidateId: input.candidateId,
      fileId,
      format: input.extracted.format,
      text: input.extracted.text,
      fields: input.fields,
      uploadedBy: input.uploadedBy,
    },
    tx,
  );
}

export function presentResume(
  row: TResumeRow,
  file: { filename: string; sizeBytes: number },
): TResumeSummary {
  const fields = row.fields as TResumeFields;
  return {
    id: row.id,
    candidateId: row.candidateId,
    filename: file.filename,
    format: row.format as TResumeSummary["format"],
    sizeBytes: file.sizeBytes,
    uploadedAt: row.createdAt.toISOString(),
    emails: fields.emails.map((e) => e.value),
    phones: fields.phones.map((p) => p.value),
    links: fields.links.map((l) => ({ kind: l.kind, url: l.url })),
    experienceYears: fields.experience.years,
  };
}

export function createResumesService(deps: {
  db: TDatabase;
  screeningRepo: Pick<TScreeningRepo, "insertResume" | "latestResume" | "isBlindPending">;
  storedFilesRepo: Pick<TStoredFilesRepo, "insertFile" | "findFile">;
  candidatesRepo: Pick<TCandidatesRepo, "findById" | "isVisible" | "isContactVisible">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  privacyRepo: Pick<TPrivacyRepo, "recordAccess">;
}) {
  async function assertVisible(candidateId: string, viewer: TViewer) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    const visibility = candidateVisibility(scope);
    const visible =
      (await deps.candidatesRepo.findById(candidateId)) !== undefined &&
      (await deps.candidatesRepo.isVisible(candidateId, visibility));
    if (!visible) throw notFound("That candidate");
    // A résumé names the person and carries their e-mail and phone, so it goes only to those who
    // may read contact details (canSeeContact's rule: admin, creator, or the role's pipeline), not
    // to someone who sees the candidate only through an interview they were assigned.
    if (!(await deps.candidatesRepo.isContactVisible(candidateId, visibility)))
      throw new AppError(
        "FORBIDDEN",
        "The résumé holds the candidate's contact details: it is for the recruiters and hiring managers of their role.",
      );
  }

  return {
    async uploadResume(candidateId: string, file: TUploadedFile, viewer: TViewer, actor: TActor) {
      await assertVisible(candidateId, viewer);
      if ((await deps.candidatesRepo.findById(candidateId))?.erasedAt)
        throw new AppError(
          "CONFLICT",
          "This candidate's personal data was erased; no résumé can be added.",
        );
      let read: Awaited<ReturnType<typeof readResume>>;
      try {
        read = await readResume(file);
      } catch (error) {
        throw resumeErrorToAppError(error);
      }
      const row = await deps.db.transaction(async (tx) => {
        const resume = await storeResume(deps, tx, {
          candidateId,
          file,
          extracted: read.extracted,
          fields: read.fields,
          uploadedBy: viewer.id,
        });
        await deps.auditService.recordEvent(
          actor,
          {
            action: "resume.uploaded",
            entityType: "candidate",
            entityId: candidateId,
            after: { resumeId: resume.id, filename: file.filename, format: resume.format },
          },
          tx,
        );
        return resume;
      });
      return presentResume(row, { filename: file.filename, sizeBytes: file.bytes.byteLength });
    },

    async getResume(candidateId: string, viewer: TViewer) {
      await assertVisible(candidateId, viewer);
      const latest = await deps.screeningRepo.latestResume(candidateId);
      if (!latest) throw notFound("A résumé for this candidate");
      if (await deps.screeningRepo.isBlindPending(candidateId)) throw blindPending();
      await deps.privacyRepo.recordAccess({ candidateId, userId: viewer.id, kind: "resume_text" });
      return presentResume(latest.resume, latest);
    },

    /** The original file, as uploaded. Withheld while a blind screen is pending: it names the person. */
    async downloadResume(candidateId: string, viewer: TViewer) {
      await assertVisible(candidateId, viewer);
      const latest = await deps.screeningRepo.latestResume(candidateId);
      if (!latest) throw notFound("A résumé for this candidate");
      if (await deps.screeningRepo.isBlindPending(candidateId)) throw blindPending();
      const file = await deps.storedFilesRepo.findFile(latest.resume.fileId);
      if (!file) throw notFound("The résumé file");
      await deps.privacyRepo.recordAccess({ candidateId, userId: viewer.id, kind: "resume_file" });
      return { filename: file.filename, mediaType: file.mediaType, content: file.content };
    },
  };
}

function blindPending() {
  return new AppError(
    "FORBIDDEN",
    "This role screens blind: the original résumé and its contact details are available once the screen is recorded.",
  );
}
export type TResumesService = ReturnType<typeof createResumesService>;
