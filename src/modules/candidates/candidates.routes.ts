import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZCandidateIdParams,
  ZCandidateResponse,
  ZCreateCandidateRequest,
  ZListCandidatesQuery,
  ZListCandidatesResponse,
  ZUpdateCandidateRequest,
} from "./candidates.schema.js";
import type { TCandidatesService } from "./candidates.service.js";

const SOURCERS = ["admin", "recruiter", "hiring_manager"] as const;

export function registerCandidatesRoutes(
  app: TApp,
  deps: { candidatesService: TCandidatesService },
) {
  app.get(
    "/api/candidates",
    {
      config: { access: "user" },
      schema: {
        operationId: "listCandidates",
        tags: ["candidates"],
        querystring: ZListCandidatesQuery,
        response: { 200: ZListCandidatesResponse, ...errorResponses },
      },
    },
    async (request) =>
      deps.candidatesService.listCandidates(request.query, principalOf(request).user),
  );

  app.post(
    "/api/candidates",
    {
      config: { access: SOURCERS },
      schema: {
        operationId: "createCandidate",
        tags: ["candidates"],
        description:
          "409 CONFLICT with details.existingCandidateId when the e-mail is already on file.",
        body: ZCreateCandidateRequest,
        response: { 201: ZCandidateResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        candidate: await deps.candidatesService.createCandidate(
          request.body,
          principalOf(request).user,
          actorOf(request),
        ),
      }),
  );

  app.get(
    "/api/candidates/:candidateId",
    {
      config: { access: "user" },
      schema: {
        operationId: "getCandidate",
        tags: ["candidates"],
        params: ZCandidateIdParams,
        response: { 200: ZCandidateResponse, ...errorResponses },
      },
    },
    async (request) => ({
      candidate: await deps.candidatesService.getCandidate(
        request.params.candidateId,
        principalOf(request).user,
      ),
    }),
  );

  app.patch(
    "/api/candidates/:candidateId",
    {
      config: { access: SOURCERS },
      schema: {
        operationId: "updateCandidate",
        tags: ["candidates"],
        params: ZCandidateIdParams,
        body: ZUpdateCandidateRequest,
        response: { 200: ZCandidateResponse, ...errorResponses },
      },
    },
    async (request) => ({
      candidate: await deps.candidatesService.updateCandidate(
        request.params.candidateId,
        request.body,
        principalOf(request).user,
        actorOf(request),
      ),
    }),
  );
}
