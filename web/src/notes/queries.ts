import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { unwrap } from "../api/query-helpers";

export const noteKeys = {
  list: (applicationId: string) => ["notes", applicationId] as const,
};

/** The team's notes on an application, oldest first, and who an @mention can reach. */
export function useNotes(applicationId: string) {
  return useQuery({
    queryKey: noteKeys.list(applicationId),
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/{applicationId}/notes", { params: { path: { applicationId } } }),
      ),
  });
}

export function useAddNote(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      unwrap(
        api.POST("/api/applications/{applicationId}/notes", {
          params: { path: { applicationId } },
          body: { body },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noteKeys.list(applicationId) }),
  });
}
