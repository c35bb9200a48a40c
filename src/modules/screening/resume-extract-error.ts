/**
 * Why a résumé file could not be turned into text. The codes are stable (the HTTP layer maps them to
 * 4xx responses and the UI may key help texts on them); the messages are written for a recruiter.
 */
export const RESUME_EXTRACT_ERROR_CODES = [
  "resume_too_large",
  "resume_empty",
  "resume_corrupt",
  "resume_encrypted",
  "resume_no_text_layer",
  "resume_unsupported_format",
] as const;

export type TResumeExtractErrorCode = (typeof RESUME_EXTRACT_ERROR_CODES)[number];

export class ResumeExtractError extends Error {
  override readonly name = "ResumeExtractError";

  constructor(
    readonly code: TResumeExtractErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isResumeExtractError(error: unknown): error is ResumeExtractError {
  return error instanceof ResumeExtractError;
}
