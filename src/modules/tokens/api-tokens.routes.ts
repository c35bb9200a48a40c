import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZOkResponse } from "../../shared/schema-primitives.js";
import {
  ZApiTokenIdParams,
  ZCreateApiTokenRequest,
  ZCreateApiTokenResponse,
  ZListApiTokensQuery,
  ZListApiTokensResponse,
} from "./api-tokens.schema.js";
import type { TApiTokensService } from "./api-tokens.service.js";

export function registerApiTokensRoutes(app: TApp, deps: { apiTokensService: TApiTokensService }) {
  app.get(
    "/api/me/api-tokens",
    {
      config: { access: "user" },
      schema: {
        operationId: "listMyApiTokens",
        tags: ["api tokens"],
        description: "The caller's live tokens, newest first, a page at a time, with the total.",
        querystring: ZListApiTokensQuery,
        response: { 200: ZListApiTokensResponse, ...errorResponses },
      },
    },
    async (request) =>
      deps.apiTokensService.listTokens(principalOf(request).user.id, request.query),
  );

  app.post(
    "/api/me/api-tokens",
    {
      config: { access: "user" },
      schema: {
        operationId: "createMyApiToken",
        tags: ["api tokens"],
        body: ZCreateApiTokenRequest,
        response: { 201: ZCreateApiTokenResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await deps.apiTokensService.createToken(
        principalOf(request).user.id,
        request.body.name,
        actorOf(request),
      );
      return reply.status(201).send(result);
    },
  );

  app.delete(
    "/api/me/api-tokens/:tokenId",
    {
      config: { access: "user" },
      schema: {
        operationId: "revokeMyApiToken",
        tags: ["api tokens"],
        params: ZApiTokenIdParams,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deps.apiTokensService.revokeToken(
        principalOf(request).user.id,
        request.params.tokenId,
        actorOf(request),
      );
      return { ok: true as const };
    },
  );
}
