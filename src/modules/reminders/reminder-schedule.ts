const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** After an interview ends, the first nudge waits an hour; then one a business day for five. */
export const FIRST_REMINDER_DELAY_MS = HOUR;
export const BUSINESS_DAYS_OF_REMINDERS = 5;

function isWeekend(at: Date, timeZone: string): boolean {
  const weekday = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short" }).format(at);
  return weekday === "Sat" || weekday === "Sun";
}

/**
 * When each scorecard reminder of one interview falls due: an hour after it ends, then at that
 * time of day on each of the next five business days, weekends read in the interview's own zone.
 */
export function scorecardReminderTimes(end: Date, timeZone: string): Date[] {
  const first = new Date(end.getTime() + FIRST_REMINDER_DELAY_MS);
  const times = [first];
  let at = first;
  while (times.length < 1 + BUSINESS_DAYS_OF_REMINDERS) {
    at = new Date(at.getTime() + DAY);
    if (!isWeekend(at, timeZone)) times.push(at);
  }
  return times;
}

/** How many of the reminders are due by `now`: a late run sends one, never a burst to catch up. */
export function remindersDue(times: readonly Date[], now: Date): number {
  return times.filter((t) => t.getTime() <= now.getTime()).length;
}

/** The latest interview end that can still owe a reminder: five business days is at most nine days. */
export const REMINDER_HORIZON_MS = 9 * DAY + FIRST_REMINDER_DELAY_MS;

/** An assessment's candidate hears once, when its deadline is a day away. */
export const ASSESSMENT_REMINDER_LEAD_MS = DAY;
