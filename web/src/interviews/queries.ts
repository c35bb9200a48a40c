import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TBody } from "../api/json-types";
import { unwrap } from "../api/query-helpers";
import { applicationKeys } from "../applications/queries";
import { dashboardKeys } from "../dashboard/queries";

type TDraftBody = TBody<"/api/interviews/{interviewId}/scorecard/draft", "put">;
type TCorrectionBody = TBody<"/api/scorecards/{scorecardId}/corrections", "post">;

export const interviewKeys = {
  all: ["interviews"] as const,
  kit: (interviewId: string) => [...interviewKeys.all, "kit", interviewId] as const,
  myScorecard: (interviewId: string) => [...interviewKeys.all, "scorecard", interviewId] as const,
};

export function useKit(interviewId: string) {
  return useQuery({
    queryKey: interviewKeys.kit(interviewId),
    queryFn: () =>
      unwrap(api.GET("/api/interviews/{interviewId}/kit", { params: { path: { interviewId } } })),
  });
}

/**
 * The caller's own scorecard. The draft autosave owns it once loaded, so it is read fresh on
 * every visit (never from cache, whose revision may be behind) and never refetched under it.
 */
export function useMyScorecard(interviewId: string) {
  return useQuery({
    queryKey: interviewKeys.myScorecard(interviewId),
    queryFn: () =>
      unwrap(
        api.GET("/api/interviews/{interviewId}/scorecard", { params: { path: { interviewId } } }),
      ),
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** One autosave; the caller sequences them and handles the 409 that carries the newer draft. */
export function saveScorecardDraft(interviewId: string, body: TDraftBody) {
  return unwrap(
    api.PUT("/api/interviews/{interviewId}/scorecard/draft", {
      params: { path: { interviewId } },
      body,
    }),
  );
}

/** A submitted scorecard changes what others may see, the tally and the caller's to-do list. */
function useScorecardSettled() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  };
}

export function useSubmitScorecard(interviewId: string) {
  const settled = useScorecardSettled();
  return useMutation({
    mutationFn: (revision: number) =>
      unwrap(
        api.POST("/api/interviews/{interviewId}/scorecard/submit", {
          params: { path: { interviewId } },
          body: { revision },
        }),
      ),
    onSuccess: settled,
  });
}

export function useCorrectScorecard(scorecardId: string) {
  const settled = useScorecardSettled();
  return useMutation({
    mutationFn: (body: TCorrectionBody) =>
      unwrap(
        api.POST("/api/scorecards/{scorecardId}/corrections", {
          params: { path: { scorecardId } },
          body,
        }),
      ),
    onSuccess: settled,
  });
}
