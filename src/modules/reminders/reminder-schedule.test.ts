import { describe, expect, it } from "vitest";
import { remindersDue, scorecardReminderTimes } from "./reminder-schedule.js";

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("scorecard reminder times", () => {
  it("nudges an hour after the end, then on the next five business days, skipping the weekend", () => {
    // Thursday 3 December 2026, 15:00 UTC end.
    const times = scorecardReminderTimes(new Date("2026-12-03T15:00:00Z"), "UTC");
    expect(iso(times)).toEqual([
      "2026-12-03T16:00:00.000Z", // Thu, an hour after
      "2026-12-04T16:00:00.000Z", // Fri
      "2026-12-07T16:00:00.000Z", // Mon (Sat 5 and Sun 6 skipped)
      "2026-12-08T16:00:00.000Z",
      "2026-12-09T16:00:00.000Z",
      "2026-12-10T16:00:00.000Z", // Thu, the fifth business day
    ]);
  });

  it("reads the weekend in the interview's zone, not the server's", () => {
    // 23:30 UTC on Friday is already Saturday in Tokyo: Saturday's nudge moves to Monday there.
    const tokyo = scorecardReminderTimes(new Date("2026-12-03T22:30:00Z"), "Asia/Tokyo");
    // First: Thu 23:30 UTC = Fri 08:30 Tokyo. Next Fri 23:30 UTC = Sat in Tokyo: skipped.
    expect(iso(tokyo).slice(0, 3)).toEqual([
      "2026-12-03T23:30:00.000Z",
      "2026-12-06T23:30:00.000Z", // Mon 08:30 in Tokyo
      "2026-12-07T23:30:00.000Z",
    ]);
    const utc = scorecardReminderTimes(new Date("2026-12-03T22:30:00Z"), "UTC");
    expect(utc[1]?.toISOString()).toBe("2026-12-04T23:30:00.000Z"); // still Friday in UTC
  });

  it("counts what is due by now, so a late run sends one reminder, not a burst", () => {
    const times = scorecardReminderTimes(new Date("2026-12-03T15:00:00Z"), "UTC");
    expect(remindersDue(times, new Date("2026-12-03T15:59:59Z"))).toBe(0);
    expect(remindersDue(times, new Date("2026-12-03T16:00:00Z"))).toBe(1);
    expect(remindersDue(times, new Date("2026-12-08T12:00:00Z"))).toBe(3);
    expect(remindersDue(times, new Date("2027-01-01T00:00:00Z"))).toBe(6);
  });
});
