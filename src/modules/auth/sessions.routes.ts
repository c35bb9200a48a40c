import { actorOf, principalOf } from "../../http/authentication.js";
import type { FastifyRequest } from "fastify";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZOkResponse } from "../../shared/schema-primitives.js";
import {
  ZListSessionsQuery,
  ZListSessionsResponse,
  ZRevokeSessionsResponse,
  ZSessionIdParams,
} from "./auth.schema.js";
import type { TSessionsService } from "./sessions.service.js";

const tags = ["auth"];

function currentHashOf(request: FastifyRequest): string | null {
  const principal = principalOf(request);
  return principal.kind === "session" ? principal.sessionHash : null;
}

export function registerSessionsRoutes(app: TApp, deps: { sessionsService: TSessionsService }) {
  app.get(
    "/api/me/sessions",
    {
      config: { access: "user" },
      schema: {
        operationId: "listMySessions",
        tags,
        description: "The caller's signed-in browsers, newest sign-in first, with the total.",
        querystring: ZListSessionsQuery,
        response: { 200: ZListSessionsResponse, ...errorResponses },
      },
    },
    async (request) =>
      deps.sessionsService.listSessions({
        userId: principalOf(request).user.id,
        currentHash: currentHashOf(request),
        ...request.query,
      }),
  );

  app.delete(
    "/api/me/sessions/:sessionId",
    {
      config: { access: "user" },
      schema: {
        operationId: "revokeMySession",
        tags,
        params: ZSessionIdParams,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deps.sessionsService.revokeSession({
        userId: principalOf(request).user.id,
        sessionId: request.params.sessionId,
        actor: actorOf(request),
      });
      return { ok: true as const };
    },
  );

  app.delete(
    "/api/me/sessions",
    {
      config: { access: "user" },
      schema: {
        operationId: "revokeMyOtherSessions",
        tags,
        description: "Signs out every other browser of the caller; this one stays signed in.",
        response: { 200: ZRevokeSessionsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      revoked: await deps.sessionsService.revokeOtherSessions({
        userId: principalOf(request).user.id,
        currentHash: currentHashOf(request),
        actor: actorOf(request),
      }),
    }),
  );
}
