import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { unwrap } from "../api/query-helpers";

export const calendarKeys = { feed: ["calendar-feed"] as const };

export function useCalendarFeed() {
  return useQuery({
    queryKey: calendarKeys.feed,
    queryFn: async () => (await unwrap(api.GET("/api/me/calendar-feed"))).feed,
  });
}

/** Makes a new feed URL (the old one stops working); the URL comes back once, here. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await unwrap(api.POST("/api/me/calendar-feed"))).feed,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.feed }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/me/calendar-feed")),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.feed }),
  });
}
