import { ZOkResponse } from "../../shared/schema-primitives.js";
import {
  actorOf,
  clearSessionCookie,
  clientMetaOf,
  ensureCsrfToken,
  principalOf,
  startBrowserSession,
} from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZLoginRequest,
  ZSessionResponse,
  ZSetupRequest,
  ZSignedInResponse,
} from "./auth.schema.js";
import type { TAuthService } from "./auth.service.js";

export function registerAuthRoutes(
  app: TApp,
  deps: { authService: TAuthService; sessionTtlHours: number; loginRateLimitPerMinute: number },
) {
  const loginRateLimit = {
    max: deps.loginRateLimitPerMinute,
    timeWindow: "1 minute",
    hook: "preValidation" as const,
    // Per address and account: one office behind a NAT is not locked out by a single typo-prone user.
    keyGenerator: (request: { ip: string; body?: unknown }) => {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      return `${request.ip}|${typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : ""}`;
    },
  };

  app.get(
    "/api/auth/session",
    {
      config: { access: "public" },
      schema: {
        operationId: "getSession",
        tags: ["auth"],
        response: { 200: ZSessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const csrfToken = ensureCsrfToken(request, reply);
      return {
        user: request.principal?.user ?? null,
        setupNeeded: request.principal ? false : await deps.authService.isSetupNeeded(),
        csrfToken,
      };
    },
  );

  app.post(
    "/api/auth/setup",
    {
      config: { access: "public", rateLimit: loginRateLimit },
      schema: {
        operationId: "setupFirstAdmin",
        tags: ["auth"],
        body: ZSetupRequest,
        response: { 201: ZSignedInResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await deps.authService.setupFirstAdmin(
        request.body,
        clientMetaOf(request),
        request.id,
      );
      const csrfToken = await startBrowserSession(
        request,
        reply,
        result.sessionToken,
        deps.sessionTtlHours,
      );
      return reply.status(201).send({ user: result.user, csrfToken });
    },
  );

  app.post(
    "/api/auth/login",
    {
      config: { access: "public", rateLimit: loginRateLimit },
      schema: {
        operationId: "login",
        tags: ["auth"],
        body: ZLoginRequest,
        response: { 200: ZSignedInResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await deps.authService.login(request.body, clientMetaOf(request), request.id);
      const csrfToken = await startBrowserSession(
        request,
        reply,
        result.sessionToken,
        deps.sessionTtlHours,
      );
      return { user: result.user, csrfToken };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "user" },
      schema: {
        operationId: "logout",
        tags: ["auth"],
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind === "session") {
        await deps.authService.logout(principal, actorOf(request).requestId);
      }
      clearSessionCookie(reply, request);
      return { ok: true as const };
    },
  );
}
