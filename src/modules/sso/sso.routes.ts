import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { clientMetaOf, isSecureRequest, startBrowserSession } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { SsoRefused } from "./sso.service.js";
import type { TSsoPending, TSsoService } from "./sso.service.js";

export const SSO_CALLBACK_PATH = "/api/auth/sso/callback";
const PENDING_COOKIE = "sl_sso";
const PENDING_PATH = "/api/auth/sso";
const tags = ["auth"];

const ZSsoDescription = z.object({
  enabled: z.boolean(),
  displayName: z.string().nullable(),
  passwordLogin: z.boolean(),
});
const ZPending = z.object({ state: z.string(), nonce: z.string(), verifier: z.string() });
// The provider's answer is read by openid-client from the whole URL; these are only documented.
const ZCallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(2048).optional(),
  session_state: z.string().max(1024).optional(),
});

/**
 * Single sign-on: the login page asks whether it is on, `start` sends the browser to the provider
 * with a fresh state, nonce and PKCE verifier kept in a signed, httpOnly, ten-minute cookie, and
 * the callback finishes there and lands on the dashboard, or on the login page saying why not.
 */
export function registerSsoRoutes(
  app: TApp,
  deps: { ssoService: TSsoService | undefined; sessionTtlHours: number; publicUrl: string },
) {
  const service = deps.ssoService;

  app.get(
    "/api/auth/sso",
    {
      config: { access: "public" },
      schema: {
        operationId: "describeSso",
        tags,
        response: { 200: ZSsoDescription, ...errorResponses },
      },
    },
    () =>
      Promise.resolve(
        service?.describe() ?? { enabled: false, displayName: null, passwordLogin: true },
      ),
  );

  app.get(
    "/api/auth/sso/start",
    {
      config: { access: "public" },
      schema: {
        operationId: "startSso",
        tags,
        description: "Redirects the browser to the identity provider.",
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!service) return failed(reply, "not_configured");
      let started: Awaited<ReturnType<TSsoService["start"]>>;
      try {
        started = await service.start();
      } catch (error) {
        if (error instanceof SsoRefused) return failed(reply, error.reason, request, error);
        throw error;
      }
      const { url, pending } = started;
      void reply.setCookie(PENDING_COOKIE, JSON.stringify(pending), {
        path: PENDING_PATH,
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level GET from another site.
        sameSite: "lax",
        secure: isSecureRequest(request),
        signed: true,
        maxAge: 600,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    SSO_CALLBACK_PATH,
    {
      config: { access: "public" },
      schema: {
        operationId: "finishSso",
        tags,
        description: "Where the identity provider sends the browser back.",
        querystring: ZCallbackQuery,
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!service) return failed(reply, "not_configured");
      const pending = readPending(request);
      // One use only: a replayed callback finds no cookie.
      void reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
      const callbackUrl = new URL(request.url, deps.publicUrl);
      let result: Awaited<ReturnType<TSsoService["finish"]>>;
      try {
        result = await service.finish(callbackUrl, pending, clientMetaOf(request), request.id);
      } catch (error) {
        if (error instanceof SsoRefused) return failed(reply, error.reason, request, error);
        throw error;
      }
      await startBrowserSession(request, reply, result.sessionToken, deps.sessionTtlHours);
      return reply.redirect("/", 303);
    },
  );
}

function readPending(request: FastifyRequest): TSsoPending | undefined {
  const raw = request.cookies[PENDING_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    return ZPending.parse(JSON.parse(unsigned.value));
  } catch {
    return undefined;
  }
}

/** Back to the login page, which says in words why (`?sso_error=`); the log keeps the detail. */
function failed(reply: FastifyReply, reason: string, request?: FastifyRequest, error?: Error) {
  if (request && error) request.log.warn({ reason, detail: error.message }, "sso sign-in refused");
  return reply.redirect(`/login?sso_error=${encodeURIComponent(reason)}`, 303);
}
