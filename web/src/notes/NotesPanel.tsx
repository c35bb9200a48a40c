import { useState } from "react";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import { formatDateTime } from "../api/hiring-types";
import { ErrorBanner, Notice } from "../components/form";
import { TextAreaField } from "../hiring/TextAreaField";
import { useAddNote, useNotes } from "./queries";

/**
 * The hiring team's running notes on one application. Interviewers never see them (they score
 * on their own evidence); an `@Full Name` reaches a colleague who can read the notes.
 */
export function NotesPanel({ applicationId }: { applicationId: string }) {
  const notes = useNotes(applicationId);
  const add = useAddNote(applicationId);
  const [body, setBody] = useState("");
  const [status, setStatus] = useState("");
  const mentionable = notes.data?.mentionable ?? [];

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate(body, {
      onSuccess: ({ note }) => {
        setBody("");
        setStatus(
          note.mentioned.length > 0
            ? `Note added; ${note.mentioned.map((p) => p.name).join(", ")} will be told.`
            : "Note added.",
        );
      },
    });
  }

  return (
    <section className="card" id="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Team notes</h2>
      <p className="muted small">
        Seen by the recruiters and hiring managers on this role, never by interviewers.
      </p>
      <ErrorBanner error={notes.error} />
      {notes.isPending ? (
        <p className="muted">Loading notes…</p>
      ) : (notes.data?.notes.length ?? 0) === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ol className="note-list">
          {notes.data?.notes.map((n) => (
            <li key={n.id}>
              <p className="muted small">
                {n.author?.name ?? "A former colleague"} ·{" "}
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </p>
              <p className="note-body">{n.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="note-form" onSubmit={submit}>
        <TextAreaField
          label="Add a note"
          name="body"
          value={body}
          maxLength={5000}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setStatus("");
          }}
          error={fieldErrors(add.error).body}
          hint={
            mentionable.length > 0
              ? `Type @ and a name to tell someone: ${mentionable.map((p) => p.name).join(", ")}.`
              : "Type @ and a colleague's name to tell them."
          }
        />
        {add.error && !fieldErrors(add.error).body && <ErrorBanner error={add.error} />}
        {status && <Notice tone="success">{status}</Notice>}
        <div className="button-row">
          <button
            type="submit"
            className="button-primary"
            disabled={add.isPending || body.trim() === ""}
          >
            {add.isPending ? "Adding…" : "Add note"}
          </button>
        </div>
      </form>
    </section>
  );
}
