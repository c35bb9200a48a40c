import { principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZMarkReadRequest,
  ZMarkReadResponse,
  ZNotificationSettingsRequest,
  ZNotificationSettingsResponse,
  ZNotificationsQuery,
  ZNotificationsResponse,
  ZUnreadResponse,
} from "./notifications.schema.js";
import type { TNotificationsService } from "./notifications.service.js";

const tags = ["notifications"];

/** Everyone's own bell and settings: each route reads and writes only the caller's rows. */
export function registerNotificationsRoutes(
  app: TApp,
  deps: { notificationsService: TNotificationsService },
) {
  const service = deps.notificationsService;

  app.get(
    "/api/me/notifications",
    {
      config: { access: "user" },
      schema: {
        operationId: "listMyNotifications",
        tags,
        description: "The caller's notifications, newest first, 30 a page, with the unread count.",
        querystring: ZNotificationsQuery,
        response: { 200: ZNotificationsResponse, ...errorResponses },
      },
    },
    async (request) => service.list(principalOf(request).user, request.query.cursor),
  );

  app.get(
    "/api/me/notifications/unread",
    {
      config: { access: "user" },
      schema: {
        operationId: "countMyUnreadNotifications",
        tags,
        description: "The bell's number; cheap enough to poll.",
        response: { 200: ZUnreadResponse, ...errorResponses },
      },
    },
    async (request) => ({ unread: await service.unreadCount(principalOf(request).user) }),
  );

  app.post(
    "/api/me/notifications/read",
    {
      config: { access: "user" },
      schema: {
        operationId: "markMyNotificationsRead",
        tags,
        description:
          "Marks the listed notifications (or all) read; ids that are not the caller's are ignored.",
        body: ZMarkReadRequest,
        response: { 200: ZMarkReadResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.markRead(principalOf(request).user, "all" in request.body ? "all" : request.body.ids),
  );

  app.get(
    "/api/me/notification-settings",
    {
      config: { access: "user" },
      schema: {
        operationId: "getMyNotificationSettings",
        tags,
        response: { 200: ZNotificationSettingsResponse, ...errorResponses },
      },
    },
    async (request) => service.getSettings(principalOf(request).user),
  );

  app.put(
    "/api/me/notification-settings",
    {
      config: { access: "user" },
      schema: {
        operationId: "saveMyNotificationSettings",
        tags,
        description:
          "Per kind: in the app, by e-mail, both or neither. Kinds left out keep their choice.",
        body: ZNotificationSettingsRequest,
        response: { 200: ZNotificationSettingsResponse, ...errorResponses },
      },
    },
    async (request) => service.saveSettings(principalOf(request).user, request.body.settings),
  );
}
