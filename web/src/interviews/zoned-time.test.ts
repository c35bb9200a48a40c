import { describe, expect, it } from "vitest";
import { isoToZonedInput, zonedInputToIso } from "./zoned-time";

describe("zoned form times", () => {
  it("reads a typed time as the chosen zone's wall clock, summer and winter", () => {
    expect(zonedInputToIso("2026-12-14T10:00", "Europe/London")).toBe("2026-12-14T10:00:00.000Z");
    expect(zonedInputToIso("2026-07-14T10:00", "Europe/London")).toBe("2026-07-14T09:00:00.000Z");
    expect(zonedInputToIso("2026-12-14T10:00", "America/New_York")).toBe(
      "2026-12-14T15:00:00.000Z",
    );
    expect(zonedInputToIso("2026-12-14T10:00", "Asia/Kolkata")).toBe("2026-12-14T04:30:00.000Z");
    expect(zonedInputToIso("next Tuesday", "UTC")).toBeUndefined();
  });

  it("shows an instant back as the zone's wall clock", () => {
    expect(isoToZonedInput("2026-12-14T15:00:00.000Z", "America/New_York")).toBe(
      "2026-12-14T10:00",
    );
    expect(isoToZonedInput("2026-03-29T01:30:00.000Z", "Europe/Berlin")).toBe("2026-03-29T03:30");
  });
});
