import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { api, setCsrfToken } from "../api/client";
import type { TUser, TUserRole } from "../api/client";
import type { TJson } from "../api/json-types";
import { after, firstPage, nextPage, unwrap } from "../api/query-helpers";

export type TSession = TJson<"/api/auth/session", "get">;

export const accountKeys = {
  session: ["session"] as const,
  apiTokens: ["api-tokens"] as const,
  users: ["users"] as const,
  invites: ["invites"] as const,
  invitePreview: (token: string) => ["invite-preview", token] as const,
};

export function useSessionQuery() {
  return useQuery({
    queryKey: accountKeys.session,
    queryFn: async () => {
      const session = await unwrap(api.GET("/api/auth/session"));
      setCsrfToken(session.csrfToken);
      return session;
    },
    // The session changes by signing in or out, which write it here; no background refetch.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: 1,
  });
}

/** A new person is signed in: nothing cached for the previous one may be shown to them. */
export function signedIn(queryClient: QueryClient, user: TUser | null) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== accountKeys.session[0] });
  queryClient.setQueryData<TSession>(accountKeys.session, (old) =>
    old ? { ...old, user, setupNeeded: false } : old,
  );
}

function useSignInMutation<TBody>(request: (body: TBody) => Promise<{ user: TUser }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (data) => signedIn(queryClient, data.user),
  });
}

export function useLogin() {
  return useSignInMutation((body: { email: string; password: string }) =>
    unwrap(api.POST("/api/auth/login", { body })),
  );
}

export function useSetup() {
  return useSignInMutation((body: { name: string; email: string; password: string }) =>
    unwrap(api.POST("/api/auth/setup", { body })),
  );
}

export function useAcceptInvite(token: string) {
  return useSignInMutation((body: { name: string; password: string }) =>
    unwrap(api.POST("/api/invite-links/{token}/accept", { params: { path: { token } }, body })),
  );
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await unwrap(api.POST("/api/auth/logout"));
      // The CSRF token was bound to the session that just ended: take the anonymous one.
      setCsrfToken((await unwrap(api.GET("/api/auth/session"))).csrfToken);
    },
    onSettled: () => signedIn(queryClient, null),
  });
}

export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: accountKeys.invitePreview(token),
    queryFn: () => unwrap(api.GET("/api/invite-links/{token}", { params: { path: { token } } })),
    retry: false,
  });
}

export function useApiTokens() {
  return useInfiniteQuery({
    queryKey: accountKeys.apiTokens,
    initialPageParam: firstPage,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/me/api-tokens", { params: { query: { limit: 50, ...after(pageParam) } } }),
      ),
    getNextPageParam: nextPage,
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST("/api/me/api-tokens", { body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.apiTokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      unwrap(api.DELETE("/api/me/api-tokens/{tokenId}", { params: { path: { tokenId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.apiTokens }),
  });
}

/** The team in alphabetical order, `limit` people a page. */
export function useUsers(limit = 50) {
  return useInfiniteQuery({
    queryKey: [...accountKeys.users, limit],
    initialPageParam: firstPage,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/users", { params: { query: { limit, ...after(pageParam) } } })),
    getNextPageParam: nextPage,
  });
}

export function usePendingInvites() {
  return useInfiniteQuery({
    queryKey: accountKeys.invites,
    initialPageParam: firstPage,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/invites", {
          params: { query: { limit: 50, status: "pending", ...after(pageParam) } },
        }),
      ),
    getNextPageParam: nextPage,
  });
}

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; name: string; role: TUserRole }) =>
      unwrap(api.POST("/api/invites", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.invites }),
  });
}

export function useRevokeInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inviteId: string) =>
      unwrap(api.DELETE("/api/invites/{inviteId}", { params: { path: { inviteId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.invites }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      userId,
      patch,
    }: {
      userId: string;
      patch: { role?: TUserRole; disabled?: boolean };
    }) => unwrap(api.PATCH("/api/users/{userId}", { params: { path: { userId } }, body: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.users }),
  });
}

export type TActiveSession = TJson<"/api/me/sessions", "get">["sessions"][number];
const sessionsKey = ["me", "sessions"] as const;

export function useMySessions() {
  return useInfiniteQuery({
    queryKey: sessionsKey,
    initialPageParam: firstPage,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/me/sessions", { params: { query: { limit: 50, ...after(pageParam) } } }),
      ),
    getNextPageParam: nextPage,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      unwrap(api.DELETE("/api/me/sessions/{sessionId}", { params: { path: { sessionId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/me/sessions")),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** Whether single sign-on is on, and the provider's name for its button. */
export function useSsoDescription() {
  return useQuery({
    queryKey: ["sso"],
    queryFn: () => unwrap(api.GET("/api/auth/sso")),
    staleTime: Infinity,
  });
}
