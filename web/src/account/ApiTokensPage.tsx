import { useState } from "react";
import { ShowMore } from "../components/ShowMore";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import { readForm } from "../components/form-data";
import { ErrorBanner, Notice, TextField } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from "./queries";

export function ApiTokensPage() {
  const list = useApiTokens();
  const createToken = useCreateApiToken();
  const revokeToken = useRevokeApiToken();
  const [created, setCreated] = useState<string>();
  const tokens = list.data?.pages.flatMap((page) => page.apiTokens) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const error = createToken.error ?? revokeToken.error ?? list.error;

  function create(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    createToken.mutate(readForm(event)("name"), {
      onSuccess: (data) => {
        setCreated(data.token);
        formElement.reset();
      },
    });
  }

  return (
    <>
      <PageTitle>API tokens</PageTitle>
      <p className="muted">
        Personal tokens let scripts call the Shortlist API as you: send{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>. The API is described at{" "}
        <a href="/api/docs">/api/docs</a>.
      </p>
      <ErrorBanner error={error} />
      <section className="card">
        <h2>New token</h2>
        <form className="inline-form" onSubmit={create} noValidate>
          <TextField
            label="Token name"
            name="name"
            placeholder="e.g. ATS sync"
            required
            error={fieldErrors(createToken.error).name}
          />
          <button type="submit" className="button-primary">
            Create token
          </button>
        </form>
        {created && (
          <Notice tone="success">
            <p>Copy this token now. It will not be shown again.</p>
            <div className="copy-row">
              <input
                aria-label="New API token"
                readOnly
                value={created}
                onFocus={(e) => e.currentTarget.select()}
              />
              <button type="button" onClick={() => void navigator.clipboard.writeText(created)}>
                Copy
              </button>
            </div>
          </Notice>
        )}
      </section>
      <section className="card">
        <h2>Your tokens</h2>
        {tokens.length === 0 ? (
          <p className="muted">You have no tokens.</p>
        ) : (
          <ul className="plain-list">
            {tokens.map((t) => (
              <li key={t.id}>
                <span>
                  <strong>{t.name}</strong> <code>{t.prefix}…</code> · created{" "}
                  {new Date(t.createdAt).toLocaleDateString()} ·{" "}
                  {t.lastUsedAt
                    ? `last used ${new Date(t.lastUsedAt).toLocaleString()}`
                    : "never used"}
                </span>
                <button type="button" onClick={() => revokeToken.mutate(t.id)}>
                  Revoke {t.name}
                </button>
              </li>
            ))}
          </ul>
        )}
        <ShowMore shown={tokens.length} total={total} noun="tokens" query={list} />
      </section>
    </>
  );
}
