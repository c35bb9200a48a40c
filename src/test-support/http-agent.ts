import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { TErrorResponse } from "../http/error-response.js";
import type { TApp } from "../http/types.js";

/**
 * A browser-like client over app.inject(): keeps cookies and sends the CSRF header, so HTTP tests
 * exercise the same path the web app does.
 */
export class HttpAgent {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  constructor(private readonly app: TApp) {}

  async request(options: {
    method: InjectOptions["method"];
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
    withCsrf?: boolean;
  }): Promise<LightMyRequestResponse> {
    const unsafe = !["GET", "HEAD", "OPTIONS"].includes(String(options.method));
    if (unsafe && options.withCsrf !== false && this.csrfToken === undefined)
      await this.refreshSession();
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (unsafe && options.withCsrf !== false && this.csrfToken)
      headers["x-csrf-token"] = this.csrfToken;
    const response = await this.app.inject({
      method: options.method,
      url: options.url,
      headers,
      ...(options.payload === undefined
        ? {}
        : { payload: options.payload as InjectOptions["payload"] }),
    });
    for (const cookie of response.cookies) {
      if (cookie.maxAge === 0 || cookie.value === "") this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    // Sign-in answers carry the new session's CSRF token; adopt it as the web app does.
    if (unsafe && String(response.headers["content-type"]).startsWith("application/json")) {
      const token = (response.json<{ csrfToken?: unknown }>() ?? {}).csrfToken;
      if (typeof token === "string") this.csrfToken = token;
    }
    return response;
  }

  async refreshSession() {
    const response = await this.request({ method: "GET", url: "/api/auth/session" });
    this.csrfToken = response.json<{ csrfToken: string }>().csrfToken;
    return response;
  }

  get = (url: string) => this.request({ method: "GET", url });
  post = (url: string, payload?: unknown) =>
    this.request({ method: "POST", url, payload: payload ?? {} });
  patch = (url: string, payload: unknown) => this.request({ method: "PATCH", url, payload });
  put = (url: string, payload: unknown) => this.request({ method: "PUT", url, payload });
  delete = (url: string) => this.request({ method: "DELETE", url });

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export const STRONG_PASSWORD = "correct horse battery staple";

export async function setupAdmin(app: TApp, email = "admin@example.com") {
  const agent = new HttpAgent(app);
  const response = await agent.post("/api/auth/setup", {
    email,
    name: "Ada Admin",
    password: STRONG_PASSWORD,
  });
  if (response.statusCode !== 201) throw new Error(`setup failed: ${response.body}`);
  return agent;
}

/** Invites a user as `admin`, accepts in a fresh agent, and returns that signed-in agent. */
export async function inviteAndAccept(app: TApp, admin: HttpAgent, email: string, role: string) {
  const invite = await admin.post("/api/invites", { email, name: email.split("@")[0], role });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.body}`);
  const token = invite.json<{ inviteUrl: string }>().inviteUrl.split("/invite/")[1] ?? "";
  const agent = new HttpAgent(app);
  const accepted = await agent.post(`/api/invite-links/${token}/accept`, {
    password: STRONG_PASSWORD,
  });
  if (accepted.statusCode !== 201) throw new Error(`accept failed: ${accepted.body}`);
  return { agent, userId: accepted.json<{ user: { id: string } }>().user.id };
}

/** The error body of a failed response, typed. */
export function errorOf(response: LightMyRequestResponse): TErrorResponse["error"] {
  return response.json<TErrorResponse>().error;
}
