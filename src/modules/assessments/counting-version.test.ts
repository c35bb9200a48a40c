import { describe, expect, it } from "vitest";
import { countingVersionOf } from "./counting-version.js";

const versions = [
  { id: "b", version: 2 },
  { id: "a", version: 1 },
  { id: "c", version: 3 },
];
const choice = (submissionId: string) => ({
  submissionId,
  reason: "The later uploads came after the deadline call.",
  chosenBy: "u1",
  chosenByName: "Hana",
  chosenAt: new Date("2026-12-01T10:00:00Z"),
});

describe("countingVersionOf", () => {
  it("is nothing before the first upload", () => {
    expect(countingVersionOf([], null)).toBeNull();
  });

  it("counts the newest version by default, whatever the order", () => {
    expect(countingVersionOf(versions, null)).toEqual({
      submission: { id: "c", version: 3 },
      of: 3,
      choice: null,
    });
  });

  it("counts the chosen version, with the choice", () => {
    const counted = countingVersionOf(versions, choice("a"));
    expect(counted?.submission).toEqual({ id: "a", version: 1 });
    expect(counted?.choice?.reason).toContain("deadline");
  });

  it("falls back to the newest when the choice names no version of these", () => {
    expect(countingVersionOf(versions, choice("zz"))).toMatchObject({
      submission: { id: "c" },
      choice: null,
    });
  });
});
