import { describe, expect, it } from "vitest";
import { draftFeedback } from "./feedback-draft.js";

const base = { candidateName: "Ada Example", roleTitle: "Django Engineer", level: "mid" };

describe("draftFeedback", () => {
  it("puts competencies at 3 and above under strengths and the rest under growth, weakest first", () => {
    const body = draftFeedback({
      ...base,
      evidence: [
        { competencyId: "testing", mean: 3.6, sources: 2 },
        { competencyId: "security", mean: 2.6, sources: 2 },
        { competencyId: "orm-data-modelling", mean: 1.5, sources: 3 },
        { competencyId: "api-design-drf", mean: 3, sources: 1 },
      ],
    });
    const [intro = "", growth = ""] = body.split("## Where to grow");
    expect(intro).toContain("**Testing**: a consistent strength");
    expect(intro).toContain("**API design with Django REST Framework**");
    expect(growth.indexOf("ORM and data modelling")).toBeLessThan(growth.indexOf("Security"));
    expect(growth).toContain("well short of what a mid engineer");
    expect(growth).toContain("close to what a mid engineer");
  });

  it("says plainly when nothing was assessed", () => {
    const body = draftFeedback({ ...base, evidence: [] });
    expect(body).toContain("did not get far enough");
    expect(body).not.toContain("## What went well");
    expect(body).not.toContain("## Where to grow");
  });
});
