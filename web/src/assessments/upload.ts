import { currentCsrfToken } from "../api/client";
import type { TApiError } from "../api/client";

/** An upload that failed, carrying the API's error body. */
export class UploadError extends Error {
  constructor(readonly apiError: TApiError) {
    super(apiError.message);
  }
}

/**
 * Uploads one file as multipart/form-data with XMLHttpRequest, because fetch cannot report
 * upload progress. Resolves with the parsed JSON body, or rejects with the API's error shape.
 */
export function uploadWithProgress<T>(
  url: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { error?: TApiError } | null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else
        reject(
          new UploadError(
            body?.error ?? {
              code: "HTTP",
              message: `The upload failed (HTTP ${xhr.status}).`,
              requestId: "",
            },
          ),
        );
    };
    xhr.onerror = () =>
      reject(
        new UploadError({
          code: "NETWORK",
          message: "The upload was interrupted. Check your connection and try again.",
          requestId: "",
        }),
      );
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}
