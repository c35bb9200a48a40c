import { describe, expect, it } from "vitest";
import { mapRangeToMasked, maskResume } from "./blind-mask.js";

const RESUME = [
  "JANE Q. DOE | Senior Python Developer",
  "221B Baker Street, London NW1 6XE | +44 20 7946 0958 | jane.doe@example.com",
  "github.com/janedoe · linkedin.com/in/janedoe",
  "Date of birth: 12.03.1990 · Nationality: British",
  "Photo: headshot.jpg",
  "",
  "Summary",
  "Jane is a backend engineer (Python 3.12, Django 5.2) with 7 years of experience.",
  "",
  "Experience",
  "Senior Engineer, Acme | 2018 – present",
  "Migrated Ruby services to Python; Doe-reviewed? No: peer-reviewed.",
  "",
  "Education",
  "B.Sc. Computer Science, University of Leeds | 2008 – 2011",
  "Graduated with honours, June 2011",
].join("\n");

describe("maskResume", () => {
  const result = maskResume(RESUME, { candidateName: "Jane Doe" });

  it("masks name, contact details, links, address, birth date, nationality, photo and graduation dates", () => {
    expect(result.text.split("\n").slice(0, 5)).toEqual([
      "[name] | Senior Python Developer",
      "[address] | [phone] | [email]",
      "[github-link] · [linkedin-link]",
      "Date of birth: [date-of-birth] · Nationality: [personal-detail]",
      "[photo]",
    ]);
    expect(result.text).toContain("[name] is a backend engineer");
    expect(result.text).toContain(
      "B.Sc. Computer Science, University of Leeds | [graduation-date]",
    );
    expect(result.text).toContain("Graduated with honours, [graduation-date]");
    for (const secret of [
      "Jane",
      "JANE",
      "Doe",
      "Baker",
      "7946",
      "example.com",
      "janedoe",
      "1990",
      "British",
      "headshot",
      "2008",
      "2011",
    ]) {
      expect(result.text).not.toContain(secret);
    }
  });

  it("keeps technical content and employment dates", () => {
    for (const kept of [
      "Python 3.12",
      "Django 5.2",
      "7 years of experience",
      "Senior Engineer, Acme | 2018 – present",
      "Ruby services",
    ]) {
      expect(result.text).toContain(kept);
    }
  });

  it("reports masked spans with original and masked offsets, without the masked content", () => {
    const email = result.maskedSpans.find((span) => span.kind === "email");
    expect(email && RESUME.slice(email.start, email.end)).toBe("jane.doe@example.com");
    expect(email && result.text.slice(email.maskedStart, email.maskedEnd)).toBe("[email]");
    expect(JSON.stringify(result.maskedSpans)).not.toContain("example.com");
  });

  it("maps original offsets onto the masked text, widening ranges that touch a token", () => {
    const start = RESUME.indexOf("Senior Engineer, Acme");
    const mapped = mapRangeToMasked(
      result.maskedSpans,
      start,
      start + "Senior Engineer, Acme".length,
    );
    expect(result.text.slice(mapped.start, mapped.end)).toBe("Senior Engineer, Acme");
    const phoneStart = RESUME.indexOf("7946");
    const widened = mapRangeToMasked(result.maskedSpans, phoneStart, phoneStart + 4);
    expect(result.text.slice(widened.start, widened.end)).toBe("[phone]");
  });

  it("masks the heading name even without a known candidate name", () => {
    const masked = maskResume(
      "Maria-José García López\nDjango developer in Madrid\nContact: maria@example.es",
    ).text;
    expect(masked.split("\n")[0]).toBe("[name]");
    expect(masked).toContain("[email]");
  });

  it("does not take a job title heading for a name", () => {
    const masked = maskResume("Senior Python Developer\nPython, Django").text;
    expect(masked).toBe("Senior Python Developer\nPython, Django");
  });

  it("keeps a name part that is also a technology outside the full name", () => {
    const masked = maskResume(
      "Ruby Chen\nMigrated Ruby on Rails apps to Django. Ruby Chen led it.",
      { candidateName: "Ruby Chen" },
    ).text;
    expect(masked).toBe("[name]\nMigrated Ruby on Rails apps to Django. [name] led it.");
  });

  it("masks continental addresses, age and birth dates in words", () => {
    const masked = maskResume(
      "Max Mustermann\nMusterstraße 12, 10115 Berlin\nBorn: 3 March 1991 · Age: 34\n\nExperience\nDeveloper | 2015 – 2020",
    ).text;
    expect(masked).toBe(
      "[name]\n[address]\nBorn: [date-of-birth] · Age: [age]\n\nExperience\nDeveloper | 2015 – 2020",
    );
  });
});
