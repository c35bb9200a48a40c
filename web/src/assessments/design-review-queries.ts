import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TBody, TJson } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

export type TDesignReviewPage = TJson<
  "/api/assessments/{assessmentId}/parts/{part}/design-review",
  "get"
>["designReview"];
export type TDesignReview = NonNullable<TDesignReviewPage["mine"]>;
export type TDesignReviewDraft = TBody<
  "/api/assessments/{assessmentId}/parts/{part}/design-review/draft",
  "put"
>;

export const designReviewKeys = {
  page: (assessmentId: string, part: number) => ["design-reviews", assessmentId, part] as const,
};

export function useDesignReview(assessmentId: string, part: number) {
  return useQuery({
    queryKey: designReviewKeys.page(assessmentId, part),
    queryFn: async () =>
      (
        await unwrap(
          api.GET("/api/assessments/{assessmentId}/parts/{part}/design-review", {
            params: { path: { assessmentId, part } },
          }),
        )
      ).designReview,
  });
}

/** Autosave: the saved draft replaces `mine` in the cache, so the next save sends its revision. */
export function useSaveDesignReviewDraft(assessmentId: string, part: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TDesignReviewDraft) =>
      (
        await unwrap(
          api.PUT("/api/assessments/{assessmentId}/parts/{part}/design-review/draft", {
            params: { path: { assessmentId, part } },
            body,
          }),
        )
      ).review,
    onSuccess: (review) =>
      queryClient.setQueryData<TDesignReviewPage>(
        designReviewKeys.page(assessmentId, part),
        (page) => (page ? { ...page, mine: review } : page),
      ),
  });
}

/** Submitting unlocks the other reviews, so the page is read again. */
export function useSubmitDesignReview(assessmentId: string, part: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (revision: number) =>
      (
        await unwrap(
          api.POST("/api/assessments/{assessmentId}/parts/{part}/design-review/submit", {
            params: { path: { assessmentId, part } },
            body: { revision },
          }),
        )
      ).review,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: designReviewKeys.page(assessmentId, part) }),
  });
}
