import { useCallback, useEffect, useState } from "react";
import type { SyntheticEvent } from "react";
import { api, fieldErrors, toApiError } from "../api/client";
import type { TApiError, TApiToken } from "../api/client";
import { readForm } from "../components/form-data";
import { ErrorBanner, Notice, TextField } from "../components/form";
import { PageTitle } from "../components/Layout";

export function ApiTokensPage() {
  const [tokens, setTokens] = useState<TApiToken[]>([]);
  const [created, setCreated] = useState<string>();
  const [error, setError] = useState<TApiError>();

  const load = useCallback(async () => {
    const { data, error: failure } = await api.GET("/api/me/api-tokens");
    if (data) setTokens(data.apiTokens);
    else setError(toApiError(failure));
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function create(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const { data, error: failure } = await api.POST("/api/me/api-tokens", {
      body: { name: readForm(event)("name") },
    });
    if (!data) return setError(toApiError(failure));
    setError(undefined);
    setCreated(data.token);
    formElement.reset();
    await load();
  }

  async function revoke(token: TApiToken) {
    const { error: failure } = await api.DELETE("/api/me/api-tokens/{tokenId}", {
      params: { path: { tokenId: token.id } },
    });
    if (failure) return setError(toApiError(failure));
    await load();
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
        <form className="inline-form" onSubmit={(e) => void create(e)} noValidate>
          <TextField
            label="Token name"
            name="name"
            placeholder="e.g. ATS sync"
            required
            error={fieldErrors(error).name}
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
                <button type="button" onClick={() => void revoke(t)}>
                  Revoke {t.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
