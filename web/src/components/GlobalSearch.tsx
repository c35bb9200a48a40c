import { useEffect, useId, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { useNavigate } from "react-router";
import { useCandidates } from "../candidates/queries";
import { useRoles } from "../roles/queries";

type TResult = {
  id: string;
  kind: "Role" | "Candidate";
  label: string;
  detail: string;
  to: string;
};

const MAX_ROLES = 5;
const MAX_CANDIDATES = 8;
const DEBOUNCE_MS = 200;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * One search for roles and candidates, opened from the top bar, with "/" or Ctrl-K (⌘K).
 * A combobox over a listbox: arrows move, Enter opens, Escape closes (the native dialog).
 */
export function GlobalSearch() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      const shortcut =
        (event.key === "k" && (event.ctrlKey || event.metaKey)) ||
        (event.key === "/" && !isTyping(event.target) && !event.ctrlKey && !event.metaKey);
      if (!shortcut) return;
      event.preventDefault();
      setOpen(true);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  return (
    <>
      <button
        type="button"
        className="search-button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="/ Control+K"
      >
        Search <kbd aria-hidden="true">/</kbd>
      </button>
      <dialog
        ref={dialogRef}
        className="dialog search-dialog"
        aria-label="Find roles and candidates"
        onClose={() => setOpen(false)}
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself) closes it.
          if (event.target === dialogRef.current) setOpen(false);
        }}
      >
        {open && <SearchBox onDone={() => setOpen(false)} />}
      </dialog>
    </>
  );
}

function SearchBox({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  // Roles whose title matches, found by the server (the caller may see more roles than one page).
  const roles = useRoles({ q: query }, MAX_ROLES, query.length >= 2);
  // Nothing is fetched until there are two letters to search for.
  const candidates = useCandidates(
    { q: query, limit: MAX_CANDIDATES },
    { enabled: query.length >= 2 },
  );
  const results: TResult[] =
    query.length < 2
      ? []
      : [
          ...(roles.data?.pages[0]?.roles ?? []).map((role) => ({
            id: `role-${role.id}`,
            kind: "Role" as const,
            label: role.title,
            detail: role.status === "open" ? "Open role" : "Closed role",
            to: `/roles/${role.id}`,
          })),
          ...(candidates.data?.candidates ?? []).map((candidate) => ({
            id: `candidate-${candidate.id}`,
            kind: "Candidate" as const,
            label: candidate.name,
            detail: candidate.email ?? "Candidate",
            to: `/candidates/${candidate.id}`,
          })),
        ];
  const activeIndex = Math.min(active, Math.max(results.length - 1, 0));
  const searching = query.length >= 2 && (candidates.isFetching || roles.isFetching);

  function go(result: TResult | undefined) {
    if (!result) return;
    onDone();
    void navigate(result.to);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((activeIndex + 1) % Math.max(results.length, 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((activeIndex - 1 + results.length) % Math.max(results.length, 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      go(results[activeIndex]);
    }
  }

  const status =
    query.length < 2
      ? "Type at least two letters of a role or a candidate's name or e-mail."
      : searching
        ? "Searching…"
        : results.length === 0
          ? `Nothing matches “${query}”.`
          : `${results.length} result${results.length === 1 ? "" : "s"}; use the arrow keys and Enter.`;

  return (
    <div className="search-box">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Find a role or candidate
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        autoFocus
        placeholder="Find a role or candidate"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={results[activeIndex]?.id}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="muted small" role="status">
        {status}
      </p>
      <ul id={listId} role="listbox" aria-label="Results" className="search-results">
        {results.map((result, index) => (
          <li
            key={result.id}
            id={result.id}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? "active" : undefined}
            onMouseEnter={() => setActive(index)}
            onClick={() => go(result)}
          >
            <span className="badge">{result.kind}</span> <strong>{result.label}</strong>{" "}
            <span className="muted small">{result.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
