import type { TNotificationKind } from "../../db/schema/index.js";

export type TDelivery = { inApp: boolean; email: boolean };

/**
 * What each kind means to a person, and where it goes until they choose. Everything shows in the
 * app; e-mail is on where someone is waiting on the reader (a report to read, a decision to make,
 * a colleague's question), and off for the scorecard-by-scorecard trickle.
 */
export const NOTIFICATION_KIND_INFO: Record<
  TNotificationKind,
  { label: string; description: string; defaults: TDelivery }
> = {
  report_ready: {
    label: "Assessment report ready",
    description: "A candidate's practical assessment has been graded on a role you run.",
    defaults: { inApp: true, email: true },
  },
  scorecard_submitted: {
    label: "Scorecard submitted",
    description: "An interviewer handed in a scorecard on an application you run.",
    defaults: { inApp: true, email: false },
  },
  decision_waiting: {
    label: "Decision waiting",
    description: "Every scorecard of a round is in, and the next step is yours (hiring managers).",
    defaults: { inApp: true, email: true },
  },
  note_mention: {
    label: "Mentioned in a note",
    description: "A colleague wrote @your name in a note on an application.",
    defaults: { inApp: true, email: true },
  },
};
