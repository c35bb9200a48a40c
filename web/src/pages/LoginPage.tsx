import { useState } from "react";
import type { SyntheticEvent } from "react";
import { api, fieldErrors, toApiError } from "../api/client";
import type { TApiError } from "../api/client";
import { readForm } from "../components/form-data";
import { ErrorBanner, TextField } from "../components/form";
import { useSession } from "../session";

export function LoginPage() {
  const { setUser } = useSession();
  const [error, setError] = useState<TApiError>();
  const [busy, setBusy] = useState(false);
  const fields = fieldErrors(error);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = readForm(event);
    setBusy(true);
    const { data, error: failure } = await api.POST("/api/auth/login", {
      body: { email: field("email"), password: field("password") },
    });
    setBusy(false);
    if (failure || !data) return setError(toApiError(failure));
    setUser(data.user);
  }

  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} noValidate>
        <h1>Sign in to Shortlist</h1>
        <ErrorBanner error={error} />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          error={fields.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fields.password}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <p className="muted small">No account yet? Ask an admin of your team for an invite link.</p>
      </form>
    </div>
  );
}
