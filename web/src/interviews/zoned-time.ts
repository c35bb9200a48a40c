/** Wall-clock times in a chosen IANA zone, for forms: what a person types means that zone's time. */

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Every zone the browser knows, UTC first (Chromium leaves it out of its own list). */
export function timeZones(): string[] {
  const known = Intl.supportedValuesOf("timeZone");
  return ["UTC", ...known.filter((z) => z !== "UTC")];
}

/** How far `zone`'s wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(at / 1000) * 1000;
}

/** "2026-12-14T10:00" as meant in `zone`, as an ISO instant; undefined when not a time. */
export function zonedInputToIso(local: string, zone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = match.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes: the offset at the guess, then at the answer, for times near a DST change.
  let at = wall - offsetAt(wall, zone);
  at = wall - offsetAt(at, zone);
  return new Date(at).toISOString();
}

/** An instant as `zone`'s wall clock, the way a datetime-local input shows it. */
export function isoToZonedInput(iso: string, zone: string): string {
  const at = new Date(iso).getTime();
  return new Date(at + offsetAt(at, zone)).toISOString().slice(0, 16);
}
