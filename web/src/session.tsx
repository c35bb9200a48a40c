import { createContext, useCallback, useContext, useEffect, useState } from "react";
import type { ReactNode } from "react";
import { api, setCsrfToken } from "./api/client";
import type { TUser } from "./api/client";

type TSessionState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; user: TUser | null; setupNeeded: boolean };

type TSessionContext = {
  state: TSessionState;
  refresh: () => Promise<void>;
  setUser: (user: TUser | null) => void;
};

const SessionContext = createContext<TSessionContext | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<TSessionState>({ status: "loading" });

  const refresh = useCallback(async () => {
    const { data, error } = await api
      .GET("/api/auth/session")
      .catch(() => ({ data: undefined, error: true }));
    if (!data || error) {
      setState({
        status: "error",
        message: "Shortlist could not be reached. Is the server running?",
      });
      return;
    }
    setCsrfToken(data.csrfToken);
    setState({ status: "ready", user: data.user, setupNeeded: data.setupNeeded });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const setUser = useCallback((user: TUser | null) => {
    setState({ status: "ready", user, setupNeeded: false });
  }, []);

  return (
    <SessionContext.Provider value={{ state, refresh, setUser }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): TSessionContext {
  const context = useContext(SessionContext);
  if (!context) throw new Error("useSession outside SessionProvider");
  return context;
}

export function useCurrentUser(): TUser {
  const { state } = useSession();
  if (state.status !== "ready" || !state.user)
    throw new Error("useCurrentUser without a signed-in user");
  return state.user;
}
