import { useState } from "react";
import type { SyntheticEvent } from "react";
import { api, fieldErrors, toApiError } from "../api/client";
import type { TApiError } from "../api/client";
import { readForm } from "../components/form-data";
import { ErrorBanner, TextField } from "../components/form";
import { useSession } from "../session";

export function SetupPage() {
  const { setUser } = useSession();
  const [error, setError] = useState<TApiError>();
  const [busy, setBusy] = useState(false);
  const fields = fieldErrors(error);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = readForm(event);
    setBusy(true);
    const { data, error: failure } = await api.POST("/api/auth/setup", {
      body: {
        name: field("name"),
        email: field("email"),
        password: field("password"),
      },
    });
    setBusy(false);
    if (failure || !data) return setError(toApiError(failure));
    setUser(data.user);
  }

  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} noValidate>
        <h1>Welcome to Shortlist</h1>
        <p className="muted">
          Create the first admin account. You will invite the rest of your hiring team next.
        </p>
        <ErrorBanner error={error} />
        <TextField label="Your name" name="name" autoComplete="name" required error={fields.name} />
        <TextField
          label="Work e-mail"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={fields.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters. A short sentence is easy to remember and hard to guess."
          error={fields.password}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? "Creating…" : "Create admin account"}
        </button>
      </form>
    </div>
  );
}
