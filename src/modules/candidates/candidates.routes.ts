import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZCandidateIdParams,
  ZCandidateResponse,
  ZCreateCandidateRequest,
  ZListCandidatesQuery,
  ZListCandidatesResponse,
  ZMergeCandidateRequest,
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
          "409 CONFLICT when the e-mail is already on file: details.existingCandidateId if the caller may see that candidate, otherwise details.askAdmin.",
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

  app.post(
    "/api/candidates/:candidateId/merge",
    {
      config: { access: ["admin"] },
      schema: {
        operationId: "mergeCandidate",
        tags: ["candidates"],
        description:
          "Folds this candidate (e.g. a possible duplicate) into intoCandidateId: applications and résumés move, nothing on file is overwritten.",
        params: ZCandidateIdParams,
        body: ZMergeCandidateRequest,
        response: { 200: ZCandidateResponse, ...errorResponses },
      },
    },
    async (request) => ({
      candidate: await deps.candidatesService.mergeCandidates(
        { candidateId: request.params.candidateId, intoCandidateId: request.body.intoCandidateId },
        principalOf(request).user,
        actorOf(request),
      ),
    }),
  );
}
