import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZApplicationIdParams,
  ZApplicationResponse,
  ZBulkApplicationsRequest,
  ZBulkApplicationsResponse,
  ZCloseApplicationRequest,
  ZCreateApplicationRequest,
  ZListApplicationsQuery,
  ZListApplicationsResponse,
  ZMoveApplicationRequest,
} from "./applications.schema.js";
import type { TApplicationsService } from "./applications.service.js";

// Account roles that can run a pipeline; which roles' pipelines is decided by team membership.
const PIPELINE = ["admin", "recruiter", "hiring_manager"] as const;

export function registerApplicationsRoutes(
  app: TApp,
  deps: { applicationsService: TApplicationsService },
) {
  const service = deps.applicationsService;

  app.get(
    "/api/applications",
    {
      config: { access: "user" },
      schema: {
        operationId: "listApplications",
        tags: ["applications"],
        querystring: ZListApplicationsQuery,
        response: { 200: ZListApplicationsResponse, ...errorResponses },
      },
    },
    async (request) => service.listApplications(request.query, principalOf(request).user),
  );

  app.post(
    "/api/applications",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "createApplication",
        tags: ["applications"],
        description: "409 CONFLICT with details.existingApplicationId when already applied.",
        body: ZCreateApplicationRequest,
        response: { 201: ZApplicationResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        application: await service.createApplication(
          request.body,
          principalOf(request).user,
          actorOf(request),
        ),
      }),
  );

  app.get(
    "/api/applications/:applicationId",
    {
      config: { access: "user" },
      schema: {
        operationId: "getApplication",
        tags: ["applications"],
        params: ZApplicationIdParams,
        response: { 200: ZApplicationResponse, ...errorResponses },
      },
    },
    async (request) => ({
      application: await service.getApplication(
        request.params.applicationId,
        principalOf(request).user,
      ),
    }),
  );

  app.post(
    "/api/applications/:applicationId/move",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "moveApplication",
        tags: ["applications"],
        params: ZApplicationIdParams,
        body: ZMoveApplicationRequest,
        response: { 200: ZApplicationResponse, ...errorResponses },
      },
    },
    async (request) => ({
      application: await service.moveApplication(
        request.params.applicationId,
        request.body,
        principalOf(request).user,
        actorOf(request),
      ),
    }),
  );

  app.post(
    "/api/applications/:applicationId/reject",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "rejectApplication",
        tags: ["applications"],
        params: ZApplicationIdParams,
        body: ZCloseApplicationRequest,
        response: { 200: ZApplicationResponse, ...errorResponses },
      },
    },
    async (request) => ({
      application: await service.rejectApplication(
        request.params.applicationId,
        request.body.reason,
        principalOf(request).user,
        actorOf(request),
      ),
    }),
  );

  app.post(
    "/api/applications/:applicationId/withdraw",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "withdrawApplication",
        tags: ["applications"],
        params: ZApplicationIdParams,
        body: ZCloseApplicationRequest,
        response: { 200: ZApplicationResponse, ...errorResponses },
      },
    },
    async (request) => ({
      application: await service.withdrawApplication(
        request.params.applicationId,
        request.body.reason,
        principalOf(request).user,
        actorOf(request),
      ),
    }),
  );

  app.post(
    "/api/applications/bulk",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "bulkChangeApplications",
        tags: ["applications"],
        description:
          "Reject or move several applications; 200 with an outcome per application (NOT_FOUND for one the caller may not see).",
        body: ZBulkApplicationsRequest,
        response: { 200: ZBulkApplicationsResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.bulkChangeApplications(request.body, principalOf(request).user, actorOf(request)),
  );
}
