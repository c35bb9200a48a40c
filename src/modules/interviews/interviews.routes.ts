import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZOkResponse } from "../../shared/schema-primitives.js";
import { ZApplicationIdParams } from "../pipeline/applications.schema.js";
import {
  ZInterviewIdParams,
  ZInterviewKitResponse,
  ZInterviewResponse,
  ZInterviewsResponse,
  ZMyInterviewsQuery,
  ZMyInterviewsResponse,
  ZRescheduleInterviewRequest,
  ZScheduleInterviewsRequest,
} from "./interviews.schema.js";
import type { TInterviewsService } from "./interviews.service.js";

const PIPELINE = ["admin", "recruiter", "hiring_manager"] as const;

export function registerInterviewsRoutes(
  app: TApp,
  deps: { interviewsService: TInterviewsService },
) {
  const service = deps.interviewsService;

  app.post(
    "/api/applications/:applicationId/interviews",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "scheduleInterviews",
        tags: ["interviews"],
        params: ZApplicationIdParams,
        body: ZScheduleInterviewsRequest,
        response: { 201: ZInterviewsResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        interviews: await service.scheduleInterviews(
          request.params.applicationId,
          request.body,
          principalOf(request).user,
          actorOf(request),
        ),
      }),
  );

  app.patch(
    "/api/interviews/:interviewId",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "rescheduleInterview",
        tags: ["interviews"],
        params: ZInterviewIdParams,
        body: ZRescheduleInterviewRequest,
        response: { 200: ZInterviewResponse, ...errorResponses },
      },
    },
    async (request) => ({
      interview: await service.rescheduleInterview({
        interviewId: request.params.interviewId,
        change: request.body,
        viewer: principalOf(request).user,
        actor: actorOf(request),
      }),
    }),
  );

  app.delete(
    "/api/interviews/:interviewId",
    {
      config: { access: PIPELINE },
      schema: {
        operationId: "cancelInterview",
        tags: ["interviews"],
        params: ZInterviewIdParams,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.cancelInterview(
        request.params.interviewId,
        principalOf(request).user,
        actorOf(request),
      );
      return { ok: true as const };
    },
  );

  app.get(
    "/api/me/interviews",
    {
      config: { access: "user" },
      schema: {
        operationId: "listMyInterviews",
        tags: ["interviews"],
        querystring: ZMyInterviewsQuery,
        response: { 200: ZMyInterviewsResponse, ...errorResponses },
      },
    },
    async (request) => service.listMyInterviews(principalOf(request).user, request.query),
  );

  app.get(
    "/api/interviews/:interviewId/kit",
    {
      config: { access: "user" },
      schema: {
        operationId: "getInterviewKit",
        tags: ["interviews"],
        params: ZInterviewIdParams,
        response: { 200: ZInterviewKitResponse, ...errorResponses },
      },
    },
    async (request) => service.getKit(request.params.interviewId, principalOf(request).user),
  );
}
