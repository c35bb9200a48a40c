import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TCompetencyId, TLevel, TQuestion, TQuestionArea } from "../api/hiring-types";
import type { TBody } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

export type TQuestionFilter = {
  q?: string | undefined;
  competency?: TCompetencyId | undefined;
  level?: TLevel | undefined;
  area?: TQuestionArea | undefined;
  limit: number;
};
type TNewVersionBody = TBody<"/api/questions/{questionId}/versions", "post">;

export const questionKeys = {
  all: ["questions"] as const,
  list: (filter: TQuestionFilter) => [...questionKeys.all, "list", filter] as const,
  detail: (questionId: string) => [...questionKeys.all, "detail", questionId] as const,
  version: (versionId: string) => ["question-versions", versionId] as const,
};

export function useQuestions(filter: TQuestionFilter) {
  return useQuery({
    queryKey: questionKeys.list(filter),
    queryFn: () => unwrap(api.GET("/api/questions", { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });
}

/** The whole bank, for choosing kit questions; only the plan editor needs it. */
export function useQuestionCatalogue(enabled = true): TQuestion[] {
  const query = useQuery({
    queryKey: questionKeys.list({ limit: 200 }),
    queryFn: () => unwrap(api.GET("/api/questions", { params: { query: { limit: 200 } } })),
    staleTime: 5 * 60_000,
    enabled,
  });
  return query.data?.questions ?? [];
}

export function useQuestion(questionId: string) {
  return useQuery({
    queryKey: questionKeys.detail(questionId),
    queryFn: () =>
      unwrap(api.GET("/api/questions/{questionId}", { params: { path: { questionId } } })),
  });
}

export function useQuestionVersion(versionId: string | undefined) {
  return useQuery({
    queryKey: questionKeys.version(versionId ?? ""),
    queryFn: () =>
      unwrap(
        api.GET("/api/question-versions/{versionId}", {
          params: { path: { versionId: versionId ?? "" } },
        }),
      ),
    enabled: Boolean(versionId),
    staleTime: Infinity,
    select: (data) => data.questionVersion,
  });
}

export function useCreateQuestionVersion(questionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TNewVersionBody) =>
      unwrap(
        api.POST("/api/questions/{questionId}/versions", {
          params: { path: { questionId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionKeys.all }),
  });
}
