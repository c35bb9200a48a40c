import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TBody, TJson } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

export type TDesignReviewPage = TJson<
  "/api/assessments/{assessmentId}/design-review",
  "get"
>["designReview"];
export type TDesignReview = NonNullable<TDesignReviewPage["mine"]>;
export type TDesignReviewDraft = TBody<
  "/api/assessments/{assessmentId}/design-review/draft",
  "put"
>;

export const designReviewKeys = {
  page: (assessmentId: string) => ["design-reviews", assessmentId] as const,
};

export function useDesignReview(assessmentId: string) {
  return useQuery({
    queryKey: designReviewKeys.page(assessmentId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET("/api/assessments/{assessmentId}/design-review", {
            params: { path: { assessmentId } },
          }),
        )
      ).designReview,
  });
}

/** Autosave: the saved draft replaces `mine` in the cache, so the next save sends its revision. */
export function useSaveDesignReviewDraft(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TDesignReviewDraft) =>
      (
        await unwrap(
          api.PUT("/api/assessments/{assessmentId}/design-review/draft", {
            params: { path: { assessmentId } },
            body,
          }),
        )
      ).review,
    onSuccess: (review) =>
      queryClient.setQueryData<TDesignReviewPage>(designReviewKeys.page(assessmentId), (page) =>
        page ? { ...page, mine: review } : page,
      ),
  });
}

/** Submitting unlocks the other reviews, so the page is read again. */
export function useSubmitDesignReview(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (revision: number) =>
      (
        await unwrap(
          api.POST("/api/assessments/{assessmentId}/design-review/submit", {
            params: { path: { assessmentId } },
            body: { revision },
          }),
        )
      ).review,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: designReviewKeys.page(assessmentId) }),
  });
}
