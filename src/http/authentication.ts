import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";
import { hashSecret, safeEqual } from "../shared/secure-token.js";
import type { TApp, TPrincipal, TPrincipalResolvers, TRouteAccess } from "./types.js";

export const SESSION_COOKIE = "sl_session";
export const CSRF_COOKIE = "sl_csrf";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Secure cookies when this request came over TLS, or always when PUBLIC_URL is https (TLS at a proxy). */
export function isSecureRequest(request: FastifyRequest): boolean {
  return request.server.forceSecureCookies || request.protocol === "https";
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  ttlHours: number,
) {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureRequest(request),
    maxAge: ttlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest) {
  void reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureRequest(request),
  });
}

/**
 * A signed-in browser's CSRF token is derived from its session (an HMAC of the session's hash
 * with the cookie secret): a token fetched anonymously, or for another session, never matches,
 * and signing in rotates it because the session is new.
 */
function csrfTokenOfSession(request: FastifyRequest, sessionHash: string): string {
  const signed = request.server.signCookie(`csrf:${sessionHash}`);
  return signed.slice(signed.lastIndexOf(".") + 1);
}

/**
 * Starts a browser session: the cookie, and the end of the session this browser held before (a
 * new sign-in must not leave the previous account signed in on the server). Returns the CSRF
 * token of the new session, which the client echoes from now on.
 */
export async function startBrowserSession(
  request: FastifyRequest,
  reply: FastifyReply,
  sessionToken: string,
  ttlHours: number,
): Promise<string> {
  const replaced = request.cookies[SESSION_COOKIE];
  if (replaced && replaced !== sessionToken) await request.server.endSession(hashSecret(replaced));
  setSessionCookie(reply, request, sessionToken, ttlHours);
  return csrfTokenOfSession(request, hashSecret(sessionToken));
}

/**
 * The CSRF token for this request: bound to the session when signed in; otherwise a double-submit
 * token in a signed, httpOnly cookie (login CSRF), which a cross-site page can make the browser
 * send but cannot read to echo.
 */
export function ensureCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  if (request.principal?.kind === "session")
    return csrfTokenOfSession(request, request.principal.sessionHash);
  const existing = readCsrfCookie(request);
  if (existing) return existing;
  const token = randomBytes(24).toString("base64url");
  void reply.setCookie(CSRF_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: isSecureRequest(request),
    signed: true,
  });
  return token;
}

function readCsrfCookie(request: FastifyRequest): string | undefined {
  const raw = request.cookies[CSRF_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new AppError("UNAUTHENTICATED", "The Authorization header must be `Bearer <token>`.");
  return match[1];
}

function allows(
  access: TRouteAccess,
  principal: TPrincipal | null,
): "ok" | "unauthenticated" | "forbidden" {
  if (access === "public") return "ok";
  if (!principal) return "unauthenticated";
  if (access === "user") return "ok";
  return access.includes(principal.user.role) ? "ok" : "forbidden";
}

export function registerAuthentication(
  app: TApp,
  deps: TPrincipalResolvers & { forceSecureCookies: boolean },
) {
  app.decorateRequest("principal", null);
  app.decorate("forceSecureCookies", deps.forceSecureCookies);
  app.decorate("endSession", (sessionHash: string) => deps.endSession(sessionHash));

  app.addHook("onRoute", (route) => {
    if (
      route.url.startsWith("/api/") &&
      !route.url.startsWith("/api/docs") &&
      route.config?.access === undefined
    ) {
      throw new Error(
        `Route ${route.method.toString()} ${route.url} does not declare config.access`,
      );
    }
  });

  // preValidation: identity and role are checked before the body is validated, so an anonymous caller
  // learns nothing about a route's schema.
  app.addHook("preValidation", async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return;
    const token = bearerToken(request);
    if (token !== undefined) {
      const found = await deps.resolveToken(token);
      if (!found)
        throw new AppError(
          "UNAUTHENTICATED",
          "This API token is not valid, was revoked, or its user is disabled.",
        );
      request.principal = { kind: "token", user: found.user, tokenId: found.tokenId };
    } else {
      const sessionToken = request.cookies[SESSION_COOKIE];
      if (sessionToken) {
        // A read reuses the scope fetched with the session; a write reads it afresh where it checks.
        const withScope = !UNSAFE_METHODS.has(request.method);
        const found = await deps.resolveSession(sessionToken, { withScope });
        if (found)
          request.principal = { kind: "session", user: found.user, sessionHash: found.sessionHash };
      }
      // Token requests skip CSRF: a browser never attaches a bearer token on its own.
      if (UNSAFE_METHODS.has(request.method)) {
        const expected =
          request.principal?.kind === "session"
            ? csrfTokenOfSession(request, request.principal.sessionHash)
            : readCsrfCookie(request);
        const sent = request.headers[CSRF_HEADER];
        if (!expected || typeof sent !== "string" || !safeEqual(expected, sent)) {
          throw new AppError(
            "CSRF_FAILED",
            "Your page is out of date or the request did not come from Shortlist. Reload and try again.",
          );
        }
      }
    }
    const verdict = allows(access, request.principal);
    if (verdict === "unauthenticated") throw new AppError("UNAUTHENTICATED", "Please sign in.");
    if (verdict === "forbidden") throw new AppError("FORBIDDEN", "Your role does not allow this.");
  });
}

/** The signed-in principal of a route whose access is not "public". */
export function principalOf(request: FastifyRequest): TPrincipal {
  if (!request.principal) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  return request.principal;
}

export function actorOf(request: FastifyRequest) {
  const principal = principalOf(request);
  return { userId: principal.user.id, label: principal.user.email, requestId: request.id };
}

export function clientMetaOf(request: FastifyRequest) {
  return { userAgent: request.headers["user-agent"] ?? null, ip: request.ip };
}
