import { useState } from "react";
import { Link } from "react-router";
import { useUsers } from "../account/queries";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useAuditEvents, type TAuditFilter } from "./queries";
import { ScrollRegion } from "../components/ScrollRegion";

type TChange = { key: string; before?: string; after?: string };

const SHORT_VALUE = 140;
const MAX_CHANGES_SHOWN = 6;
const SKIPPED_KEYS = new Set(["id", "createdAt", "updatedAt"]);

const OBJECT_TYPES: readonly [string, string][] = [
  ["application", "Applications"],
  ["assessment", "Assessments"],
  ["candidate", "Candidates"],
  ["grading", "Gradings"],
  ["interview", "Interviews"],
  ["invite", "Invites"],
  ["question", "Questions"],
  ["role", "Roles"],
  ["scorecard", "Scorecards"],
  ["user", "Team members"],
  ["api_token", "API tokens"],
];

/** Where an audited object lives in the app, when it has a page of its own. */
function objectLink(entityType: string, entityId: string | null): string | undefined {
  if (!entityId) return undefined;
  switch (entityType) {
    case "application":
      return `/applications/${entityId}`;
    case "candidate":
      return `/candidates/${entityId}`;
    case "role":
      return `/roles/${entityId}`;
    case "interview":
      return `/interviews/${entityId}`;
    case "question":
      return `/questions/${entityId}`;
    case "user":
    case "invite":
      return "/team";
    default:
      return undefined;
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `keyTakeaways` → "key takeaways". */
function fieldWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}

/** What changed, field by field; a created or deleted entity lists its fields on one side. */
export function describeChange(before: unknown, after: unknown): TChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (b && a) {
    return [...new Set([...Object.keys(b), ...Object.keys(a)])]
      .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
      .map((key) => ({ key, before: show(b[key]), after: show(a[key]) }));
  }
  const only = a ?? b;
  if (!only) return [];
  return Object.entries(only)
    .filter(([key]) => !SKIPPED_KEYS.has(key))
    .map(([key, value]) => (a ? { key, after: show(value) } : { key, before: show(value) }));
}

/** A long value shows its start; the rest opens on request, so one event stays one short row. */
function Value({ text, as: Tag }: { text: string; as: "del" | "ins" }) {
  if (text.length <= SHORT_VALUE) return <Tag>{text}</Tag>;
  return (
    <details className="audit-long-value">
      <summary>
        <Tag>{text.slice(0, SHORT_VALUE - 1)}…</Tag>
      </summary>
      <Tag>{text}</Tag>
    </details>
  );
}

function ChangeList({ before, after }: { before: unknown; after: unknown }) {
  const changes = describeChange(before, after);
  const [expanded, setExpanded] = useState(false);
  if (changes.length === 0) return <span className="muted">—</span>;
  const shown = expanded ? changes : changes.slice(0, MAX_CHANGES_SHOWN);
  return (
    <>
      <dl className="changes">
        {shown.map((c) => (
          <div key={c.key}>
            <dt>{fieldWords(c.key)}</dt>
            <dd>
              {c.before !== undefined && <Value text={c.before} as="del" />}
              {c.before !== undefined && c.after !== undefined && (
                <span aria-label="changed to"> → </span>
              )}
              {c.after !== undefined && <Value text={c.after} as="ins" />}
            </dd>
          </div>
        ))}
      </dl>
      {changes.length > MAX_CHANGES_SHOWN && (
        <button type="button" className="link-button small" onClick={() => setExpanded(!expanded)}>
          {expanded ? "Show fewer fields" : `Show all ${changes.length} fields`}
        </button>
      )}
    </>
  );
}

function exportHref(filter: TAuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return `/api/audit/export.csv${query ? `?${query}` : ""}`;
}

export function AuditPage() {
  const [action, setAction] = useState("");
  const [entityType, setEntityType] = useState("");
  const [actorUserId, setActor] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  // The person filter offers the first 100 people alphabetically and says when there are more.
  const users = useUsers(100);
  const people = users.data?.pages.flatMap((page) => page.users) ?? [];
  const morePeople = (users.data?.pages[0]?.total ?? 0) - people.length;
  const filter: TAuditFilter = {
    ...(action ? { action } : {}),
    ...(entityType ? { entityType } : {}),
    ...(actorUserId ? { actorUserId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const audit = useAuditEvents(filter);
  const events = audit.data?.pages.flatMap((page) => page.events) ?? [];
  const firstPage = audit.data?.pages[0];
  const seenActions = [...new Set(events.map((event) => event.action))].sort();

  return (
    <>
      <PageTitle>Audit log</PageTitle>
      <p className="muted">
        Every change in Shortlist: who made it, when, and what it was before and after.
      </p>
      <ErrorBanner error={audit.error} />
      <form
        className="audit-filters"
        aria-label="Filter the audit log"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="audit-type">Object</label>
          <select
            id="audit-type"
            value={entityType}
            onChange={(e) => setEntityType(e.target.value)}
          >
            <option value="">Everything</option>
            {OBJECT_TYPES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Person</label>
          <select id="audit-actor" value={actorUserId} onChange={(e) => setActor(e.target.value)}>
            <option value="">Anyone</option>
            {people.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
            {morePeople > 0 && (
              <option disabled value="more">
                and {morePeople.toLocaleString()} more (listed on the Team page)
              </option>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <input
            id="audit-action"
            list="audit-actions"
            placeholder="e.g. user.disabled"
            value={action}
            onChange={(e) => setAction(e.target.value.trim())}
          />
          <datalist id="audit-actions">
            {seenActions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input
            id="audit-from"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <a className="button" href={exportHref(filter)} download>
          Export CSV
        </a>
      </form>
      <ScrollRegion label="Audit events" className="card">
        <table className="audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => {
              const href = objectLink(event.entityType, event.entityId);
              const label = `${event.entityType.replace(/_/g, " ")}${
                event.entityId ? ` ${event.entityId.slice(0, 8)}` : ""
              }`;
              return (
                <tr key={event.id}>
                  <td>
                    <time dateTime={event.createdAt}>
                      {new Date(event.createdAt).toLocaleString()}
                    </time>
                  </td>
                  <td>{event.actorLabel}</td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td>{href ? <Link to={href}>{label}</Link> : label}</td>
                  <td>
                    <ChangeList before={event.before} after={event.after} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {events.length === 0 && !audit.isPending && <p className="muted">No events match.</p>}
      </ScrollRegion>
      {firstPage && events.length > 0 && (
        <p className="muted small" aria-live="polite">
          Showing {events.length.toLocaleString()} of {firstPage.totalCapped ? "more than " : ""}
          {firstPage.total.toLocaleString()} events
        </p>
      )}
      {audit.hasNextPage && (
        <button type="button" onClick={() => void audit.fetchNextPage()}>
          Show older events
        </button>
      )}
    </>
  );
}
