import { describe, expect, it } from "vitest";
import {
  createCustomChecklistItem,
  proposeChecklist,
  ZChecklist,
  ZChecklistItem,
} from "./screening-checklist.js";

describe("proposeChecklist", () => {
  it("proposes the Django defaults plus one item per stack tag, all valid", () => {
    const items = proposeChecklist({
      level: "senior",
      stackTags: ["Celery", "redis", "Docker", "AWS", "Django", "Postgres", "Tailwind"],
    });
    expect(items.map((item) => [item.id, item.kind])).toEqual([
      ["python", "knockout"],
      ["django", "knockout"],
      ["rest-api", "required"],
      ["database", "required"],
      ["code-link", "nice-to-have"],
      ["experience-years", "required"],
      ["stack-celery", "nice-to-have"],
      ["stack-redis", "nice-to-have"],
      ["stack-docker", "nice-to-have"],
      ["stack-aws", "nice-to-have"],
      ["stack-tailwind", "nice-to-have"],
    ]);
    expect(ZChecklist.parse(items)).toEqual(items);
  });

  it("states the years thresholds per level", () => {
    const years = (level: "junior" | "mid" | "senior") =>
      proposeChecklist({ level }).find((item) => item.id === "experience-years");
    expect(years("junior")).toMatchObject({
      kind: "nice-to-have",
      matcher: { type: "years", minYears: 0, maxYears: 2 },
    });
    expect(years("mid")).toMatchObject({
      kind: "required",
      matcher: { type: "years", minYears: 2, maxYears: 5 },
    });
    expect(years("senior")).toMatchObject({
      kind: "required",
      matcher: { type: "years", minYears: 5 },
    });
    expect(years("senior")?.label).toContain("5+ years");
  });

  it("creates custom items from a label and terms", () => {
    const item = createCustomChecklistItem({
      label: "Wagtail CMS experience",
      terms: ["Wagtail", "StreamField"],
      kind: "required",
    });
    expect(item).toEqual({
      id: "custom-wagtail-cms-experience",
      label: "Wagtail CMS experience",
      kind: "required",
      matcher: {
        type: "terms",
        groups: [
          {
            label: "Wagtail CMS experience",
            concepts: [],
            terms: ["Wagtail", "StreamField"],
            supporting: false,
          },
        ],
        minGroups: 1,
      },
    });
  });

  it("validates items with bounds", () => {
    expect(
      ZChecklistItem.safeParse({
        id: "Bad Id",
        label: "x",
        kind: "required",
        matcher: { type: "years", minYears: 2 },
      }).success,
    ).toBe(false);
    expect(
      ZChecklistItem.safeParse({
        id: "ok",
        label: "x",
        kind: "required",
        matcher: { type: "terms", groups: [{ label: "empty" }] },
      }).success,
    ).toBe(false);
    expect(
      ZChecklistItem.safeParse({
        id: "ok",
        label: "x",
        kind: "maybe",
        matcher: { type: "years", minYears: 2 },
      }).success,
    ).toBe(false);
    expect(() => createCustomChecklistItem({ label: "", terms: ["x"] })).toThrow();
    expect(
      ZChecklist.safeParse([
        ...proposeChecklist({ level: "mid" }),
        ...proposeChecklist({ level: "mid" }),
      ]).success,
    ).toBe(false);
  });
});
