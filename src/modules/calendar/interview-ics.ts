import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from "ical-generator";

/** One interview as a calendar event: the same UID for its whole life, SEQUENCE for each change. */
export type TInterviewEvent = {
  interviewId: string;
  sequence: number;
  start: Date;
  durationMinutes: number;
  summary: string;
  description: string;
  location: string | null;
  meetingUrl: string | null;
  /** Null in a subscription feed, which invites no one. */
  organizer: { name: string; email: string } | null;
  attendees: { name: string; email: string }[];
};

/** Stable across reschedules, so calendars update the event instead of adding another. */
export const interviewUid = (interviewId: string) => `interview-${interviewId}@shortlist`;

const PRODUCT = { company: "Shortlist", product: "Shortlist", language: "EN" } as const;

function addEvent(
  calendar: ReturnType<typeof ical>,
  event: TInterviewEvent,
  cancelled: boolean,
  withAttendees: boolean,
) {
  calendar.createEvent({
    id: interviewUid(event.interviewId),
    sequence: event.sequence,
    // UTC times: every client shows them in its own zone; the zone chosen is in the text.
    start: event.start,
    end: new Date(event.start.getTime() + event.durationMinutes * 60_000),
    summary: event.summary,
    description: event.description,
    location: event.location ?? event.meetingUrl,
    url: event.meetingUrl,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: event.organizer,
    attendees: withAttendees
      ? event.attendees.map((a) => ({
          name: a.name,
          email: a.email,
          role: ICalAttendeeRole.REQ,
          rsvp: !cancelled,
        }))
      : [],
  });
}

/** The iTIP message of an invite (REQUEST) or its withdrawal (CANCEL), RFC 5546. */
export function interviewInviteIcs(event: TInterviewEvent, method: "REQUEST" | "CANCEL"): string {
  const calendar = ical({
    prodId: PRODUCT,
    method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  addEvent(calendar, event, method === "CANCEL", true);
  return calendar.toString();
}

/** A person's subscription feed: their interviews as plain events, no invitation semantics. */
export function interviewFeedIcs(name: string, events: TInterviewEvent[]): string {
  const calendar = ical({ prodId: PRODUCT, name, ttl: 15 * 60 });
  for (const event of events) addEvent(calendar, event, false, false);
  return calendar.toString();
}

/** Whether the runtime knows this IANA time zone ("Europe/London", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "14 December 2026, 10:00 (Europe/London)": a time as the people in that zone read it. */
export function describeWhen(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return `${text.replace(/ at /, ", ")} (${timeZone})`;
}
