import { useCallback, useEffect, useState } from "react";
import { api, toApiError } from "../api/client";
import type { TApiError, TAuditEvent } from "../api/client";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";

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
  const [events, setEvents] = useState<TAuditEvent[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [action, setAction] = useState("");
  const [error, setError] = useState<TApiError>();

  const load = useCallback(
    async (before?: number) => {
      const { data, error: failure } = await api.GET("/api/audit", {
        params: {
          query: { limit: 50, ...(before ? { before } : {}), ...(action ? { action } : {}) },
        },
      });
      if (!data) return setError(toApiError(failure));
      setEvents((current) => (before ? [...current, ...data.events] : data.events));
      setNextBefore(data.nextBefore);
    },
    [action],
  );

  useEffect(() => {
    void load();
  }, [load]);

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
      {nextBefore && (
        <button type="button" onClick={() => void load(nextBefore)}>
          Show older events
        </button>
      )}
    </>
  );
}
