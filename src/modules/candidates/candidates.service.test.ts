import { describe, expect, it } from "vitest";
import { MAX_SAME_NAME } from "./candidates.schema.js";
import { possibleDuplicatesOf } from "./candidates.service.js";

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const row = (over: Partial<Parameters<typeof possibleDuplicatesOf>[0]> = {}) => ({
  id: ID(1),
  nameKey: "jonas berg",
  possibleDuplicateOf: null,
  erasedAt: null,
  ...over,
});

describe("possibleDuplicatesOf", () => {
  it("lists the e-mail flag first, then same-name records other than itself and that original", () => {
    const found = possibleDuplicatesOf(
      row({ possibleDuplicateOf: ID(2) }),
      [{ id: ID(2), name: "Jonas Berg" }],
      [
        { id: ID(1), name: "Jonas Berg", nameKey: "jonas berg" },
        { id: ID(2), name: "Jonas Berg", nameKey: "jonas berg" },
        { id: ID(3), name: "JONAS BERG", nameKey: "jonas berg" },
        { id: ID(4), name: "Jonas Bergman", nameKey: "jonas bergman" },
      ],
    );
    expect(found).toEqual([
      { reason: "same-email", of: { id: ID(2), name: "Jonas Berg" } },
      { reason: "same-name", of: { id: ID(3), name: "JONAS BERG" } },
    ]);
  });

  it("keeps the e-mail flag unnamed when the original was not loaded (not an admin)", () => {
    expect(possibleDuplicatesOf(row({ possibleDuplicateOf: ID(2) }), [], [])).toEqual([
      { reason: "same-email", of: null },
    ]);
  });

  it("matches nothing by name for an erased record, and caps a common name", () => {
    const many = Array.from({ length: MAX_SAME_NAME + 3 }, (_, i) => ({
      id: ID(10 + i),
      name: "Jonas Berg",
      nameKey: "jonas berg",
    }));
    expect(possibleDuplicatesOf(row({ erasedAt: new Date() }), [], many)).toEqual([]);
    expect(possibleDuplicatesOf(row(), [], many)).toHaveLength(MAX_SAME_NAME);
  });
});
