import { everyUser, pipelineWriters } from "./access-matrix.js";
import type { TRow } from "./access-matrix.js";
import type { THiringWorld } from "./hiring-world.js";

/**
 * The notes and notification rows. Notes belong to the people who run the role's pipeline:
 * interviewers stop at the gate (they score independently, so they do not read the team's
 * notes) and another team finds nothing. The bell and its settings are each caller's own, so
 * every signed-in caller gets the same answer.
 */
export function notificationAccessRows(world: () => THiringWorld): TRow[] {
  return [
    {
      route: "GET /api/applications/:applicationId/notes",
      operationId: "listApplicationNotes",
      expect: pipelineWriters(200),
      request: () => ({ url: `/api/applications/${world().main.applicationId}/notes` }),
    },
    {
      route: "POST /api/applications/:applicationId/notes",
      operationId: "createApplicationNote",
      expect: pipelineWriters(201),
      request: () => ({
        url: `/api/applications/${world().main.applicationId}/notes`,
        body: { body: "Asked about their on-call rota; follow up in the team round." },
      }),
    },
    {
      route: "GET /api/me/notifications",
      operationId: "listMyNotifications",
      expect: everyUser(200),
      request: () => ({ url: "/api/me/notifications" }),
    },
    {
      route: "GET /api/me/notifications/unread",
      operationId: "countMyUnreadNotifications",
      expect: everyUser(200),
      request: () => ({ url: "/api/me/notifications/unread" }),
    },
    {
      route: "POST /api/me/notifications/read",
      operationId: "markMyNotificationsRead",
      expect: everyUser(200),
      request: () => ({ url: "/api/me/notifications/read", body: { all: true } }),
    },
    {
      route: "GET /api/me/notification-settings",
      operationId: "getMyNotificationSettings",
      expect: everyUser(200),
      request: () => ({ url: "/api/me/notification-settings" }),
    },
    {
      route: "PUT /api/me/notification-settings",
      operationId: "saveMyNotificationSettings",
      expect: everyUser(200),
      request: () => ({
        url: "/api/me/notification-settings",
        body: { settings: [{ kind: "scorecard_submitted", inApp: true, email: true }] },
      }),
    },
  ];
}
