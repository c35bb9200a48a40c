import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TBody, TJson, TQuery } from "../api/json-types";
import { unwrap } from "../api/query-helpers";
import { candidateKeys } from "../candidates/queries";
import { dashboardKeys } from "../dashboard/queries";
import { roleKeys } from "../roles/queries";
import { boardKeys, moveCardOnBoards } from "./board-cache";

export type TApplicationFilter = TQuery<"/api/applications", "get">;
type TDecisionBody = TBody<"/api/applications/{applicationId}/decisions", "post">;
type TScheduleBody = TBody<"/api/applications/{applicationId}/interviews", "post">;
type TRescheduleBody = TBody<"/api/interviews/{interviewId}", "patch">;

export const applicationKeys = {
  all: ["applications"] as const,
  list: (filter: TApplicationFilter) => [...applicationKeys.all, "list", filter] as const,
  detail: (applicationId: string) => [...applicationKeys.all, "detail", applicationId] as const,
  decision: (applicationId: string) => [...applicationKeys.all, "decision", applicationId] as const,
  scorecards: (applicationId: string, stageId?: string) =>
    [...applicationKeys.all, "scorecards", applicationId, stageId ?? "all"] as const,
};

/**
 * An application moved, closed or was created: every view of the pipeline is stale — the
 * board and lists, the application, the role's counts, the candidate and the dashboard.
 */
export function invalidatePipeline(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(
    [applicationKeys.all, roleKeys.all, candidateKeys.all, dashboardKeys.all].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

export function useApplications(filter: TApplicationFilter, enabled = true) {
  return useQuery({
    queryKey: applicationKeys.list(filter),
    queryFn: () => unwrap(api.GET("/api/applications", { params: { query: filter } })),
    enabled,
  });
}

export function useApplication(applicationId: string) {
  return useQuery({
    queryKey: applicationKeys.detail(applicationId),
    queryFn: () =>
      unwrap(api.GET("/api/applications/{applicationId}", { params: { path: { applicationId } } })),
    select: (data) => data.application,
  });
}

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { candidateId: string; roleId: string }) =>
      unwrap(api.POST("/api/applications", { body })),
    onSuccess: () => invalidatePipeline(queryClient),
  });
}

type TApplicationList = TJson<"/api/applications", "get">;
type TStageRef = TApplicationList["applications"][number]["currentStage"];

/**
 * Moves show at once on every cached list (the board keeps the card under the keyboard focus);
 * a refused move puts the lists back.
 */
export function useMoveApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      applicationId,
      toStage,
      confirmation,
    }: {
      applicationId: string;
      toStage: TStageRef;
      /** Sent after the server listed missing evidence and the person confirmed with a reason. */
      confirmation?: { reason: string };
    }) =>
      unwrap(
        api.POST("/api/applications/{applicationId}/move", {
          params: { path: { applicationId } },
          body: confirmation
            ? { toStageId: toStage.id, confirm: true, reason: confirmation.reason }
            : { toStageId: toStage.id },
        }),
      ),
    onMutate: async ({ applicationId, toStage }) => {
      const lists = { queryKey: [...applicationKeys.all, "list"] };
      const boards = { queryKey: boardKeys.all };
      await Promise.all([queryClient.cancelQueries(lists), queryClient.cancelQueries(boards)]);
      const before = [
        ...queryClient.getQueriesData<TApplicationList>(lists),
        ...queryClient.getQueriesData(boards),
      ];
      moveCardOnBoards(queryClient, applicationId, toStage.id);
      queryClient.setQueriesData<TApplicationList>(lists, (old) =>
        old
          ? {
              ...old,
              applications: old.applications.map((a) =>
                a.id === applicationId ? { ...a, currentStage: toStage } : a,
              ),
            }
          : old,
      );
      return { before };
    },
    onError: (_error, _variables, context) => {
      for (const [queryKey, data] of context?.before ?? [])
        queryClient.setQueryData(queryKey, data);
    },
    onSettled: () => invalidatePipeline(queryClient),
  });
}

export function useCloseApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      applicationId,
      kind,
      reason,
    }: {
      applicationId: string;
      kind: "reject" | "withdraw";
      reason: string;
    }) =>
      unwrap(
        api.POST(
          kind === "reject"
            ? "/api/applications/{applicationId}/reject"
            : "/api/applications/{applicationId}/withdraw",
          { params: { path: { applicationId } }, body: { reason } },
        ),
      ),
    onSuccess: () => invalidatePipeline(queryClient),
  });
}

export function useDecision(applicationId: string, enabled = true) {
  return useQuery({
    queryKey: applicationKeys.decision(applicationId),
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/{applicationId}/decision", {
          params: { path: { applicationId } },
        }),
      ),
    enabled,
  });
}

export function useRecordDecision(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TDecisionBody) =>
      unwrap(
        api.POST("/api/applications/{applicationId}/decisions", {
          params: { path: { applicationId } },
          body,
        }),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(applicationKeys.decision(applicationId), data);
      return invalidatePipeline(queryClient);
    },
  });
}

export function useScheduleInterviews(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TScheduleBody) =>
      unwrap(
        api.POST("/api/applications/{applicationId}/interviews", {
          params: { path: { applicationId } },
          body,
        }),
      ),
    onSuccess: () => invalidatePipeline(queryClient),
  });
}

export function useRescheduleInterview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ interviewId, ...body }: { interviewId: string } & TRescheduleBody) =>
      unwrap(
        api.PATCH("/api/interviews/{interviewId}", {
          params: { path: { interviewId } },
          body,
        }),
      ),
    onSuccess: () => invalidatePipeline(queryClient),
  });
}

export function useCancelInterview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (interviewId: string) =>
      unwrap(api.DELETE("/api/interviews/{interviewId}", { params: { path: { interviewId } } })),
    onSuccess: () => invalidatePipeline(queryClient),
  });
}

export function useApplicationScorecards(applicationId: string, stageId?: string, enabled = true) {
  return useQuery({
    queryKey: applicationKeys.scorecards(applicationId, stageId),
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/{applicationId}/scorecards", {
          params: { path: { applicationId }, query: stageId ? { stageId } : {} },
        }),
      ),
    enabled,
  });
}
