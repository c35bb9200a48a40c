import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import { readForm } from "../components/form-data";
import { ErrorBanner, TextField } from "../components/form";
import { useSearchParams } from "react-router";
import { useLogin, useSsoDescription } from "./queries";

/** What the SSO callback's `?sso_error=` means, for the person who was sent back here. */
const SSO_ERRORS: Record<string, string> = {
  not_invited:
    "Your sign-in worked, but there is no Shortlist account or invite for that address. Ask an admin of your team for an invite.",
  email_unverified:
    "Your provider did not confirm your e-mail address, so Shortlist cannot tell which account is yours.",
  account_disabled: "Your Shortlist account is switched off. Ask an admin of your team.",
  expired: "The sign-in took too long or was opened in another browser. Please try again.",
  provider_error:
    "Single sign-on did not complete. Please try again, or ask an admin if it keeps failing.",
  not_configured: "Single sign-on is not set up on this Shortlist.",
};

export function LoginPage() {
  const login = useLogin();
  const fields = fieldErrors(login.error);
  const sso = useSsoDescription().data;
  const [params] = useSearchParams();
  const ssoError = params.get("sso_error");

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = readForm(event);
    login.mutate({ email: field("email"), password: field("password") });
  }

  return (
    <main className="auth-page" id="main">
      <form className="card auth-card" onSubmit={submit} noValidate>
        <h1>Sign in to Shortlist</h1>
        {ssoError && (
          <div className="banner banner-error" role="alert">
            <p>{SSO_ERRORS[ssoError] ?? SSO_ERRORS.provider_error}</p>
          </div>
        )}
        {sso?.enabled && (
          <>
            <a className="button button-primary sso-button" href="/api/auth/sso/start">
              Sign in with {sso.displayName}
            </a>
            <p className="divider muted small">or with your e-mail and password</p>
          </>
        )}
        <ErrorBanner error={login.error} />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus={!sso?.enabled}
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
        <button
          type="submit"
          className={sso?.enabled ? undefined : "button-primary"}
          disabled={login.isPending}
        >
          {login.isPending ? "Signing in…" : "Sign in"}
        </button>
        <p className="muted small">No account yet? Ask an admin of your team for an invite link.</p>
      </form>
    </main>
  );
}
