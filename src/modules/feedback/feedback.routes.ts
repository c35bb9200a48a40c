import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZApplicationIdParams } from "../pipeline/applications.schema.js";
import {
  ZApproveFeedbackRequest,
  ZDraftFeedbackRequest,
  ZFeedback,
  ZFeedbackResponse,
  ZUpdateFeedbackRequest,
} from "./feedback.schema.js";
import type { TFeedbackService } from "./feedback.service.js";

// Team hiring managers and admins, like decisions: the draft stands on every scorecard's ratings.
const LEADS = ["admin", "hiring_manager"] as const;
const ZFeedbackOnly = z.object({ feedback: ZFeedback });

export function registerFeedbackRoutes(app: TApp, deps: { feedbackService: TFeedbackService }) {
  const service = deps.feedbackService;
  const call = (request: FastifyRequest, params: { applicationId: string }) => ({
    applicationId: params.applicationId,
    viewer: principalOf(request).user,
    actor: actorOf(request),
  });

  app.get(
    "/api/applications/:applicationId/feedback",
    {
      config: { access: LEADS },
      schema: {
        operationId: "getFeedback",
        tags: ["feedback"],
        params: ZApplicationIdParams,
        response: { 200: ZFeedbackResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.getFeedback({
        applicationId: request.params.applicationId,
        viewer: principalOf(request).user,
      }),
  );

  app.post(
    "/api/applications/:applicationId/feedback",
    {
      config: { access: LEADS },
      schema: {
        operationId: "draftFeedback",
        tags: ["feedback"],
        description:
          "Drafts the feedback of a rejected application from its competency-level evidence (ratings only, never interviewers' notes). 409 when one exists, unless regenerate (drafts only).",
        params: ZApplicationIdParams,
        body: ZDraftFeedbackRequest,
        response: { 201: ZFeedbackOnly, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        feedback: await service.draftFeedback({
          ...call(request, request.params),
          regenerate: request.body.regenerate,
        }),
      }),
  );

  app.put(
    "/api/applications/:applicationId/feedback",
    {
      config: { access: LEADS },
      schema: {
        operationId: "updateFeedback",
        tags: ["feedback"],
        description: "Saves an edit; editing approved feedback returns it to draft.",
        params: ZApplicationIdParams,
        body: ZUpdateFeedbackRequest,
        response: { 200: ZFeedbackOnly, ...errorResponses },
      },
    },
    async (request) => ({
      feedback: await service.updateFeedback({ ...call(request, request.params), ...request.body }),
    }),
  );

  app.post(
    "/api/applications/:applicationId/feedback/approve",
    {
      config: { access: LEADS },
      schema: {
        operationId: "approveFeedback",
        tags: ["feedback"],
        params: ZApplicationIdParams,
        body: ZApproveFeedbackRequest,
        response: { 200: ZFeedbackOnly, ...errorResponses },
      },
    },
    async (request) => ({
      feedback: await service.approveFeedback({
        ...call(request, request.params),
        ...request.body,
      }),
    }),
  );

  app.post(
    "/api/applications/:applicationId/feedback/send",
    {
      config: { access: LEADS },
      schema: {
        operationId: "sendFeedback",
        tags: ["feedback"],
        description:
          "E-mails the approved feedback to the candidate, once; 409 while a draft or once sent.",
        params: ZApplicationIdParams,
        body: ZApproveFeedbackRequest,
        response: { 200: ZFeedbackOnly, ...errorResponses },
      },
    },
    async (request) => ({
      feedback: await service.sendFeedback({
        ...call(request, request.params),
        ...request.body,
      }),
    }),
  );

  app.get(
    "/api/applications/:applicationId/feedback.md",
    {
      config: { access: LEADS },
      schema: {
        operationId: "downloadFeedback",
        tags: ["feedback"],
        description: "The approved feedback as a Markdown file (attachment); 409 while a draft.",
        params: ZApplicationIdParams,
        produces: ["text/markdown"],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await service.downloadFeedback(call(request, request.params));
      return (
        reply
          .header("content-type", "text/markdown; charset=utf-8")
          .header("content-disposition", `attachment; filename="${file.filename}"`)
          .header("cache-control", "private, no-store")
          // The response schema lists only errors; the body is the Markdown text.
          .send(file.body as never)
      );
    },
  );
}
