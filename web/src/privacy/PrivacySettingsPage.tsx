import { useState } from "react";
import type { SyntheticEvent } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../api/hiring-types";
import { ErrorBanner, Notice, TextField } from "../components/form";
import { PageTitle } from "../components/Layout";
import { usePrivacySettings, useRetentionPreview, useUpdatePrivacySettings } from "./queries";
import type { TPrivacySettings } from "./queries";

/** Admins: the privacy notice candidates are shown, and the retention rule with its preview. */
export function PrivacySettingsPage() {
  const settings = usePrivacySettings();
  return (
    <>
      <PageTitle>Candidates&apos; privacy</PageTitle>
      <ErrorBanner error={settings.error ?? undefined} />
      {settings.data ? (
        <SettingsForm saved={settings.data} />
      ) : (
        !settings.error && (
          <p className="muted" role="status">
            Loading the settings…
          </p>
        )
      )}
    </>
  );
}

// Rendered once the saved settings are in, so typing never races the first load.
function SettingsForm({ saved }: { saved: TPrivacySettings }) {
  const update = useUpdatePrivacySettings();
  const [noticeUrl, setNoticeUrl] = useState(saved.privacyNoticeUrl ?? "");
  const [months, setMonths] = useState(
    saved.retentionMonths === null ? "" : String(saved.retentionMonths),
  );
  const parsedMonths = /^\d{1,3}$/.test(months.trim()) ? Number(months.trim()) : undefined;
  const preview = useRetentionPreview(parsedMonths && parsedMonths >= 1 ? parsedMonths : undefined);
  const fieldError = (field: string) =>
    update.error?.fields?.find((f) => f.field === field)?.message;

  function save(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({
      privacyNoticeUrl: noticeUrl.trim() || null,
      retentionMonths: months.trim() === "" ? null : Number(months.trim()),
    });
  }

  return (
    <>
      <form className="card" onSubmit={save} aria-labelledby="privacy-settings-heading">
        <h2 id="privacy-settings-heading">Notice and retention</h2>
        <TextField
          label="Privacy notice link"
          type="url"
          value={noticeUrl}
          onChange={(e) => setNoticeUrl(e.target.value)}
          error={fieldError("privacyNoticeUrl")}
          maxLength={500}
          placeholder="https://example.com/privacy"
          hint="Shown to candidates before they start an assessment, and stored with every consent record."
        />
        <TextField
          label="Anonymize candidates this many months after rejection or withdrawal"
          inputMode="numeric"
          value={months}
          onChange={(e) => setMonths(e.target.value)}
          error={fieldError("retentionMonths")}
          maxLength={3}
          hint="Leave empty to keep records until an admin erases them. A daily job applies the rule."
        />
        <ErrorBanner error={update.error ?? undefined} />
        {update.isSuccess && <Notice tone="success">Saved.</Notice>}
        <p>
          <button type="submit" className="button-primary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save"}
          </button>
        </p>
        {saved.updatedAt && (
          <p className="muted small">Last changed {formatDateTime(saved.updatedAt)}</p>
        )}
      </form>
      <section className="card" aria-labelledby="retention-preview-heading">
        <h2 id="retention-preview-heading">Who the rule would anonymize today</h2>
        <ErrorBanner error={preview.error ?? undefined} />
        {preview.data?.months === null && (
          <p className="muted">Enter a number of months to see who would be due.</p>
        )}
        {preview.data && preview.data.months !== null && (
          <>
            <p>
              {preview.data.due.length === 0
                ? `Nobody: no candidate was rejected or withdrew more than ${preview.data.months} months ago.`
                : `${preview.data.due.length}${preview.data.truncated ? "+" : ""} candidate(s) closed more than ${preview.data.months} months ago.`}{" "}
              {!preview.data.enabled && "The rule is off until you save a period."}
            </p>
            {preview.data.due.length > 0 && (
              <ul className="plain-list">
                {preview.data.due.map((d) => (
                  <li key={d.candidateId}>
                    <Link to={`/candidates/${d.candidateId}`}>{d.name}</Link>{" "}
                    <span className="muted">last closed {formatDateTime(d.lastClosedAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </>
  );
}
