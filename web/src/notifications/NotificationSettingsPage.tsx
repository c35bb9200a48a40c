import { useEffect, useState } from "react";
import { ErrorBanner, Notice } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useNotificationSettings, useSaveNotificationSettings } from "./queries";
import type { TDeliveryChoice } from "./queries";

/** Per kind of notification: shown in the app, sent by e-mail, both or neither. */
export function NotificationSettingsPage() {
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const [draft, setDraft] = useState<TDeliveryChoice[]>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data && !draft) setDraft(settings.data);
  }, [settings.data, draft]);

  function toggle(kind: string, channel: "inApp" | "email", on: boolean) {
    setSaved(false);
    setDraft((rows) => rows?.map((r) => (r.kind === kind ? { ...r, [channel]: on } : r)));
  }

  return (
    <>
      <PageTitle>Notification settings</PageTitle>
      <p className="muted">
        Choose how each kind of news reaches you. Turning both off means you will not be told.
      </p>
      <ErrorBanner error={settings.error ?? save.error} />
      {saved && <Notice tone="success">Your choices are saved.</Notice>}
      {!draft ? (
        <p className="muted">Loading your settings…</p>
      ) : (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              draft.map(({ kind, inApp, email }) => ({ kind, inApp, email })),
              { onSuccess: () => setSaved(true) },
            );
          }}
        >
          <table className="settings-table">
            <caption className="visually-hidden">Delivery per kind of notification</caption>
            <thead>
              <tr>
                <th scope="col">Notification</th>
                <th scope="col">In the app</th>
                <th scope="col">By e-mail</th>
              </tr>
            </thead>
            <tbody>
              {draft.map((row) => (
                <tr key={row.kind}>
                  <th scope="row">
                    {row.label}
                    <p className="muted small">{row.description}</p>
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${row.label}: in the app`}
                      checked={row.inApp}
                      onChange={(e) => toggle(row.kind, "inApp", e.currentTarget.checked)}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${row.label}: by e-mail`}
                      checked={row.email}
                      onChange={(e) => toggle(row.kind, "email", e.currentTarget.checked)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row">
            <button type="submit" className="button-primary" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save"}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
