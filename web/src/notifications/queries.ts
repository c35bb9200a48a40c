import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TJson } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

export type TNotification = TJson<"/api/me/notifications", "get">["notifications"][number];
export type TDeliveryChoice = TJson<"/api/me/notification-settings", "get">["settings"][number];

export const notificationKeys = {
  all: ["notifications"] as const,
  unread: ["notifications", "unread"] as const,
  list: ["notifications", "list"] as const,
  settings: ["notification-settings"] as const,
};

/** How often the bell asks for the unread count while the tab is open. */
const UNREAD_POLL_MS = 30_000;

/** The bell's count: one small query, polled while the page is visible and on focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => (await unwrap(api.GET("/api/me/notifications/unread"))).unread,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** Newest first, a page at a time; "Show older" fetches the next page. */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/me/notifications", {
          params: { query: pageParam ? { cursor: pageParam } : {} },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: { ids: string[] } | { all: true }) =>
      unwrap(api.POST("/api/me/notifications/read", { body: target })),
    onSuccess: (result) => {
      queryClient.setQueryData(notificationKeys.unread, result.unread);
      return queryClient.invalidateQueries({ queryKey: notificationKeys.list });
    },
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: async () => (await unwrap(api.GET("/api/me/notification-settings"))).settings,
  });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: { kind: TDeliveryChoice["kind"]; inApp: boolean; email: boolean }[]) =>
      unwrap(api.PUT("/api/me/notification-settings", { body: { settings } })),
    onSuccess: (result) => queryClient.setQueryData(notificationKeys.settings, result.settings),
  });
}
