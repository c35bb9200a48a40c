import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { NavLink, useLocation, useNavigate } from "react-router";
import { useLogout } from "../account/queries";
import { ROLE_LABELS } from "../api/client";
import { NotificationBell } from "../notifications/NotificationBell";
import { useCurrentUser } from "../session";
import { GlobalSearch } from "./GlobalSearch";
import { NavMenu } from "./NavMenu";

export function Layout({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  // On a phone the menu folds behind one button; it closes again on every navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    setMenuOpen(false);
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
          <NavLink to="/questions">Questions</NavLink>
          {(user.role === "admin" || user.role === "hiring_manager") && (
            <NavLink to="/analytics">Analytics</NavLink>
          )}
          {user.role === "admin" && (
            <NavMenu label="Admin">
              <NavLink to="/team">Team</NavLink>
              <NavLink to="/audit">Audit log</NavLink>
              <NavLink to="/privacy">Privacy</NavLink>
              <NavLink to="/mail/outbox">Outbox</NavLink>
              <NavLink to="/mail/templates">E-mail templates</NavLink>
              <NavLink to="/webhooks">Webhooks</NavLink>
              <NavLink to="/background-jobs">Background jobs</NavLink>
            </NavMenu>
          )}
        </nav>
        <GlobalSearch />
        <NotificationBell />
        <div className="who" id="account-nav">
          {/* The person's own settings fold under their name, so the bar keeps to one row at 1280 px. */}
          <NavMenu
            label={
              <>
                <span className="who-name">{user.name}</span>{" "}
                <span className="badge">{ROLE_LABELS[user.role]}</span>
              </>
            }
            accessibleLabel={`${user.name}, ${ROLE_LABELS[user.role]}: your settings`}
          >
            <NavLink to="/settings/notifications">Notifications</NavLink>
            <NavLink to="/settings/calendar">Calendar feed</NavLink>
            <NavLink to="/settings/api-tokens">API tokens</NavLink>
            <NavLink to="/settings/sessions">Sessions</NavLink>
          </NavMenu>
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
