import { useState } from "react";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import { readForm } from "../components/form-data";
import { formatDateTime } from "../api/hiring-types";
import { ErrorBanner, Notice, TextField } from "../components/form";
import { PageTitle } from "../components/Layout";
import { ShowMore } from "../components/ShowMore";
import {
  useCreateWebhook,
  useDeleteWebhook,
  useDeliveries,
  useRedeliver,
  useRotateSecret,
  useWebhooks,
} from "./queries";
import type { TWebhookDelivery, TWebhookEndpoint, TWebhookEvent } from "./queries";
import "../mail/mail.css";
import "./webhooks.css";

const EVENT_LABEL: Record<TWebhookEvent, string> = {
  "candidate.created": "A candidate is added",
  "application.stage_changed": "An application moves stage, or is rejected or withdrawn",
  "scorecard.submitted": "An interviewer submits a scorecard",
  "assessment.graded": "A practical assessment finishes grading",
  "decision.recorded": "A hiring decision is recorded",
};

const STATUS_LABEL: Record<TWebhookDelivery["status"], string> = {
  queued: "Waiting to be sent",
  delivering: "Sending",
  delivered: "Delivered",
  failed: "Not delivered",
};
// The outbox's badge colours: the same four states.
const STATUS_CLASS: Record<TWebhookDelivery["status"], string> = {
  queued: "mail-status-queued",
  delivering: "mail-status-queued",
  delivered: "mail-status-sent",
  failed: "mail-status-failed",
};

/** A signing secret shown once, right after it was made. */
function SecretNotice({ secret, url }: { secret: string; url: string }) {
  return (
    <Notice tone="success">
      <p>
        Give this signing secret to the receiver at <strong>{url}</strong>. Copy it now: it will not
        be shown again.
      </p>
      <div className="copy-row">
        <input
          aria-label="Signing secret"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => void navigator.clipboard.writeText(secret)}>
          Copy
        </button>
      </div>
    </Notice>
  );
}

function NewEndpoint({
  events,
  onCreated,
}: {
  events: TWebhookEvent[];
  onCreated: (created: { secret: string; url: string }) => void;
}) {
  const create = useCreateWebhook();
  const errors = fieldErrors(create.error);
  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = readForm(event);
    const form = event.currentTarget;
    const checked = new FormData(form).getAll("events");
    create.mutate(
      {
        url: field("url"),
        description: field("description"),
        events: checked.filter((v): v is TWebhookEvent => typeof v === "string"),
      },
      {
        onSuccess: (created) => {
          onCreated({ secret: created.secret, url: created.endpoint.url });
          form.reset();
        },
      },
    );
  }
  return (
    <section className="card">
      <h2>New endpoint</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          label="Endpoint URL"
          name="url"
          type="url"
          placeholder="https://hooks.example.com/shortlist"
          required
          error={errors.url}
          hint="An HTTPS address on the public internet. Shortlist POSTs each event to it as JSON."
        />
        <TextField
          label="Description"
          name="description"
          placeholder="e.g. HR system sync"
          error={errors.description}
        />
        <fieldset
          className="webhook-events"
          aria-describedby={errors.events ? "webhook-events-error" : undefined}
        >
          <legend>Events to send</legend>
          {events.map((e) => (
            <label key={e}>
              <input type="checkbox" name="events" value={e} defaultChecked /> {EVENT_LABEL[e]}{" "}
              <code className="small">{e}</code>
            </label>
          ))}
          {errors.events && (
            <p className="field-error" id="webhook-events-error">
              Events: {errors.events}
            </p>
          )}
        </fieldset>
        <p>
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {create.isPending ? "Checking the address…" : "Add endpoint"}
          </button>
        </p>
        {!errors.url && !errors.events && <ErrorBanner error={create.error ?? undefined} />}
      </form>
    </section>
  );
}

function DeliveryRow({ delivery, endpointId }: { delivery: TWebhookDelivery; endpointId: string }) {
  const redeliver = useRedeliver(endpointId);
  const done = delivery.status === "delivered" || delivery.status === "failed";
  return (
    <li className="webhook-delivery" data-testid="webhook-delivery">
      <div className="mail-message-head">
        <span className={`mail-status ${STATUS_CLASS[delivery.status]}`}>
          {STATUS_LABEL[delivery.status]}
        </span>
        <code>{delivery.event}</code>
        <span className="muted small">
          {formatDateTime(delivery.createdAt)}
          {delivery.attempts > 0 && ` · ${delivery.attempts} attempt(s)`}
          {delivery.lastHttpStatus !== null && ` · HTTP ${delivery.lastHttpStatus}`}
          {delivery.lastDurationMs !== null && ` · ${delivery.lastDurationMs} ms`}
        </span>
      </div>
      {delivery.lastError && delivery.status !== "delivered" && (
        <p className="mail-error small">
          <strong>Last error: </strong>
          {delivery.lastError}
        </p>
      )}
      <details>
        <summary>Show the payload</summary>
        <pre className="mail-text">{JSON.stringify(delivery.payload, null, 2)}</pre>
      </details>
      {done && (
        <button
          type="button"
          onClick={() => redeliver.mutate(delivery.id)}
          disabled={redeliver.isPending}
          aria-label={`Send again: ${delivery.event} of ${formatDateTime(delivery.createdAt)}`}
        >
          {redeliver.isPending ? "Sending…" : "Send again"}
        </button>
      )}
      <ErrorBanner error={redeliver.error ?? undefined} />
    </li>
  );
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const deliveries = useDeliveries(endpointId);
  const pages = deliveries.data?.pages ?? [];
  const rows = pages.flatMap((p) => p.deliveries);
  return (
    <>
      <ErrorBanner error={deliveries.error ?? undefined} />
      {deliveries.isPending && (
        <p className="muted" role="status">
          Loading deliveries…
        </p>
      )}
      {pages[0]?.total === 0 && <p className="muted">Nothing has been sent to it yet.</p>}
      <ul className="plain-list webhook-deliveries">
        {rows.map((d) => (
          <DeliveryRow key={d.id} delivery={d} endpointId={endpointId} />
        ))}
      </ul>
      <ShowMore
        shown={rows.length}
        total={pages[0]?.total ?? 0}
        noun="deliveries"
        query={deliveries}
      />
    </>
  );
}

function EndpointCard({
  endpoint,
  onRotated,
}: {
  endpoint: TWebhookEndpoint;
  onRotated: (created: { secret: string; url: string }) => void;
}) {
  const [showLog, setShowLog] = useState(false);
  const rotate = useRotateSecret();
  const remove = useDeleteWebhook();
  return (
    <li className="card" data-testid="webhook-endpoint">
      <h2 className="mail-subject">
        <code>{endpoint.url}</code>
      </h2>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p className="small">
        Sends: {endpoint.events.map((e) => EVENT_LABEL[e].toLowerCase()).join("; ")}.
      </p>
      <p className="small muted">
        {endpoint.delivered} delivered · {endpoint.failed} not delivered · added{" "}
        {formatDateTime(endpoint.createdAt)}
        {endpoint.previousSecretExpiresAt &&
          ` · the previous secret also signs until ${formatDateTime(endpoint.previousSecretExpiresAt)}`}
      </p>
      <div className="webhook-actions">
        <button
          type="button"
          aria-expanded={showLog}
          onClick={() => setShowLog((v) => !v)}
          aria-label={`${showLog ? "Hide" : "Show"} deliveries to ${endpoint.url}`}
        >
          {showLog ? "Hide deliveries" : "Show deliveries"}
        </button>
        <button
          type="button"
          disabled={rotate.isPending}
          onClick={() =>
            rotate.mutate(endpoint.id, {
              onSuccess: (r) => onRotated({ secret: r.secret, url: r.endpoint.url }),
            })
          }
          aria-label={`New signing secret for ${endpoint.url}`}
        >
          New signing secret
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(`Stop sending events to ${endpoint.url} and delete its log?`))
              remove.mutate(endpoint.id);
          }}
          aria-label={`Delete the endpoint ${endpoint.url}`}
        >
          Delete
        </button>
      </div>
      <ErrorBanner error={rotate.error ?? remove.error ?? undefined} />
      {showLog && <Deliveries endpointId={endpoint.id} />}
    </li>
  );
}

/** Admins: where Shortlist sends signed events, and what happened to each one. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const [secret, setSecret] = useState<{ secret: string; url: string } | null>(null);
  const endpoints = webhooks.data?.endpoints ?? [];
  return (
    <>
      <PageTitle>Webhooks</PageTitle>
      <p>
        Shortlist tells your other systems when something happens, by POSTing a signed JSON event to
        each endpoint. Events carry ids, never contact details or what interviewers wrote; a
        receiver reads more through the API with its own token. Signatures follow the Standard
        Webhooks specification (<code>webhook-id</code>, <code>webhook-timestamp</code>,{" "}
        <code>webhook-signature</code>), so its libraries verify them.
      </p>
      {secret && <SecretNotice secret={secret.secret} url={secret.url} />}
      <ErrorBanner error={webhooks.error ?? undefined} />
      {webhooks.data && <NewEndpoint events={webhooks.data.events} onCreated={setSecret} />}
      {webhooks.isPending && (
        <p className="muted" role="status">
          Loading endpoints…
        </p>
      )}
      {webhooks.data && endpoints.length === 0 && (
        <p className="muted">No endpoints yet: nothing is sent anywhere.</p>
      )}
      <ul className="plain-list webhook-endpoints">
        {endpoints.map((e) => (
          <EndpointCard key={e.id} endpoint={e} onRotated={setSecret} />
        ))}
      </ul>
    </>
  );
}
