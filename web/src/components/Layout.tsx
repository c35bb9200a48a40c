import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { NavLink, useLocation, useNavigate } from "react-router";
import { useLogout } from "../account/queries";
import { ROLE_LABELS } from "../api/client";
import { useCurrentUser } from "../session";

export function Layout({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);

  // Move focus to the new page's content so screen-reader and keyboard users land where it changed.
  useEffect(() => {
    mainRef.current?.querySelector("h1")?.focus();
  }, [location.pathname]);

  function signOut() {
    logout.mutate(undefined, { onSettled: () => void navigate("/login") });
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="Shortlist home">
          <img src="/favicon.svg" alt="" width="24" height="24" /> Shortlist
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Dashboard
          </NavLink>
          <NavLink to="/roles">Roles</NavLink>
          <NavLink to="/candidates">Candidates</NavLink>
          {user.role !== "interviewer" && <NavLink to="/screening">Screening</NavLink>}
          <NavLink to="/questions">Question bank</NavLink>
          {user.role === "admin" && <NavLink to="/team">Team</NavLink>}
          {user.role === "admin" && <NavLink to="/audit">Audit log</NavLink>}
          {user.role === "admin" && <NavLink to="/privacy">Privacy</NavLink>}
        </nav>
        <div className="who">
          <span>
            {user.name} <span className="badge">{ROLE_LABELS[user.role]}</span>
          </span>
          <NavLink to="/settings/api-tokens" className="quiet-link">
            API tokens
          </NavLink>
          <NavLink to="/settings/sessions" className="quiet-link">
            Sessions
          </NavLink>
          <button type="button" className="button-quiet" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" ref={mainRef}>
        {children}
      </main>
    </div>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}
