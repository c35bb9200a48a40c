import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, toApiError } from "../api/client";
import type { TJson } from "../api/json-types";

export type TActiveSession = TJson<"/api/me/sessions", "get">["sessions"][number];

export const accountKeys = { sessions: ["me", "sessions"] as const };

export function useMySessions() {
  return useQuery({
    queryKey: accountKeys.sessions,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/me/sessions");
      if (!data) throw new Error(toApiError(error).message);
      return data.sessions;
    },
  });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (sessionId: string) => {
      const { error } = await api.DELETE("/api/me/sessions/{sessionId}", {
        params: { path: { sessionId } },
      });
      if (error) throw new Error(toApiError(error).message);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useRevokeOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { data, error } = await api.DELETE("/api/me/sessions");
      if (!data) throw new Error(toApiError(error).message);
      return data.revoked;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}
