import { useDeferredValue, useState } from "react";
import type { SyntheticEvent } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../api/hiring-types";
import { ErrorBanner, Notice, TextField } from "../components/form";
import { PageTitle } from "../components/Layout";
import { TextAreaField } from "../hiring/TextAreaField";
import { useMailTemplates, usePreview, useResetTemplate, useSaveTemplate } from "./queries";
import type { TMailKind, TMailTemplate } from "./queries";
import "./mail.css";

/** Admins: the wording of every e-mail Shortlist sends, with placeholders and a live preview. */
export function MailTemplatesPage() {
  const templates = useMailTemplates();
  const [kind, setKind] = useState<TMailKind | undefined>(undefined);
  const chosen = templates.data?.find((t) => t.kind === kind) ?? templates.data?.[0];
  return (
    <>
      <PageTitle>E-mail templates</PageTitle>
      <p>
        What each e-mail says. Sent and waiting messages are in the{" "}
        <Link to="/mail/outbox">Outbox</Link>.
      </p>
      <ErrorBanner error={templates.error ?? undefined} />
      {templates.isPending && (
        <p className="muted" role="status">
          Loading the templates…
        </p>
      )}
      {templates.data && chosen && (
        <div className="mail-templates">
          <nav aria-label="E-mail kinds" className="card mail-kinds">
            <ul className="plain-list">
              {templates.data.map((t) => (
                <li key={t.kind}>
                  <button
                    type="button"
                    className="link-button"
                    aria-current={t.kind === chosen.kind ? "true" : undefined}
                    onClick={() => setKind(t.kind)}
                  >
                    {t.label}
                  </button>
                  {!t.isDefault && <span className="muted small"> · edited</span>}
                </li>
              ))}
            </ul>
          </nav>
          {/* Keyed by kind, so switching kinds starts from that kind's saved wording; a save
              keeps the editor (and its "Saved.") while the list refetches. */}
          <TemplateEditor key={chosen.kind} template={chosen} />
        </div>
      )}
    </>
  );
}

function TemplateEditor({ template }: { template: TMailTemplate }) {
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const save = useSaveTemplate(template.kind);
  const reset = useResetTemplate(template.kind);
  const draft = useDeferredValue({ subject, body });
  const preview = usePreview(
    template.kind,
    draft.subject.trim() && draft.body.trim() ? draft : undefined,
  );
  const fieldError = (field: string) =>
    (save.error ?? preview.error)?.fields?.find((f) => f.field === field)?.message;
  const changed = subject !== template.subject || body !== template.body;

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ subject, body });
  }

  return (
    <div className="mail-editor">
      <form className="card" onSubmit={submit} aria-labelledby="template-heading">
        <h2 id="template-heading">{template.label}</h2>
        <p className="muted small">
          {template.isDefault
            ? "Shortlist's own wording."
            : `Edited${template.updatedAt ? ` ${formatDateTime(template.updatedAt)}` : ""}.`}
        </p>
        <TextField
          label="Subject"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          maxLength={300}
          error={fieldError("subject")}
        />
        <TextAreaField
          label="Message"
          rows={12}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          maxLength={20_000}
          error={fieldError("body")}
        />
        <p className="small" id="placeholders">
          Placeholders this e-mail can use:{" "}
          {template.placeholders.map((p, i) => (
            <span key={p}>
              {i > 0 && ", "}
              <code>{`{{${p}}}`}</code>
            </span>
          ))}
        </p>
        <ErrorBanner error={save.error && !save.error.fields?.length ? save.error : undefined} />
        {save.isSuccess && !changed && <Notice tone="success">Saved.</Notice>}
        <p className="button-row">
          <button type="submit" className="button-primary" disabled={save.isPending || !changed}>
            {save.isPending ? "Saving…" : "Save"}
          </button>
          {!template.isDefault && (
            <button
              type="button"
              onClick={() =>
                reset.mutate(undefined, {
                  onSuccess: ({ template: fresh }) => {
                    setSubject(fresh.subject);
                    setBody(fresh.body);
                  },
                })
              }
              disabled={reset.isPending}
            >
              Go back to Shortlist&apos;s wording
            </button>
          )}
        </p>
        <ErrorBanner error={reset.error ?? undefined} />
      </form>
      <section className="card" aria-labelledby="preview-heading" aria-live="polite">
        <h2 id="preview-heading">Preview, with sample values</h2>
        {preview.data ? (
          <>
            <p>
              <strong data-testid="preview-subject">{preview.data.subject}</strong>
            </p>
            <pre className="mail-text" data-testid="preview-text">
              {preview.data.text}
            </pre>
          </>
        ) : (
          !preview.error && <p className="muted">Write a subject and a message to see them here.</p>
        )}
        {preview.error && !preview.error.fields?.length && <ErrorBanner error={preview.error} />}
      </section>
    </div>
  );
}
