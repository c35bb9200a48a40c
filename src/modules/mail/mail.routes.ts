import { actorOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZMailPreviewResponse,
  ZMailTemplateParams,
  ZMailTemplateRequest,
  ZMailTemplateResponse,
  ZMailTemplatesResponse,
  ZOutboxMessageParams,
  ZOutboxMessageResponse,
  ZOutboxQuery,
  ZOutboxResponse,
  ZRetryOutboxMessageResponse,
} from "./mail.schema.js";
import type { TMailService } from "./mail.service.js";

const ADMIN = ["admin"] as const;
const tags = ["mail"];

export function registerMailRoutes(app: TApp, deps: { mailService: TMailService }) {
  app.get(
    "/api/mail/outbox",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "listOutbox",
        tags,
        querystring: ZOutboxQuery,
        response: { 200: ZOutboxResponse, ...errorResponses },
      },
    },
    async (request) => deps.mailService.listOutbox(request.query),
  );

  app.get(
    "/api/mail/outbox/:messageId",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "getOutboxMessage",
        tags,
        params: ZOutboxMessageParams,
        response: { 200: ZOutboxMessageResponse, ...errorResponses },
      },
    },
    async (request) => ({ message: await deps.mailService.getMessage(request.params.messageId) }),
  );

  app.post(
    "/api/mail/outbox/:messageId/retry",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "retryOutboxMessage",
        tags,
        params: ZOutboxMessageParams,
        response: { 200: ZRetryOutboxMessageResponse, ...errorResponses },
      },
    },
    async (request) => ({
      message: await deps.mailService.retryMessage(request.params.messageId, actorOf(request)),
    }),
  );

  app.get(
    "/api/mail/templates",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "listMailTemplates",
        tags,
        response: { 200: ZMailTemplatesResponse, ...errorResponses },
      },
    },
    async () => deps.mailService.listTemplates(),
  );

  app.put(
    "/api/mail/templates/:kind",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "saveMailTemplate",
        tags,
        params: ZMailTemplateParams,
        body: ZMailTemplateRequest,
        response: { 200: ZMailTemplateResponse, ...errorResponses },
      },
    },
    async (request) => ({
      template: await deps.mailService.saveTemplate(
        request.params.kind,
        request.body,
        actorOf(request),
      ),
    }),
  );

  app.delete(
    "/api/mail/templates/:kind",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "resetMailTemplate",
        tags,
        params: ZMailTemplateParams,
        response: { 200: ZMailTemplateResponse, ...errorResponses },
      },
    },
    async (request) => ({
      template: await deps.mailService.resetTemplate(request.params.kind, actorOf(request)),
    }),
  );

  app.post(
    "/api/mail/templates/:kind/preview",
    {
      config: { access: ADMIN },
      schema: {
        operationId: "previewMailTemplate",
        tags,
        params: ZMailTemplateParams,
        body: ZMailTemplateRequest,
        response: { 200: ZMailPreviewResponse, ...errorResponses },
      },
    },
    (request) =>
      Promise.resolve({
        preview: deps.mailService.previewTemplate(request.params.kind, request.body),
      }),
  );
}
