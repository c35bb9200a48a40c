import { useState } from "react";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useAuditEvents } from "./queries";

type TChange = { key: string; before?: string; after?: string };

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
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
    .filter(([key]) => key !== "id" && key !== "createdAt")
    .map(([key, value]) => (a ? { key, after: show(value) } : { key, before: show(value) }));
}

function ChangeList({ before, after }: { before: unknown; after: unknown }) {
  const changes = describeChange(before, after);
  if (changes.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="changes">
      {changes.map((c) => (
        <div key={c.key}>
          <dt>{c.key}</dt>
          <dd>
            {c.before !== undefined && <del>{c.before}</del>}
            {c.before !== undefined && c.after !== undefined && (
              <span aria-label="changed to"> → </span>
            )}
            {c.after !== undefined && <ins>{c.after}</ins>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditPage() {
  const [action, setAction] = useState("");
  const audit = useAuditEvents(action ? { action } : {});
  const events = audit.data?.pages.flatMap((page) => page.events) ?? [];
  const error = audit.error;

  return (
    <>
      <PageTitle>Audit log</PageTitle>
      <p className="muted">
        Every change in Shortlist: who made it, when, and what it was before and after.
      </p>
      <ErrorBanner error={error} />
      <div className="field field-inline">
        <label htmlFor="audit-action">Filter by action</label>
        <input
          id="audit-action"
          placeholder="e.g. user.disabled"
          value={action}
          onChange={(e) => setAction(e.target.value.trim())}
        />
      </div>
      <div className="card table-scroll">
        <table>
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
            {events.map((event) => (
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
                <td>
                  {event.entityType}
                  {event.entityId && (
                    <span className="muted small"> {event.entityId.slice(0, 8)}</span>
                  )}
                </td>
                <td>
                  <ChangeList before={event.before} after={event.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {events.length === 0 && <p className="muted">No events match.</p>}
      </div>
      {audit.hasNextPage && (
        <button type="button" onClick={() => void audit.fetchNextPage()}>
          Show older events
        </button>
      )}
    </>
  );
}
