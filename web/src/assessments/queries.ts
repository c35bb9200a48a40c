import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TBody } from "../api/json-types";
import { unwrap } from "../api/query-helpers";
import type { TAssessmentSummary } from "./types";

type TSendBody = TBody<"/api/applications/{applicationId}/assessments", "post">;
type TCountingBody = TBody<"/api/assessments/{assessmentId}/parts/{part}/counting-version", "post">;

export const FINAL_GRADING = new Set(["graded", "error"]);
/** Short polling while a grading is in flight (at most 2 s behind the sandbox). */
const LIVE_POLL_MS = 1500;
/** While a link is open a new upload can arrive at any moment; check less often. */
const OPEN_POLL_MS = 5000;

export const assessmentKeys = {
  all: ["assessments"] as const,
  forApplication: (applicationId: string) =>
    [...assessmentKeys.all, "application", applicationId] as const,
  packs: (applicationId: string) => [...assessmentKeys.all, "packs", applicationId] as const,
  grading: (gradingId: string, status: string) => ["gradings", gradingId, status] as const,
  files: (submissionId: string) => ["submissions", submissionId, "files"] as const,
  file: (submissionId: string, path: string) =>
    ["submissions", submissionId, "file", path] as const,
};

/** How often to look again: fast while grading runs, slowly while a link is open, else never. */
export function pollInterval(assessments: readonly TAssessmentSummary[]): number | false {
  const inFlight = assessments.some((a) =>
    a.parts.some((part) =>
      part.submissions.some((s) => s.latestGrading && !FINAL_GRADING.has(s.latestGrading.status)),
    ),
  );
  if (inFlight) return LIVE_POLL_MS;
  const open = assessments.some(
    (a) => a.state !== "revoked" && new Date(a.linkExpiresAt).getTime() > Date.now(),
  );
  return open ? OPEN_POLL_MS : false;
}

export function useApplicationAssessments(applicationId: string) {
  return useQuery({
    queryKey: assessmentKeys.forApplication(applicationId),
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/{applicationId}/assessments", {
          params: { path: { applicationId } },
        }),
      ),
    refetchInterval: (query) => pollInterval(query.state.data?.assessments ?? []),
  });
}

/** The same list without polling, for pages that only show the result that counts. */
export function useApplicationAssessmentResults(applicationId: string) {
  return useQuery({
    queryKey: assessmentKeys.forApplication(applicationId),
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/{applicationId}/assessments", {
          params: { path: { applicationId } },
        }),
      ),
  });
}

/** Only the pipeline's owners get the pack list (with the plan's proposal); others get a 403. */
export function useAssessmentPacks(applicationId: string) {
  return useQuery({
    queryKey: assessmentKeys.packs(applicationId),
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/{applicationId}/assessment-packs", {
          params: { path: { applicationId } },
        }),
      ),
  });
}

function useAssessmentsChanged(applicationId?: string) {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      queryKey: applicationId ? assessmentKeys.forApplication(applicationId) : assessmentKeys.all,
    });
}

export function useSendAssessment(applicationId: string) {
  const changed = useAssessmentsChanged(applicationId);
  return useMutation({
    mutationFn: (body: TSendBody) =>
      unwrap(
        api.POST("/api/applications/{applicationId}/assessments", {
          params: { path: { applicationId } },
          body,
        }),
      ),
    onSuccess: changed,
  });
}

export function useRevokeAssessment() {
  const changed = useAssessmentsChanged();
  return useMutation({
    mutationFn: (assessmentId: string) =>
      unwrap(
        api.POST("/api/assessments/{assessmentId}/revoke", {
          params: { path: { assessmentId } },
        }),
      ),
    onSettled: changed,
  });
}

export function useRegrade() {
  const changed = useAssessmentsChanged();
  return useMutation({
    mutationFn: (submissionId: string) =>
      unwrap(
        api.POST("/api/submissions/{submissionId}/regrade", {
          params: { path: { submissionId } },
        }),
      ),
    onSettled: changed,
  });
}

/** Each part has its own versions, so the choice is made for one part (by its position). */
export function useChooseCountingVersion(assessmentId: string, part: number) {
  const changed = useAssessmentsChanged();
  return useMutation({
    mutationFn: (body: TCountingBody) =>
      unwrap(
        api.POST("/api/assessments/{assessmentId}/parts/{part}/counting-version", {
          params: { path: { assessmentId, part } },
          body,
        }),
      ),
    onSuccess: changed,
  });
}

/** A grading's report; the status is part of the key, so a finished re-grade is read anew. */
export function useGrading(gradingId: string, status: string) {
  return useQuery({
    queryKey: assessmentKeys.grading(gradingId, status),
    queryFn: () =>
      unwrap(api.GET("/api/gradings/{gradingId}", { params: { path: { gradingId } } })),
    staleTime: Infinity,
    select: (data) => data.grading,
  });
}

export function useSubmissionFiles(submissionId: string) {
  return useQuery({
    queryKey: assessmentKeys.files(submissionId),
    queryFn: () =>
      unwrap(
        api.GET("/api/submissions/{submissionId}/files", { params: { path: { submissionId } } }),
      ),
    staleTime: Infinity,
  });
}

export function useSubmissionFile(submissionId: string, path: string) {
  return useQuery({
    queryKey: assessmentKeys.file(submissionId, path),
    queryFn: () =>
      unwrap(
        api.GET("/api/submissions/{submissionId}/file", {
          params: { path: { submissionId }, query: { path } },
        }),
      ),
    staleTime: Infinity,
  });
}

/** Fingerprinting follows the grade by a second or two: look again while it is pending. */
const SIMILARITY_POLL_MS = 2000;
const SIMILARITY_POLLS = 30;

export function useSubmissionSimilarity(submissionId: string) {
  return useQuery({
    queryKey: ["submissions", submissionId, "similarity"] as const,
    queryFn: () =>
      unwrap(
        api.GET("/api/submissions/{submissionId}/similarity", {
          params: { path: { submissionId } },
        }),
      ),
    select: (data) => data.similarity,
    refetchInterval: (query) =>
      query.state.data?.similarity.status === "pending" &&
      query.state.dataUpdateCount < SIMILARITY_POLLS
        ? SIMILARITY_POLL_MS
        : false,
  });
}
