import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TBody, TJson } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

export type TOutboxPage = TJson<"/api/mail/outbox", "get">;
export type TOutboxMessage = TOutboxPage["messages"][number];
export type TMailTemplate = TJson<"/api/mail/templates", "get">["templates"][number];
export type TMailKind = TMailTemplate["kind"];
type TTemplateBody = TBody<"/api/mail/templates/{kind}", "put">;

export const mailKeys = {
  all: ["mail"] as const,
  outbox: ["mail", "outbox"] as const,
  templates: ["mail", "templates"] as const,
  preview: (kind: TMailKind, body: TTemplateBody) => ["mail", "preview", kind, body] as const,
};

/** Newest first, 25 at a time, with the total; "Show more" fetches the next page. */
export function useOutbox() {
  return useInfiniteQuery({
    queryKey: mailKeys.outbox,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/mail/outbox", {
          params: { query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRetryMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      unwrap(api.POST("/api/mail/outbox/{messageId}/retry", { params: { path: { messageId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.outbox }),
  });
}

export function useMailTemplates() {
  return useQuery({
    queryKey: mailKeys.templates,
    queryFn: () => unwrap(api.GET("/api/mail/templates")),
    select: (data) => data.templates,
  });
}

export function useSaveTemplate(kind: TMailKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TTemplateBody) =>
      unwrap(api.PUT("/api/mail/templates/{kind}", { params: { path: { kind } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.templates }),
  });
}

export function useResetTemplate(kind: TMailKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.DELETE("/api/mail/templates/{kind}", { params: { path: { kind } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.templates }),
  });
}

/** The draft rendered with sample values; kept while the next draft's preview loads. */
export function usePreview(kind: TMailKind, body: TTemplateBody | undefined) {
  return useQuery({
    queryKey: mailKeys.preview(kind, body ?? { subject: "", body: "" }),
    enabled: body !== undefined,
    queryFn: () =>
      unwrap(
        api.POST("/api/mail/templates/{kind}/preview", {
          params: { path: { kind } },
          body: body ?? { subject: "", body: "" },
        }),
      ),
    select: (data) => data.preview,
    placeholderData: (previous) => previous,
    retry: false,
  });
}
