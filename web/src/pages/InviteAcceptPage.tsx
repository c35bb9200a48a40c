import { useEffect, useState } from "react";
import type { SyntheticEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { api, fieldErrors, ROLE_LABELS, toApiError } from "../api/client";
import type { TApiError, TUserRole } from "../api/client";
import { readForm } from "../components/form-data";
import { ErrorBanner, TextField } from "../components/form";
import { useSession } from "../session";

type TPreview = { email: string; name: string; role: TUserRole; expiresAt: string };

export function InviteAcceptPage() {
  const { token = "" } = useParams();
  const { setUser } = useSession();
  const navigate = useNavigate();
  const [preview, setPreview] = useState<TPreview>();
  const [loadError, setLoadError] = useState<TApiError>();
  const [error, setError] = useState<TApiError>();
  const [busy, setBusy] = useState(false);
  const fields = fieldErrors(error);

  useEffect(() => {
    void api
      .GET("/api/invite-links/{token}", { params: { path: { token } } })
      .then(({ data, error: failure }) => {
        if (data) setPreview(data);
        else setLoadError(toApiError(failure));
      });
  }, [token]);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = readForm(event);
    setBusy(true);
    const { data, error: failure } = await api.POST("/api/invite-links/{token}/accept", {
      params: { path: { token } },
      body: { name: field("name"), password: field("password") },
    });
    setBusy(false);
    if (failure || !data) return setError(toApiError(failure));
    setUser(data.user);
    void navigate("/");
  }

  if (loadError) {
    return (
      <div className="auth-page">
        <div className="card auth-card">
          <h1>This invite cannot be used</h1>
          <p role="alert">{loadError.message}</p>
          <Link to="/login">Go to sign in</Link>
        </div>
      </div>
    );
  }
  if (!preview) return <p className="loading">Checking your invite…</p>;

  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} noValidate>
        <h1>Join your hiring team</h1>
        <p className="muted">
          You were invited as <strong>{ROLE_LABELS[preview.role]}</strong> with{" "}
          <strong>{preview.email}</strong>. Choose a password to finish.
        </p>
        <ErrorBanner error={error} />
        <TextField
          label="Your name"
          name="name"
          defaultValue={preview.name}
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
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? "Joining…" : "Join Shortlist"}
        </button>
      </form>
    </div>
  );
}
