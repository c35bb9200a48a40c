import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TBody } from "../api/json-types";
import { unwrap } from "../api/query-helpers";
import { invalidatePipeline } from "../applications/queries";

type TSettingsBody = TBody<"/api/roles/{roleId}/screening-settings", "put">;
type TRecordBody = TBody<"/api/applications/{applicationId}/screening", "post">;

/** How often a running bulk intake is asked for progress. */
const INTAKE_POLL_MS = 700;

export const screeningKeys = {
  all: ["screening"] as const,
  settings: (roleId: string) => [...screeningKeys.all, "settings", roleId] as const,
  application: (applicationId: string) =>
    [...screeningKeys.all, "application", applicationId] as const,
  intake: (batchId: string) => [...screeningKeys.all, "intake", batchId] as const,
};

export function useScreeningSettings(roleId: string) {
  return useQuery({
    queryKey: screeningKeys.settings(roleId),
    queryFn: () =>
      unwrap(api.GET("/api/roles/{roleId}/screening-settings", { params: { path: { roleId } } })),
    select: (data) => data.settings,
  });
}

export function useSaveScreeningSettings(roleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSettingsBody) =>
      unwrap(
        api.PUT("/api/roles/{roleId}/screening-settings", { params: { path: { roleId } }, body }),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(screeningKeys.settings(roleId), data);
      void queryClient.invalidateQueries({
        queryKey: [...screeningKeys.all, "application"],
      });
    },
  });
}

export function useApplicationScreening(applicationId: string) {
  return useQuery({
    queryKey: screeningKeys.application(applicationId),
    queryFn: () =>
      unwrap(
        api.GET("/api/applications/{applicationId}/screening", {
          params: { path: { applicationId } },
        }),
      ),
    select: (data) => data.screening,
  });
}

export function useRecordScreen(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TRecordBody) =>
      unwrap(
        api.POST("/api/applications/{applicationId}/screening", {
          params: { path: { applicationId } },
          body,
        }),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(screeningKeys.application(applicationId), data);
      return invalidatePipeline(queryClient);
    },
  });
}

export function useImportCsv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { csv: string; roleId: string }) =>
      unwrap(api.POST("/api/candidates/import", { body })),
    onSuccess: () => invalidatePipeline(queryClient),
  });
}

export function useStartIntake(roleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (files: readonly File[]) => {
      const form = new FormData();
      for (const file of files) form.append("files", file);
      return unwrap(
        api.POST("/api/roles/{roleId}/intake-batches", {
          params: { path: { roleId } },
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    },
    onSuccess: (data) => queryClient.setQueryData(screeningKeys.intake(data.batch.id), data),
  });
}

/** A bulk intake's progress, polled until it is done; then the pipeline is refreshed once. */
export function useIntakeBatch(batchId: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: screeningKeys.intake(batchId ?? ""),
    queryFn: async () => {
      const data = await unwrap(
        api.GET("/api/intake-batches/{batchId}", { params: { path: { batchId: batchId ?? "" } } }),
      );
      if (data.batch.status === "done") void invalidatePipeline(queryClient);
      return data;
    },
    enabled: Boolean(batchId),
    refetchInterval: (query) =>
      query.state.data?.batch.status === "done" ? false : INTAKE_POLL_MS,
    select: (data) => data.batch,
  });
}
