import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import { readForm } from "../components/form-data";
import { ErrorBanner, TextField } from "../components/form";
import { useLogin } from "./queries";

export function LoginPage() {
  const login = useLogin();
  const fields = fieldErrors(login.error);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = readForm(event);
    login.mutate({ email: field("email"), password: field("password") });
  }

  return (
    <main className="auth-page" id="main">
      <form className="card auth-card" onSubmit={submit} noValidate>
        <h1>Sign in to Shortlist</h1>
        <ErrorBanner error={login.error} />
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
        <button type="submit" className="button-primary" disabled={login.isPending}>
          {login.isPending ? "Signing in…" : "Sign in"}
        </button>
        <p className="muted small">No account yet? Ask an admin of your team for an invite link.</p>
      </form>
    </main>
  );
}
