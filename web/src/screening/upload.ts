import { api } from "../api/client";

/** Multipart uploads through the generated client: the browser sets the boundary, CSRF is added. */
export function uploadResume(candidateId: string, file: File) {
  const form = new FormData();
  form.append("file", file);
  return api.POST("/api/candidates/{candidateId}/resume", {
    params: { path: { candidateId } },
    body: form as never,
    bodySerializer: (body: unknown) => body as FormData,
  });
}

export function uploadIntake(roleId: string, files: readonly File[]) {
  const form = new FormData();
  for (const file of files) form.append("files", file);
  return api.POST("/api/roles/{roleId}/intake-batches", {
    params: { path: { roleId } },
    body: form as never,
    bodySerializer: (body: unknown) => body as FormData,
  });
}
