/**
 * A time `days` whole days from now at `hour`:00 UTC, as the API writes it: interviews may not be
 * scheduled in the past, so fixtures pick their times relative to the day the suite runs.
 */
export function daysFromNow(days: number, hour = 10): string {
  const at = new Date();
  at.setUTCHours(hour, 0, 0, 0);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString();
}
