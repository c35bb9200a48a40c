import { describe, expect, it } from "vitest";
import { buildResumePdf } from "../../test-support/resume-fixtures.js";
import { extractResumeText } from "./resume-extract.js";
import { proposeChecklist } from "./screening-checklist.js";
import { proposeScreen } from "./screen-resume.js";
import { ZScreenProposal } from "./screening.schema.js";

const NOW = new Date("2025-06-15T00:00:00Z");

const TEXT = [
  "Jane Doe",
  "jane.doe@example.com | +44 20 7946 0958 | github.com/janedoe",
  "",
  "Summary",
  "Backend engineer with 7+ years of experience in Python and Django. Never used Celery.",
  "",
  "Experience",
  "Senior Engineer, Acme | Jan 2019 – present",
  "• Built REST APIs with Django REST Framework; Jane owned the PostgreSQL schema and its indexes.",
  "Developer, Foo | 2016 – 2018",
  "",
  "Education",
  "B.Sc. Computer Science, University of Leeds | 2012 – 2016",
].join("\n");

describe("proposeScreen", () => {
  const checklist = proposeChecklist({ level: "senior", stackTags: ["celery", "docker"] });

  it("combines fields, item proposals and a summary", () => {
    const screen = proposeScreen({ text: TEXT, checklist, level: "senior", now: NOW });
    const verdicts = Object.fromEntries(screen.items.map((item) => [item.itemId, item.verdict]));
    expect(verdicts).toEqual({
      python: "met",
      django: "met",
      "rest-api": "met",
      database: "met",
      "code-link": "met",
      "experience-years": "met",
      "stack-celery": "not_met",
      "stack-docker": "not_met",
    });
    expect(screen.fields.emails[0]?.value).toBe("jane.doe@example.com");
    // Jan 2019 – Jun 2025 and mid-2016 – mid-2018, no overlap: 8.5 years, more than the 7 stated.
    expect(screen.fields.experience.years).toBe(8.5);
    expect(screen.summary).toMatchObject({ met: 6, notMet: 2, unclear: 0, knockoutsNotMet: [] });
    expect(screen.summary.headline).toContain("6 of 8 items look met");
    expect(screen.summary.disclaimer).toContain("Proposals only");
    expect(ZScreenProposal.parse(screen)).toEqual(screen);
    for (const item of screen.items) {
      for (const passage of item.passages)
        expect(screen.text.slice(passage.start, passage.end)).toBe(passage.text);
    }
  });

  it("in blind review, cuts passages from the masked text so nothing masked leaks", () => {
    const screen = proposeScreen({
      text: TEXT,
      checklist,
      level: "senior",
      now: NOW,
      blind: { candidateName: "Jane Doe" },
    });
    expect(screen.blind).toBe(true);
    expect(ZScreenProposal.parse(screen)).toEqual(screen);
    expect(screen.text).not.toContain("Jane");
    expect(screen.fields.emails).toEqual([]);
    expect(screen.fields.links.map((link) => link.url)).toEqual(["[github-link]"]);
    const serialized = JSON.stringify({
      items: screen.items,
      fields: screen.fields,
      summary: screen.summary,
    });
    for (const secret of ["Jane", "jane", "Doe", "7946", "example.com", "2012"])
      expect(serialized).not.toContain(secret);
    const database = screen.items.find((item) => item.itemId === "database");
    expect(database?.passages[0]?.text).toContain("[name] owned the PostgreSQL schema");
    const link = screen.items.find((item) => item.itemId === "code-link");
    expect(link?.verdict).toBe("met");
    const linkPassage = link?.passages[0];
    expect(
      linkPassage &&
        screen.text.slice(linkPassage.highlights[0]?.start, linkPassage.highlights[0]?.end),
    ).toBe("[github-link]");
    for (const item of screen.items) {
      for (const passage of item.passages)
        expect(screen.text.slice(passage.start, passage.end)).toBe(passage.text);
    }
  });

  it("flags unmet knockouts without rejecting", () => {
    const screen = proposeScreen({
      text: "Java developer, 10 years of experience with Spring.",
      checklist,
      level: "senior",
      now: NOW,
    });
    expect(screen.summary.knockoutsNotMet).toEqual(["python", "django"]);
    expect(screen.summary.headline).toContain("check knockout items: python, django");
  });

  it("screens a real two-page PDF quickly", async () => {
    const bytes = await buildResumePdf([
      "Jane Doe",
      { heading: "Experience" },
      { cells: ["Senior Engineer, Acme", "2018 – present"] },
      { bullet: "Django, DRF and PostgreSQL; Celery workers on Redis" },
      { pageBreak: true },
      { heading: "Skills" },
      "Python, Docker, AWS",
    ]);
    const extracted = await extractResumeText({ filename: "jane.pdf", bytes });
    const started = performance.now();
    const screen = proposeScreen({ text: extracted.text, checklist, level: "senior", now: NOW });
    expect(performance.now() - started).toBeLessThan(300);
    expect(screen.items.find((item) => item.itemId === "stack-celery")?.verdict).toBe("met");
    expect(screen.fields.experience.years).toBe(7);
  });
});
