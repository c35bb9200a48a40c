import { z } from "zod";
import { actorOf, principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import { ZIsoDateTime, ZOkResponse } from "../../shared/schema-primitives.js";
import type { TCalendarFeedsService } from "./calendar-feeds.service.js";

const tags = ["calendar"];

const ZCalendarFeed = z.object({
  active: z.boolean(),
  createdAt: ZIsoDateTime.nullable(),
});
const ZCalendarFeedResponse = z.object({ feed: ZCalendarFeed });
const ZCreatedCalendarFeedResponse = z.object({
  /** Shown once: only its hash is kept. Making a new one revokes this. */
  feed: ZCalendarFeed.extend({ url: z.string() }),
});
const ZFeedTokenParams = z.strictObject({ token: z.string().min(10).max(100) });

export function registerCalendarRoutes(
  app: TApp,
  deps: { calendarFeedsService: TCalendarFeedsService },
) {
  const service = deps.calendarFeedsService;

  app.get(
    "/api/me/calendar-feed",
    {
      config: { access: "user" },
      schema: {
        operationId: "getMyCalendarFeed",
        tags,
        response: { 200: ZCalendarFeedResponse, ...errorResponses },
      },
    },
    async (request) => ({ feed: await service.describe(principalOf(request).user) }),
  );

  app.post(
    "/api/me/calendar-feed",
    {
      config: { access: "user" },
      schema: {
        operationId: "createMyCalendarFeed",
        tags,
        description:
          "A new secret feed URL of the caller's interviews; any earlier URL stops working.",
        response: { 201: ZCreatedCalendarFeedResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        feed: await service.createFeed(principalOf(request).user, actorOf(request)),
      }),
  );

  app.delete(
    "/api/me/calendar-feed",
    {
      config: { access: "user" },
      schema: {
        operationId: "revokeMyCalendarFeed",
        tags,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.revokeFeed(principalOf(request).user, actorOf(request));
      return { ok: true as const };
    },
  );

  app.get(
    "/api/calendar/:token/interviews.ics",
    {
      // The secret in the path is the credential: calendar apps fetch it without a session.
      config: { access: "public" },
      schema: {
        operationId: "getCalendarFeed",
        tags,
        description: "The feed owner's interviews as iCalendar; 404 for an unknown or revoked URL.",
        params: ZFeedTokenParams,
        produces: ["text/calendar"],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const ics = await service.renderFeed(request.params.token);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "private, no-store")
        .header("referrer-policy", "no-referrer")
        .send(ics as never);
    },
  );
}
