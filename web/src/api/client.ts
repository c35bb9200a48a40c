import type { TJson } from "./json-types";
import createClient from "openapi-fetch";
import type { Middleware } from "openapi-fetch";
import type { paths } from "./schema";

export type TUser = NonNullable<TJson<"/api/auth/session", "get">["user"]>;
export type TUserRole = TUser["role"];
export type TInvite = TJson<"/api/invites", "get">["invites"][number];
export type TAuditEvent = TJson<"/api/audit", "get">["events"][number];
export type TApiToken = TJson<"/api/me/api-tokens", "get">["apiTokens"][number];

export const ROLE_LABELS: Record<TUserRole, string> = {
  admin: "Admin",
  recruiter: "Recruiter",
  hiring_manager: "Hiring manager",
  interviewer: "Interviewer",
};

export type TApiError = {
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
  details?: Record<string, unknown>;
  requestId: string;
};

let csrfToken: string | undefined;
export function setCsrfToken(token: string) {
  csrfToken = token;
}
/** For requests made outside the client (an XMLHttpRequest upload that reports progress). */
export function currentCsrfToken(): string | undefined {
  return csrfToken;
}

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET" && request.method !== "HEAD" && csrfToken) {
      request.headers.set("X-CSRF-Token", csrfToken);
    }
    return request;
  },
  // Signing in starts a new session with its own CSRF token (the one before no longer works).
  async onResponse({ request, response }) {
    if (
      request.method === "POST" &&
      response.ok &&
      SIGN_IN_PATH.test(new URL(request.url).pathname)
    ) {
      const body = (await response.clone().json()) as { csrfToken?: unknown };
      if (typeof body.csrfToken === "string") csrfToken = body.csrfToken;
    }
    return response;
  },
};
const SIGN_IN_PATH = /^\/api\/(auth\/login|auth\/setup|invite-links\/[^/]+\/accept)$/;

export const api = createClient<paths>({ baseUrl: "/", credentials: "same-origin" });
api.use(csrfMiddleware);

/** Normalises an openapi-fetch error body (or a network failure) into one shape for the UI. */
export function toApiError(error: unknown): TApiError {
  const body = error as { error?: TApiError } | undefined;
  if (body?.error?.message) return body.error;
  return {
    code: "NETWORK",
    message: "Shortlist could not be reached. Check your connection and try again.",
    requestId: "",
  };
}

/** Field errors keyed by the field's last path segment ("body.email" → "email"). */
export function fieldErrors(error: TApiError | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of error?.fields ?? []) {
    const key = f.field.split(".").at(-1) ?? f.field;
    out[key] ??= f.message;
  }
  return out;
}
