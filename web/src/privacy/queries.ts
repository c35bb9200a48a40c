import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TBody, TJson } from "../api/json-types";
import { unwrap } from "../api/query-helpers";
import { candidateKeys } from "../candidates/queries";

export type TPrivacySettings = TJson<"/api/privacy/settings", "get">["settings"];
export type TConsent = TJson<"/api/candidates/{candidateId}/consents", "get">["consents"][number];
export type TAccessEvent = TJson<
  "/api/candidates/{candidateId}/access-trail",
  "get"
>["events"][number];
type TSettingsBody = TBody<"/api/privacy/settings", "put">;
type TEraseBody = TBody<"/api/candidates/{candidateId}/erase", "post">;

export const privacyKeys = {
  settings: ["privacy", "settings"] as const,
  preview: (months: number | undefined) => ["privacy", "retention-preview", months] as const,
  consents: (candidateId: string) => [...candidateKeys.all, "consents", candidateId] as const,
  trail: (candidateId: string) => [...candidateKeys.all, "access-trail", candidateId] as const,
};

/** The export is a plain GET download (the session cookie authenticates it; no CSRF for GET). */
export const exportUrl = (candidateId: string) => `/api/candidates/${candidateId}/export`;

export function usePrivacySettings() {
  return useQuery({
    queryKey: privacyKeys.settings,
    queryFn: () => unwrap(api.GET("/api/privacy/settings")),
    select: (data) => data.settings,
  });
}

export function useUpdatePrivacySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSettingsBody) => unwrap(api.PUT("/api/privacy/settings", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["privacy"] }),
  });
}

export function useRetentionPreview(months: number | undefined) {
  return useQuery({
    queryKey: privacyKeys.preview(months),
    queryFn: () =>
      unwrap(
        api.GET("/api/privacy/retention/preview", {
          params: { query: months === undefined ? {} : { months } },
        }),
      ),
  });
}

export function useCandidateConsents(candidateId: string) {
  return useQuery({
    queryKey: privacyKeys.consents(candidateId),
    queryFn: () =>
      unwrap(
        api.GET("/api/candidates/{candidateId}/consents", { params: { path: { candidateId } } }),
      ),
    select: (data) => data.consents,
  });
}

export function useAccessTrail(candidateId: string, enabled: boolean) {
  return useQuery({
    queryKey: privacyKeys.trail(candidateId),
    queryFn: () =>
      unwrap(
        api.GET("/api/candidates/{candidateId}/access-trail", {
          params: { path: { candidateId }, query: { limit: 50 } },
        }),
      ),
    enabled,
  });
}

export function useEraseCandidate(candidateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TEraseBody) =>
      unwrap(
        api.POST("/api/candidates/{candidateId}/erase", {
          params: { path: { candidateId } },
          body,
        }),
      ),
    // Everything about the person changed: the candidate, lists, boards naming them.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
