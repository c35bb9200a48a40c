import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TBody, TQuery } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

export type TCandidateFilter = TQuery<"/api/candidates", "get">;
type TCreateCandidateBody = TBody<"/api/candidates", "post">;
type TUpdateCandidateBody = TBody<"/api/candidates/{candidateId}", "patch">;

export const candidateKeys = {
  all: ["candidates"] as const,
  list: (filter: TCandidateFilter) => [...candidateKeys.all, "list", filter] as const,
  detail: (candidateId: string) => [...candidateKeys.all, "detail", candidateId] as const,
  resume: (candidateId: string) => [...candidateKeys.all, "resume", candidateId] as const,
};

export function useCandidates(filter: TCandidateFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: candidateKeys.list(filter),
    queryFn: () => unwrap(api.GET("/api/candidates", { params: { query: filter } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useCandidate(candidateId: string) {
  return useQuery({
    queryKey: candidateKeys.detail(candidateId),
    queryFn: () =>
      unwrap(api.GET("/api/candidates/{candidateId}", { params: { path: { candidateId } } })),
    select: (data) => data.candidate,
  });
}

export function useCandidateResume(candidateId: string, enabled: boolean) {
  return useQuery({
    queryKey: candidateKeys.resume(candidateId),
    queryFn: () =>
      unwrap(
        api.GET("/api/candidates/{candidateId}/resume", { params: { path: { candidateId } } }),
      ),
    enabled,
    // Each read is an entry in the candidate's access trail: not on every focus of the window.
    // An upload invalidates it (candidateKeys.all).
    staleTime: 5 * 60_000,
  });
}

export function useCreateCandidate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCandidateBody) => unwrap(api.POST("/api/candidates", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: candidateKeys.all }),
  });
}

export function useUpdateCandidate(candidateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateCandidateBody) =>
      unwrap(
        api.PATCH("/api/candidates/{candidateId}", { params: { path: { candidateId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: candidateKeys.all }),
  });
}

/** Admins fold a possible duplicate into the record it duplicates. */
export function useMergeCandidate(candidateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (intoCandidateId: string) =>
      unwrap(
        api.POST("/api/candidates/{candidateId}/merge", {
          params: { path: { candidateId } },
          body: { intoCandidateId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: candidateKeys.all }),
  });
}

/** Multipart through the typed client: the browser sets the boundary, CSRF is added. */
export function uploadResume(candidateId: string, file: File) {
  const form = new FormData();
  form.append("file", file);
  return unwrap(
    api.POST("/api/candidates/{candidateId}/resume", {
      params: { path: { candidateId } },
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}

export function useUploadResume() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ candidateId, file }: { candidateId: string; file: File }) =>
      uploadResume(candidateId, file),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: candidateKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["screening"] });
    },
  });
}
