import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZInterviewIdParams } from "../interviews/interviews.schema.js";
import { ZApplicationIdParams } from "../pipeline/applications.schema.js";
import {
  ZCorrectScorecardRequest,
  ZListScorecardsQuery,
  ZListScorecardsResponse,
  ZMyScorecardResponse,
  ZSaveDraftRequest,
  ZScorecardIdParams,
  ZScorecardResponse,
  ZSubmitScorecardRequest,
} from "./scorecards.schema.js";
import type { TScorecardsService } from "./scorecards.service.js";

export function registerScorecardsRoutes(
  app: TApp,
  deps: { scorecardsService: TScorecardsService },
) {
  const service = deps.scorecardsService;

  app.get(
    "/api/interviews/:interviewId/scorecard",
    {
      config: { access: "user" },
      schema: {
        operationId: "getMyScorecard",
        tags: ["scorecards"],
        description:
          "The caller's own scorecard (draft or latest version) for an interview they are on.",
        params: ZInterviewIdParams,
        response: { 200: ZMyScorecardResponse, ...errorResponses },
      },
    },
    async (request) => ({
      scorecard: await service.getMyScorecard(
        request.params.interviewId,
        principalOf(request).user,
      ),
    }),
  );

  app.put(
    "/api/interviews/:interviewId/scorecard/draft",
    {
      config: { access: "user" },
      schema: {
        operationId: "saveScorecardDraft",
        tags: ["scorecards"],
        description:
          "Autosave. Send the revision you edited (0 for a new draft). 409 with details.draft when someone saved a newer revision.",
        params: ZInterviewIdParams,
        body: ZSaveDraftRequest,
        response: { 200: ZScorecardResponse, ...errorResponses },
      },
    },
    async (request) => ({
      scorecard: await service.saveDraft(
        request.params.interviewId,
        request.body,
        principalOf(request).user,
      ),
    }),
  );

  app.post(
    "/api/interviews/:interviewId/scorecard/submit",
    {
      config: { access: "user" },
      schema: {
        operationId: "submitScorecard",
        tags: ["scorecards"],
        params: ZInterviewIdParams,
        body: ZSubmitScorecardRequest,
        response: { 200: ZScorecardResponse, ...errorResponses },
      },
    },
    async (request) => ({
      scorecard: await service.submitScorecard(
        request.params.interviewId,
        request.body.revision,
        principalOf(request).user,
        actorOf(request),
      ),
    }),
  );

  app.get(
    "/api/applications/:applicationId/scorecards",
    {
      config: { access: "user" },
      schema: {
        operationId: "listApplicationScorecards",
        tags: ["scorecards"],
        description:
          "Only what the caller may read: interviewers see others' scorecards for a stage after submitting their own.",
        params: ZApplicationIdParams,
        querystring: ZListScorecardsQuery,
        response: { 200: ZListScorecardsResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.listForApplication(
        request.params.applicationId,
        request.query,
        principalOf(request).user,
      ),
  );

  app.get(
    "/api/scorecards/:scorecardId",
    {
      config: { access: "user" },
      schema: {
        operationId: "getScorecard",
        tags: ["scorecards"],
        params: ZScorecardIdParams,
        response: { 200: ZScorecardResponse, ...errorResponses },
      },
    },
    async (request) => ({
      scorecard: await service.getScorecard(request.params.scorecardId, principalOf(request).user),
    }),
  );

  app.post(
    "/api/scorecards/:scorecardId/corrections",
    {
      config: { access: "user" },
      schema: {
        operationId: "correctScorecard",
        tags: ["scorecards"],
        description:
          "The author files a corrected, complete version; the earlier one is kept as superseded.",
        params: ZScorecardIdParams,
        body: ZCorrectScorecardRequest,
        response: { 201: ZScorecardResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        scorecard: await service.correctScorecard(
          request.params.scorecardId,
          request.body,
          principalOf(request).user,
          actorOf(request),
        ),
      }),
  );
}
