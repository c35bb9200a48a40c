import { useCallback } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { TUser } from "./api/client";
import { signedIn, useSessionQuery } from "./account/queries";

type TSessionState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; user: TUser | null; setupNeeded: boolean };

/** Who is signed in, read from the session query every page shares. */
export function useSession() {
  const query = useSessionQuery();
  const queryClient = useQueryClient();
  const setUser = useCallback((user: TUser | null) => signedIn(queryClient, user), [queryClient]);
  const state: TSessionState = query.data
    ? { status: "ready", user: query.data.user, setupNeeded: query.data.setupNeeded }
    : query.isError
      ? { status: "error", message: "Shortlist could not be reached. Is the server running?" }
      : { status: "loading" };
  return { state, setUser, refresh: query.refetch };
}

export function useCurrentUser(): TUser {
  const { state } = useSession();
  if (state.status !== "ready" || !state.user)
    throw new Error("useCurrentUser without a signed-in user");
  return state.user;
}
