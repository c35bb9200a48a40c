import { anyone, everyUser } from "./access-matrix.js";
import type { TRow } from "./access-matrix.js";

/**
 * The calendar feed rows: each person manages only their own feed (so every signed-in caller
 * gets the same answer), and the feed itself answers the secret in its path, not a session.
 * The rows run in order: every caller has made a feed by the time they revoke it.
 */
export function calendarAccessRows(): TRow[] {
  return [
    {
      route: "GET /api/me/calendar-feed",
      operationId: "getMyCalendarFeed",
      expect: everyUser(200),
      request: () => ({ url: "/api/me/calendar-feed" }),
    },
    {
      route: "POST /api/me/calendar-feed",
      operationId: "createMyCalendarFeed",
      expect: everyUser(201),
      request: () => ({ url: "/api/me/calendar-feed" }),
    },
    {
      route: "DELETE /api/me/calendar-feed",
      operationId: "revokeMyCalendarFeed",
      expect: everyUser(200),
      request: () => ({ url: "/api/me/calendar-feed" }),
    },
    {
      route: "GET /api/calendar/:token/interviews.ics",
      operationId: "getCalendarFeed",
      expect: anyone(404),
      request: () => ({ url: "/api/calendar/slcal_not-a-feed-anyone-has/interviews.ics" }),
    },
  ];
}
