import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { unwrap } from "../api/query-helpers";

export const feedbackKeys = {
  of: (applicationId: string) => ["feedback", applicationId] as const,
};

export function useFeedback(applicationId: string, enabled = true) {
  return useQuery({
    queryKey: feedbackKeys.of(applicationId),
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/{applicationId}/feedback", {
          params: { path: { applicationId } },
        }),
      ),
    enabled,
  });
}

/** Draft, edit and approve share one cache entry: each answers with the feedback as it now is. */
function useFeedbackMutation<TInput>(
  applicationId: string,
  call: (input: TInput) => Promise<{ feedback: unknown }>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKeys.of(applicationId) }),
  });
}

export function useDraftFeedback(applicationId: string) {
  return useFeedbackMutation(applicationId, (regenerate: boolean) =>
    unwrap(
      api.POST("/api/applications/{applicationId}/feedback", {
        params: { path: { applicationId } },
        body: { regenerate },
      }),
    ),
  );
}

export function useUpdateFeedback(applicationId: string) {
  return useFeedbackMutation(applicationId, (body: { body: string; revision: number }) =>
    unwrap(
      api.PUT("/api/applications/{applicationId}/feedback", {
        params: { path: { applicationId } },
        body,
      }),
    ),
  );
}

export function useApproveFeedback(applicationId: string) {
  return useFeedbackMutation(applicationId, (revision: number) =>
    unwrap(
      api.POST("/api/applications/{applicationId}/feedback/approve", {
        params: { path: { applicationId } },
        body: { revision },
      }),
    ),
  );
}

/** E-mails the approved text to the candidate; the server sends it once. */
export function useSendFeedback(applicationId: string) {
  return useFeedbackMutation(applicationId, (revision: number) =>
    unwrap(
      api.POST("/api/applications/{applicationId}/feedback/send", {
        params: { path: { applicationId } },
        body: { revision },
      }),
    ),
  );
}

export const feedbackDownloadUrl = (applicationId: string) =>
  `/api/applications/${encodeURIComponent(applicationId)}/feedback.md`;
