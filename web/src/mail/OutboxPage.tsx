import { Fragment } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../api/hiring-types";
import { ErrorBanner, Notice } from "../components/form";
import { PageTitle } from "../components/Layout";
import { ShowMore } from "../components/ShowMore";
import { useOutbox, useRetryMessage } from "./queries";
import type { TOutboxMessage } from "./queries";
import "./mail.css";

const STATUS_LABEL: Record<TOutboxMessage["status"], string> = {
  queued: "Waiting to be sent",
  sending: "Sending",
  sent: "Sent",
  failed: "Not delivered",
};

/** The message's text with its links clickable, so a trial without SMTP can follow them. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <pre className="mail-text">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

function MessageCard({ message }: { message: TOutboxMessage }) {
  const retry = useRetryMessage();
  return (
    <li className="card mail-message" data-testid="outbox-message">
      <div className="mail-message-head">
        <span className={`mail-status mail-status-${message.status}`}>
          {STATUS_LABEL[message.status]}
        </span>
        <span className="muted small">
          {message.sentAt
            ? `sent ${formatDateTime(message.sentAt)}`
            : `written ${formatDateTime(message.createdAt)}`}
          {message.attempts > 0 && ` · ${message.attempts} attempt(s)`}
        </span>
      </div>
      <h2 className="mail-subject">{message.subject}</h2>
      <p className="small">To {message.to}</p>
      {message.lastError && message.status !== "sent" && (
        <p className="mail-error">
          <strong>Why it is not sent: </strong>
          {message.lastError}
        </p>
      )}
      <details>
        <summary>Show the message</summary>
        <LinkedText text={message.text} />
      </details>
      {message.status !== "sent" && (
        <p>
          <button
            type="button"
            onClick={() => retry.mutate(message.id)}
            disabled={retry.isPending}
            aria-label={`Send again: ${message.subject} to ${message.to}`}
          >
            {retry.isPending ? "Sending…" : "Send again"}
          </button>
        </p>
      )}
      <ErrorBanner error={retry.error ?? undefined} />
    </li>
  );
}

/** Admins: every e-mail Shortlist wrote, newest first, with its delivery status. */
export function OutboxPage() {
  const outbox = useOutbox();
  const pages = outbox.data?.pages ?? [];
  const messages = pages.flatMap((p) => p.messages);
  const first = pages[0];
  return (
    <>
      <PageTitle>Outbox</PageTitle>
      <p>
        Every e-mail Shortlist writes, newest first. Edit what they say under{" "}
        <Link to="/mail/templates">E-mail templates</Link>.
      </p>
      {first && !first.smtpConfigured && (
        <Notice>
          No SMTP server is configured (<code>SMTP_URL</code>), so e-mail is kept here instead of
          being sent. Copy a link from a message to pass it on by hand.
        </Notice>
      )}
      <ErrorBanner error={outbox.error ?? undefined} />
      {outbox.isPending && (
        <p className="muted" role="status">
          Loading the outbox…
        </p>
      )}
      {first && first.total === 0 && <p className="muted">No e-mail has been written yet.</p>}
      <ul className="plain-list mail-list">
        {messages.map((m) => (
          <MessageCard key={m.id} message={m} />
        ))}
      </ul>
      <ShowMore
        shown={messages.length}
        total={first?.total ?? 0}
        noun="messages"
        query={outbox}
        testId="outbox-count"
      />
    </>
  );
}
