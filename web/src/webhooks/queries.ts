import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TBody, TJson } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

export type TWebhookList = TJson<"/api/webhooks", "get">;
export type TWebhookEndpoint = TWebhookList["endpoints"][number];
export type TWebhookEvent = TWebhookEndpoint["events"][number];
export type TWebhookDelivery = TJson<
  "/api/webhooks/{endpointId}/deliveries",
  "get"
>["deliveries"][number];
type TEndpointBody = TBody<"/api/webhooks", "post">;

export const webhookKeys = {
  all: ["webhooks"] as const,
  deliveries: (endpointId: string) => ["webhooks", "deliveries", endpointId] as const,
};

export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.all,
    queryFn: () => unwrap(api.GET("/api/webhooks")),
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TEndpointBody) => unwrap(api.POST("/api/webhooks", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: string) =>
      unwrap(api.DELETE("/api/webhooks/{endpointId}", { params: { path: { endpointId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useRotateSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: string) =>
      unwrap(
        api.POST("/api/webhooks/{endpointId}/rotate-secret", {
          params: { path: { endpointId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** Newest first, 20 at a time; refreshed every few seconds while deliveries are on their way. */
export function useDeliveries(endpointId: string) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: webhookKeys.deliveries(endpointId),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const page = await unwrap(
        api.GET("/api/webhooks/{endpointId}/deliveries", {
          params: {
            path: { endpointId },
            query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      );
      // The endpoint cards count deliveries by status: refresh them with the log.
      void queryClient.invalidateQueries({ queryKey: webhookKeys.all, exact: true });
      return page;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) =>
        p.deliveries.some((d) => d.status === "queued" || d.status === "delivering"),
      )
        ? 2000
        : false,
  });
}

export function useRedeliver(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(
        api.POST("/api/webhook-deliveries/{deliveryId}/redeliver", {
          params: { path: { deliveryId } },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) }),
  });
}
