import { QueryClient } from "@tanstack/react-query";
import type { TApiError } from "./client";

// Every query and mutation throws a TApiError (see unwrap in query-helpers.ts).
declare module "@tanstack/react-query" {
  interface Register {
    defaultError: TApiError;
  }
}

/**
 * The one cache of server data for the app. Pages read through per-domain hooks
 * (`web/src/<domain>/queries.ts`) and mutations invalidate query keys instead of threading
 * version props down the tree.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Data changes under the user when colleagues work; a short staleness keeps navigation
      // instant without showing minutes-old state.
      staleTime: 10_000,
      retry: (failureCount, error) => failureCount < 2 && !isClientError(error),
      refetchOnWindowFocus: true,
    },
  },
});

function isClientError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === "string" && code !== "NETWORK";
}
