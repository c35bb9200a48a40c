import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { NavLink, useLocation, useNavigate } from "react-router";
import { useLogout } from "../account/queries";
import { ROLE_LABELS } from "../api/client";
import { useCurrentUser } from "../session";
import { GlobalSearch } from "./GlobalSearch";

export function Layout({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  // On a phone the menu folds behind one button; it closes again on every navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  const settingsRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    setMenuOpen(false);
    if (settingsRef.current) settingsRef.current.open = false;
  }, [location.pathname]);

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
      <header className={`topbar${menuOpen ? " menu-open" : ""}`}>
        <NavLink to="/" className="brand" aria-label="Shortlist home">
          <img src="/favicon.svg" alt="" width="24" height="24" /> Shortlist
        </NavLink>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav account-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
        <nav aria-label="Main" id="main-nav">
          <NavLink to="/" end>
            Dashboard
          </NavLink>
          <NavLink to="/roles">Roles</NavLink>
          <NavLink to="/candidates">Candidates</NavLink>
          {user.role !== "interviewer" && <NavLink to="/screening">Screening</NavLink>}
          <NavLink to="/questions">Question bank</NavLink>
          {(user.role === "admin" || user.role === "hiring_manager") && (
            <NavLink to="/analytics">Analytics</NavLink>
          )}
          {user.role === "admin" && <NavLink to="/team">Team</NavLink>}
          {user.role === "admin" && <NavLink to="/audit">Audit log</NavLink>}
          {user.role === "admin" && <NavLink to="/privacy">Privacy</NavLink>}
        </nav>
        <GlobalSearch />
        <div className="who" id="account-nav">
          <span>
            {user.name} <span className="badge">{ROLE_LABELS[user.role]}</span>
          </span>
          {/* The two settings pages fold into one disclosure so the bar keeps to one row at 1280 px. */}
          <details className="settings-menu" ref={settingsRef}>
            <summary>Settings</summary>
            <div className="settings-menu-list">
              <NavLink to="/settings/api-tokens">API tokens</NavLink>
              <NavLink to="/settings/sessions">Sessions</NavLink>
            </div>
          </details>
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
