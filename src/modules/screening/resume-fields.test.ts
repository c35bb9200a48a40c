import { describe, expect, it } from "vitest";
import { extractResumeFields } from "./resume-fields.js";

const NOW = new Date("2025-06-15T00:00:00Z");

describe("extractResumeFields — links", () => {
  it("finds and classifies GitHub, LinkedIn, portfolio and other links", () => {
    const text = [
      "Jane Doe",
      "https://github.com/janedoe | linkedin.com/in/jane-doe | janedoe.dev | https://jdoe.github.io/blog/",
      "",
      "Experience",
      "Backend developer at Acme (www.acme-shop.com), built APIs with Node.js and Socket.io.",
      "Portfolio: https://example.org/work/jane.",
      "Answers on https://stackoverflow.com/users/123/jane and gitlab.com/jdoe/tools",
    ].join("\n");
    const links = extractResumeFields(text, { now: NOW }).links;
    expect(links.map((link) => [link.kind, link.url])).toEqual([
      ["github", "https://github.com/janedoe"],
      ["linkedin", "https://linkedin.com/in/jane-doe"],
      ["portfolio", "https://janedoe.dev"],
      ["portfolio", "https://jdoe.github.io/blog"],
      ["other", "https://www.acme-shop.com"],
      ["portfolio", "https://example.org/work/jane"],
      ["stackoverflow", "https://stackoverflow.com/users/123/jane"],
      ["gitlab", "https://gitlab.com/jdoe/tools"],
    ]);
    // Offsets point at the link as written, without trailing punctuation.
    const portfolio = links[5];
    expect(portfolio && text.slice(portfolio.start, portfolio.end)).toBe(
      "https://example.org/work/jane",
    );
  });

  it("reads a GitHub handle written without a URL", () => {
    const links = extractResumeFields("GitHub: jdoe-dev · Berlin", { now: NOW }).links;
    expect(links).toEqual([
      { kind: "github", url: "https://github.com/jdoe-dev", start: 0, end: 16 },
    ]);
  });

  it("does not take an e-mail domain for a link", () => {
    const fields = extractResumeFields("Contact: jane@janedoe.dev", { now: NOW });
    expect(fields.links).toEqual([]);
    expect(fields.emails.map((email) => email.value)).toEqual(["jane@janedoe.dev"]);
  });
});

describe("extractResumeFields — e-mail and phone", () => {
  it("finds e-mails, including obfuscated ones", () => {
    const fields = extractResumeFields(
      "Mail: Jane.Doe+jobs@Example.co.uk or jane [at] example [dot] com",
      { now: NOW },
    );
    expect(fields.emails.map((email) => email.value)).toEqual([
      "jane.doe+jobs@example.co.uk",
      "jane@example.com",
    ]);
  });

  it("finds phone numbers in international and national formats", () => {
    const text = [
      "UK: +44 20 7946 0958",
      "US: +1 (415) 555-0132",
      "US local: (415) 555-0132",
      "DE: 0049 30 12345678",
      "FR: +33 6 12 34 56 78",
      "Tel: 030/1234567",
      "dotted 415.555.0132",
    ].join("\n");
    const phones = extractResumeFields(text, { now: NOW }).phones.map((phone) => phone.value);
    expect(phones).toEqual([
      "+442079460958",
      "+14155550132",
      "4155550132",
      "+493012345678",
      "+33612345678",
      "0301234567",
      "4155550132",
    ]);
  });

  it("does not take years, date ranges, dates or versions for phone numbers", () => {
    const text =
      "2018 - 2021 | 2016-2019 | 03/2017 - 12/2019 | 12.03.1990 | 2020-01-15 | Python 3.12.1 | ID 12345678";
    expect(extractResumeFields(text, { now: NOW }).phones).toEqual([]);
  });
});

describe("extractResumeFields — years of experience", () => {
  it("merges overlapping employment ranges and ignores education", () => {
    const text = [
      "Experience",
      "Senior Engineer, Acme | Jan 2020 – present",
      "Developer, Foo | 03/2017 - 12/2019",
      "Freelance | 2018 – 2019",
      "",
      "Education",
      "B.Sc. Computer Science | 2012 – 2016",
    ].join("\n");
    const experience = extractResumeFields(text, { now: NOW }).experience;
    // Mar 2017 – Jun 2025 without gaps: 8.3 years; the freelance years overlap and count once.
    expect(experience).toMatchObject({ years: 8.3, source: "date_ranges" });
    expect(experience.ranges.map((range) => [range.text, range.counted])).toEqual([
      ["Jan 2020 – present", true],
      ["03/2017 - 12/2019", true],
      ["2018 – 2019", true],
      ["2012 – 2016", false],
    ]);
    expect(experience.ranges[3]?.excludedBecause).toBe("in the education section");
    expect(experience.explanation).toContain("overlaps merged");
  });

  it("reads explicit statements, including words and a plus", () => {
    const stated = (text: string): number | null =>
      extractResumeFields(text, { now: NOW }).experience.years;
    expect(stated("Backend engineer with 7+ years of professional experience.")).toBe(7);
    expect(stated("Over five years' experience building Django apps")).toBe(5);
    expect(stated("Experience: 10 years")).toBe(10);
    expect(stated("3.5 years in software")).toBe(3.5);
    expect(stated("I am 34 years old")).toBeNull();
  });

  it("reads years of a technology and years after a job title", () => {
    const stated = (text: string): number | null =>
      extractResumeFields(text, { now: NOW }).experience.years;
    expect(stated("8 years of Python and 6 years of Django in production")).toBe(8);
    expect(stated("6 years of Django in production")).toBe(6);
    expect(stated("Senior Django developer, 9 years")).toBe(9);
    expect(stated("Backend engineer (5+ yrs)")).toBe(5);
    expect(stated("Python developer with 4 years of hands-on work")).toBe(4);
    // Not experience: durations of other things.
    expect(stated("Led a 3 year migration project")).toBeNull();
    expect(stated("Django developer since my 2 years at school")).toBeNull();
  });

  it("uses the larger of statement and ranges and says so", () => {
    const text = "Summary\n10+ years of experience.\n\nExperience\nLead, Acme | 2021 – present";
    const experience = extractResumeFields(text, { now: NOW }).experience;
    expect(experience.years).toBe(10);
    expect(experience.source).toBe("both");
    expect(experience.explanation).toMatch(
      /10 years stated.*4.* years from 1 employment date range.*using the larger/,
    );
  });

  it("counts year-only ranges from mid-year to mid-year", () => {
    expect(extractResumeFields("Developer | 2018 – 2021", { now: NOW }).experience.years).toBe(3);
  });

  it("reports when nothing can be estimated", () => {
    expect(extractResumeFields("Python, Django", { now: NOW }).experience).toMatchObject({
      years: null,
      source: "none",
    });
  });
});
