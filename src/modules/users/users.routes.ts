import { z } from "zod";
import { actorOf, clientMetaOf, startBrowserSession } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZOkResponse, ZPassword, ZPersonName } from "../../shared/schema-primitives.js";
import { ZSignedInResponse, ZUserResponse } from "../auth/auth.schema.js";
import type { TInviteAcceptanceService } from "./invite-acceptance.service.js";
import {
  ZCreateInviteRequest,
  ZCreateInviteResponse,
  ZInviteIdParams,
  ZListInvitesQuery,
  ZListInvitesResponse,
  ZListUsersQuery,
  ZListUsersResponse,
  ZUpdateUserRequest,
  ZUserIdParams,
  ZUserRole,
} from "./users.schema.js";
import type { TUsersService } from "./users.service.js";

const ADMIN = ["admin"] as const;
const ZInviteTokenParams = z.strictObject({ token: z.string().min(10).max(200) });
const ZInvitePreview = z.object({
  email: z.string(),
  name: z.string(),
  role: ZUserRole,
  expiresAt: z.string(),
});
const ZAcceptInviteRequest = z.strictObject({ password: ZPassword, name: ZPersonName.optional() });

export function registerUsersRoutes(
  app: TApp,
  deps: {
    usersService: TUsersService;
    inviteAcceptanceService: TInviteAcceptanceService;
    sessionTtlHours: number;
    loginRateLimitPerMinute: number;
  },
) {
  app.get(
    "/api/users",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "listUsers",
        tags: ["users"],
        description: "The team in alphabetical order, a page at a time, with the total.",
        querystring: ZListUsersQuery,
        response: { 200: ZListUsersResponse, ...errorResponses },
      },
    },
    async (request) => deps.usersService.listUsers(request.query),
  );

  app.patch(
    "/api/users/:userId",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "updateUser",
        tags: ["users"],
        params: ZUserIdParams,
        body: ZUpdateUserRequest,
        response: { 200: ZUserResponse, ...errorResponses },
      },
    },
    async (request) => ({
      user: await deps.usersService.updateUser(
        request.params.userId,
        request.body,
        actorOf(request),
      ),
    }),
  );

  app.get(
    "/api/invites",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "listInvites",
        tags: ["users"],
        description: "Invites, newest first, a page at a time, with the total.",
        querystring: ZListInvitesQuery,
        response: { 200: ZListInvitesResponse, ...errorResponses },
      },
    },
    async (request) => deps.usersService.listInvites(request.query),
  );

  app.post(
    "/api/invites",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "createInvite",
        tags: ["users"],
        body: ZCreateInviteRequest,
        response: { 201: ZCreateInviteResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      return reply
        .status(201)
        .send(await deps.usersService.inviteUser(request.body, actorOf(request)));
    },
  );

  app.delete(
    "/api/invites/:inviteId",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "revokeInvite",
        tags: ["users"],
        params: ZInviteIdParams,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deps.usersService.revokeInvite(request.params.inviteId, actorOf(request));
      return { ok: true as const };
    },
  );

  app.get(
    "/api/invite-links/:token",
    {
      config: { access: "public" },
      schema: {
        operationId: "describeInvite",
        tags: ["users"],
        params: ZInviteTokenParams,
        response: { 200: ZInvitePreview, ...errorResponses },
      },
    },
    async (request) => deps.inviteAcceptanceService.describeInvite(request.params.token),
  );

  app.post(
    "/api/invite-links/:token/accept",
    {
      config: {
        access: "public",
        rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: "1 minute" },
      },
      schema: {
        operationId: "acceptInvite",
        tags: ["users"],
        params: ZInviteTokenParams,
        body: ZAcceptInviteRequest,
        response: { 201: ZSignedInResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await deps.inviteAcceptanceService.acceptInvite(
        request.params.token,
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
}
