import type { SyntheticEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { fieldErrors, ROLE_LABELS } from "../api/client";
import { readForm } from "../components/form-data";
import { ErrorBanner, TextField } from "../components/form";
import { useAcceptInvite, useInvitePreview } from "./queries";

export function InviteAcceptPage() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const preview = useInvitePreview(token);
  const accept = useAcceptInvite(token);
  const fields = fieldErrors(accept.error);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = readForm(event);
    accept.mutate(
      { name: field("name"), password: field("password") },
      { onSuccess: () => void navigate("/") },
    );
  }

  if (preview.error) {
    return (
      <main className="auth-page" id="main">
        <div className="card auth-card">
          <h1>This invite cannot be used</h1>
          <p role="alert">{preview.error.message}</p>
          <Link to="/login">Go to sign in</Link>
        </div>
      </main>
    );
  }
  if (!preview.data) {
    return (
      <main className="loading" id="main">
        Checking your invite…
      </main>
    );
  }
  const invite = preview.data;

  return (
    <main className="auth-page" id="main">
      <form className="card auth-card" onSubmit={submit} noValidate>
        <h1>Join your hiring team</h1>
        <p className="muted">
          You were invited as <strong>{ROLE_LABELS[invite.role]}</strong> with{" "}
          <strong>{invite.email}</strong>. Choose a password to finish.
        </p>
        <ErrorBanner error={accept.error} />
        <TextField
          label="Your name"
          name="name"
          defaultValue={invite.name}
          autoComplete="name"
          error={fields.name}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters."
          error={fields.password}
        />
        <button type="submit" className="button-primary" disabled={accept.isPending}>
          {accept.isPending ? "Joining…" : "Join Shortlist"}
        </button>
      </form>
    </main>
  );
}
