import type { FastifyRequest } from "fastify";
import { AppError } from "../../errors.js";
import { assertUploadField, cleanUploadFilename } from "../../http/upload-field.js";
import {
  IntakeArchiveError,
  isZipUpload,
  MAX_INTAKE_ARCHIVE_BYTES,
  MAX_INTAKE_FILES,
  unpackIntakeZip,
  type TIntakeEntry,
} from "./intake-archive.js";
import { MAX_RESUME_BYTES } from "./resume-extract.js";
import type { TUploadedFile } from "./resumes.service.js";

const MB = 1024 * 1024;

function assertMultipart(request: FastifyRequest) {
  if (!request.isMultipart())
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the file as multipart/form-data (a form with a file field).",
    );
}

/** Multipart's own limit errors, in our words. */
function limitError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT")
    return new AppError(
      "VALIDATION_FAILED",
      `At most ${MAX_INTAKE_FILES} résumés per batch; split the upload.`,
      { fields: [{ field: "files", message: `must be at most ${MAX_INTAKE_FILES} files` }] },
    );
  return error;
}

/** The one file of a résumé upload (field "file"), refused above 10 MB while streaming. */
export async function readSingleResume(request: FastifyRequest): Promise<TUploadedFile> {
  assertMultipart(request);
  const part = await request
    .file({ limits: { fileSize: MAX_RESUME_BYTES, files: 1 }, throwFileSizeLimit: false })
    .catch((error: unknown) => {
      throw limitError(error);
    });
  if (!part)
    throw new AppError("VALIDATION_FAILED", "Choose a résumé file to upload.", {
      fields: [{ field: "file", message: "is required" }],
    });
  assertUploadField(part, "file");
  const bytes = await part.toBuffer();
  if (part.file.truncated)
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `“${part.filename}” is larger than ${MAX_RESUME_BYTES / MB} MB; résumés can be at most ${MAX_RESUME_BYTES / MB} MB.`,
      {
        fields: [{ field: "file", message: "is too large" }],
        details: { resumeErrorCode: "resume_too_large" },
      },
    );
  return { filename: cleanUploadFilename(part.filename, "resume"), mime: part.mimetype, bytes };
}

/**
 * Every file of a bulk upload (any number of "files" parts, or one zip), in upload order. A file
 * over 10 MB is listed as refused rather than failing the whole batch.
 */
export async function readIntakeUploads(request: FastifyRequest): Promise<TIntakeEntry[]> {
  assertMultipart(request);
  const entries: TIntakeEntry[] = [];
  try {
    // throwFileSizeLimit is read per request at run time but missing from the parts() type.
    const options = {
      limits: { fileSize: MAX_INTAKE_ARCHIVE_BYTES, files: MAX_INTAKE_FILES, fields: 5 },
      throwFileSizeLimit: false,
    };
    for await (const part of request.parts(options)) {
      if (part.type !== "file") continue;
      assertUploadField(part, "files");
      const filename = cleanUploadFilename(part.filename, `file-${entries.length + 1}`);
      const bytes = await part.toBuffer();
      if (part.file.truncated) {
        entries.push({
          filename,
          refused: `“${filename}” is larger than ${MAX_INTAKE_ARCHIVE_BYTES / MB} MB.`,
          errorCode: "resume_too_large",
        });
      } else if (isZipUpload(filename, bytes)) {
        entries.push(...(await unpackIntakeZip(filename, bytes)));
      } else if (bytes.byteLength > MAX_RESUME_BYTES) {
        entries.push({
          filename,
          refused: `“${filename}” is ${(bytes.byteLength / MB).toFixed(1)} MB; résumés can be at most ${MAX_RESUME_BYTES / MB} MB.`,
          errorCode: "resume_too_large",
        });
      } else entries.push({ filename, mime: part.mimetype, bytes });
    }
  } catch (error) {
    if (error instanceof IntakeArchiveError)
      throw new AppError("VALIDATION_FAILED", error.message, {
        fields: [{ field: "files", message: error.message }],
      });
    throw limitError(error);
  }
  return entries;
}
