import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import { readForm } from "../components/form-data";
import { ErrorBanner, TextField } from "../components/form";
import { useSetup } from "./queries";

export function SetupPage() {
  const setup = useSetup();
  const fields = fieldErrors(setup.error);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = readForm(event);
    setup.mutate({ name: field("name"), email: field("email"), password: field("password") });
  }

  return (
    <main className="auth-page" id="main">
      <form className="card auth-card" onSubmit={submit} noValidate>
        <h1>Welcome to Shortlist</h1>
        <p className="muted">
          Create the first admin account. You will invite the rest of your hiring team next.
        </p>
        <ErrorBanner error={setup.error} />
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
        <button type="submit" className="button-primary" disabled={setup.isPending}>
          {setup.isPending ? "Creating…" : "Create admin account"}
        </button>
      </form>
    </main>
  );
}
