import { actorOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZCreateQuestionRequest,
  ZListQuestionsQuery,
  ZListQuestionsResponse,
  ZQuestionDetailResponse,
  ZQuestionIdParams,
  ZQuestionResponse,
  ZQuestionVersionIdParams,
  ZQuestionVersionResponse,
  ZReviseQuestionRequest,
} from "./questions.schema.js";
import type { TQuestionsService } from "./questions.service.js";

const EDITORS = ["admin", "hiring_manager"] as const;

export function registerQuestionsRoutes(app: TApp, deps: { questionsService: TQuestionsService }) {
  app.get(
    "/api/questions",
    {
      config: { access: "user" },
      schema: {
        operationId: "listQuestions",
        tags: ["questions"],
        querystring: ZListQuestionsQuery,
        response: { 200: ZListQuestionsResponse, ...errorResponses },
      },
    },
    async (request) => deps.questionsService.searchQuestions(request.query),
  );

  app.post(
    "/api/questions",
    {
      config: { access: EDITORS },
      schema: {
        operationId: "createQuestion",
        tags: ["questions"],
        body: ZCreateQuestionRequest,
        response: { 201: ZQuestionResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        question: await deps.questionsService.createQuestion(
          request.body.id,
          request.body.content,
          actorOf(request),
        ),
      }),
  );

  app.get(
    "/api/questions/:questionId",
    {
      config: { access: "user" },
      schema: {
        operationId: "getQuestion",
        tags: ["questions"],
        params: ZQuestionIdParams,
        response: { 200: ZQuestionDetailResponse, ...errorResponses },
      },
    },
    async (request) => deps.questionsService.getQuestion(request.params.questionId),
  );

  app.post(
    "/api/questions/:questionId/versions",
    {
      config: { access: EDITORS },
      schema: {
        operationId: "reviseQuestion",
        tags: ["questions"],
        params: ZQuestionIdParams,
        body: ZReviseQuestionRequest,
        response: { 201: ZQuestionResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        question: await deps.questionsService.reviseQuestion(
          request.params.questionId,
          request.body,
          actorOf(request),
        ),
      }),
  );

  app.get(
    "/api/question-versions/:versionId",
    {
      config: { access: "user" },
      schema: {
        operationId: "getQuestionVersion",
        tags: ["questions"],
        params: ZQuestionVersionIdParams,
        response: { 200: ZQuestionVersionResponse, ...errorResponses },
      },
    },
    async (request) => deps.questionsService.getQuestionVersion(request.params.versionId),
  );
}
