import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZCreateRoleRequest,
  ZListPeopleQuery,
  ZListPeopleResponse,
  ZListRolesQuery,
  ZListRolesResponse,
  ZReplaceStagesRequest,
  ZReplaceTeamRequest,
  ZRoleIdParams,
  ZRoleResponse,
  ZRoleTemplatesResponse,
  ZUpdateRoleRequest,
} from "./roles.schema.js";
import type { TRolesService } from "./roles.service.js";

const ROLE_CREATORS = ["admin", "hiring_manager", "recruiter"] as const;
// Team membership is checked in the service; this gate only keeps other account roles out early.
const ROLE_LEADS = ["admin", "hiring_manager"] as const;

export function registerRolesRoutes(app: TApp, deps: { rolesService: TRolesService }) {
  app.get(
    "/api/role-templates",
    {
      config: { access: "user" },
      schema: {
        operationId: "listRoleTemplates",
        tags: ["roles"],
        response: { 200: ZRoleTemplatesResponse, ...errorResponses },
      },
    },
    async () => deps.rolesService.listTemplates(),
  );

  app.get(
    "/api/people",
    {
      config: { access: ROLE_CREATORS },
      schema: {
        operationId: "listPeople",
        tags: ["roles"],
        description:
          "Enabled users in alphabetical order, a page at a time (search by name or e-mail with q), for picking a hiring team and interviewers.",
        querystring: ZListPeopleQuery,
        response: { 200: ZListPeopleResponse, ...errorResponses },
      },
    },
    async (request) => deps.rolesService.listPeople(request.query),
  );

  app.get(
    "/api/roles",
    {
      config: { access: "user" },
      schema: {
        operationId: "listRoles",
        tags: ["roles"],
        querystring: ZListRolesQuery,
        response: { 200: ZListRolesResponse, ...errorResponses },
      },
    },
    async (request) => deps.rolesService.listRoles(principalOf(request).user, request.query),
  );

  app.post(
    "/api/roles",
    {
      config: { access: ROLE_CREATORS },
      schema: {
        operationId: "createRole",
        tags: ["roles"],
        body: ZCreateRoleRequest,
        response: { 201: ZRoleResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        role: await deps.rolesService.createRole(
          request.body,
          principalOf(request).user,
          actorOf(request),
        ),
      }),
  );

  app.get(
    "/api/roles/:roleId",
    {
      config: { access: "user" },
      schema: {
        operationId: "getRole",
        tags: ["roles"],
        params: ZRoleIdParams,
        response: { 200: ZRoleResponse, ...errorResponses },
      },
    },
    async (request) => ({
      role: await deps.rolesService.getRole(request.params.roleId, principalOf(request).user),
    }),
  );

  app.patch(
    "/api/roles/:roleId",
    {
      config: { access: ROLE_LEADS },
      schema: {
        operationId: "updateRole",
        tags: ["roles"],
        params: ZRoleIdParams,
        body: ZUpdateRoleRequest,
        response: { 200: ZRoleResponse, ...errorResponses },
      },
    },
    async (request) => ({
      role: await deps.rolesService.updateRole(
        request.params.roleId,
        request.body,
        principalOf(request).user,
        actorOf(request),
      ),
    }),
  );

  app.put(
    "/api/roles/:roleId/stages",
    {
      config: { access: ROLE_LEADS },
      schema: {
        operationId: "replaceRoleStages",
        tags: ["roles"],
        params: ZRoleIdParams,
        body: ZReplaceStagesRequest,
        response: { 200: ZRoleResponse, ...errorResponses },
      },
    },
    async (request) => ({
      role: await deps.rolesService.replaceStages(
        request.params.roleId,
        request.body.stages,
        principalOf(request).user,
        actorOf(request),
      ),
    }),
  );

  app.put(
    "/api/roles/:roleId/team",
    {
      config: { access: ROLE_LEADS },
      schema: {
        operationId: "replaceRoleTeam",
        tags: ["roles"],
        params: ZRoleIdParams,
        body: ZReplaceTeamRequest,
        response: { 200: ZRoleResponse, ...errorResponses },
      },
    },
    async (request) => ({
      role: await deps.rolesService.replaceTeam(
        request.params.roleId,
        request.body.members,
        principalOf(request).user,
        actorOf(request),
      ),
    }),
  );
}
