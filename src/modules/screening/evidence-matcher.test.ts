import { describe, expect, it } from "vitest";
import { matchEvidence, proposeItemVerdict, type TItemProposal } from "./evidence-matcher.js";
import { extractResumeFields } from "./resume-fields.js";
import { indexResumeText } from "./resume-text-index.js";
import {
  createCustomChecklistItem,
  proposeChecklist,
  type TChecklistItem,
} from "./screening-checklist.js";
import { buildPassages } from "./evidence-passages.js";
import { CONCEPTS } from "./synonyms.js";

const NOW = new Date("2025-06-15T00:00:00Z");

function termsItem(id: string, concepts: (keyof typeof CONCEPTS)[]): TChecklistItem {
  return {
    id,
    label: id,
    kind: "required",
    matcher: {
      type: "terms",
      groups: [{ label: id, concepts, terms: [], supporting: false }],
      minGroups: 1,
    },
  };
}

function propose(text: string, item: TChecklistItem): TItemProposal {
  const [proposal] = matchEvidence(text, [item], { now: NOW });
  if (proposal === undefined) throw new Error("no proposal");
  return proposal;
}

function highlighted(text: string, proposal: TItemProposal): string[] {
  return proposal.passages.flatMap((passage) =>
    passage.highlights
      .filter((h) => h.polarity === "positive")
      .map((h) => text.slice(h.start, h.end)),
  );
}

const django = termsItem("django", ["django"]);
const celery = termsItem("celery", ["celery"]);
const drf = termsItem("drf", ["drf"]);
const postgres = termsItem("postgres", ["postgresql"]);
const go = termsItem("go", ["go"]);
const rest = termsItem("rest", ["rest_api"]);

describe("evidence matcher — negations", () => {
  it.each([
    ["No Django experience.", django],
    ["I have never used Celery in production.", celery],
    ["Not familiar with DRF yet.", drf],
    ["Built the reporting service without PostgreSQL.", postgres],
    ["I haven't worked with Django, Flask or Celery.", celery],
    ["Celery: none", celery],
    ["Django (not used)", django],
  ])("does not count %j as evidence", (text, item) => {
    const proposal = propose(text, item);
    expect(proposal.verdict).toBe("not_met");
    expect(proposal.confidence).toBeGreaterThanOrEqual(0.7);
    expect(proposal.reason).toMatch(/says otherwise/);
    expect(highlighted(text, proposal)).toEqual([]);
    // The denial is still shown, marked, so the reviewer sees why.
    expect(proposal.passages[0]?.polarity).toBe("negated");
  });

  it("keeps a negation inside its clause", () => {
    const text =
      "Built Django services, but no Celery; deployed without downtime using PostgreSQL.";
    expect(propose(text, django).verdict).toBe("met");
    expect(propose(text, celery).verdict).toBe("not_met");
    // "without downtime using PostgreSQL" negates the downtime, not PostgreSQL.
    expect(propose(text, postgres).verdict).toBe("met");
  });

  it("follows a negation across a wrapped line", () => {
    const text =
      "Summary\nI have no professional experience with\nDjango REST Framework yet, but I am keen to learn.";
    expect(propose(text, drf).verdict).toBe("not_met");
  });

  it("does not read a company name as a negation", () => {
    const text = "Senior Developer, No Limits Ltd\nBuilt Django apps for retail clients";
    expect(propose(text, django).verdict).toBe("met");
  });

  it("lowers confidence when the résumé both claims and denies", () => {
    const text =
      "Experience\nBuilt Django apps for five years.\nNo Django REST Framework, never used Django channels.";
    const proposal = propose(text, django);
    expect(proposal.verdict).toBe("met");
    expect(proposal.reason).toContain("but also");
  });

  it("treats a hedge as unclear", () => {
    const proposal = propose("Skills\nPython, currently learning Django", django);
    expect(proposal.verdict).toBe("unclear");
    expect(proposal.reason).toContain("learning Django");
  });
});

describe("evidence matcher — synonyms, lists, tables", () => {
  it.each([
    "Built APIs with Django REST Framework",
    "Built APIs with django-rest-framework",
    "Serializers in DRF",
    "pip install djangorestframework",
    "Wrote DRF serializers and a ModelSerializer",
  ])("finds Django REST Framework in %j", (text) => {
    expect(propose(text, drf).verdict).toBe("met");
  });

  it.each(["Postgres", "PostgreSQL 16", "psql scripts", "PostGIS"])(
    "finds PostgreSQL as %j",
    (word) => {
      expect(propose(`Databases: ${word}`, postgres).verdict).toBe("met");
    },
  );

  it("finds MariaDB for the MySQL part of the database item", () => {
    const database = proposeChecklist({ level: "mid" }).find((item) => item.id === "database");
    if (database === undefined) throw new Error("no database item");
    const proposal = propose("Experience\nRan MariaDB replicas; added composite indexes", database);
    expect(proposal.verdict).toBe("met");
    expect(proposal.reason).toContain("indexing");
  });

  it("finds items in bulleted lists and in table cells, with offsets into the text", () => {
    const text = [
      "Skills",
      "• Python",
      "• Celery workers",
      "",
      "Tool | Years | Notes",
      "Django | 6 | monolith and ORM tuning with select_related",
    ].join("\n");
    const celeryProposal = propose(text, celery);
    expect(celeryProposal.verdict).toBe("met");
    expect(highlighted(text, celeryProposal)).toEqual(["Celery workers"]);
    const djangoProposal = propose(text, django);
    const passage = djangoProposal.passages[0];
    expect(passage?.text).toBe("Django | 6 | monolith and ORM tuning with select_related");
    expect(passage && text.slice(passage.start, passage.end)).toBe(passage?.text);
  });

  it("highlights a term hyphenated across a line break", () => {
    const text =
      "Experience\nTuned slow queries on our Post-\ngreSQL cluster and Django-\nbased services";
    const proposal = propose(text, postgres);
    expect(proposal.verdict).toBe("met");
    expect(highlighted(text, proposal)).toEqual(["Post-\ngreSQL"]);
    // A compound broken at its own hyphen keeps the word boundary: "Django-based".
    expect(propose(text, django).verdict).toBe("met");
  });
});

describe("evidence matcher — word boundaries and case", () => {
  it("does not find Go inside Django or in the verb 'go'", () => {
    expect(propose("Django developer; I go to meetups and like google.", go).verdict).toBe(
      "not_met",
    );
    expect(propose("Wrote CLI tools in Go and Golang services.", go).verdict).toBe("met");
  });

  it("counts RESTful and REST but not 'the rest'", () => {
    expect(propose("Led the rest of the team; took a rest.", rest).verdict).toBe("not_met");
    expect(propose("Designed RESTful endpoints", rest).verdict).toBe("met");
    expect(propose("Built REST APIs", rest).verdict).toBe("met");
  });

  it("matches case-insensitively except for acronyms that are words", () => {
    expect(propose("PYTHON and DJANGO", django).verdict).toBe("met");
    expect(propose("drf is not mentioned in capitals here", drf).verdict).toBe("not_met");
  });

  it("does not match a term inside a longer word", () => {
    expect(propose("Used Celeryx and Djangonaut swag", celery).verdict).toBe("not_met");
    expect(propose("Djangonaut since 2015", django).verdict).toBe("not_met");
  });
});

describe("evidence matcher — proposals", () => {
  it("says 'not mentioned' with modest confidence", () => {
    const proposal = propose("Java and Spring developer", django);
    expect(proposal).toMatchObject({ verdict: "not_met", confidence: 0.6, passages: [] });
    expect(proposal.reason).toMatch(/No mention of django/);
  });

  it("is more confident with repeated mentions under Experience than a lone skills entry", () => {
    const strong = propose(
      "Experience\nBuilt Django apps.\nMigrated Django 2.2 to 4.2.\nDjango admin customisation.",
      django,
    );
    const weak = propose("Skills\nDjango", django);
    expect(strong.confidence).toBeGreaterThan(weak.confidence);
    expect(weak.reason).toContain("only in Skills");
  });

  it("supports custom items with free-text terms, expanding known names", () => {
    const wagtail = createCustomChecklistItem({
      label: "Wagtail CMS",
      terms: ["Wagtail", "StreamField"],
    });
    expect(propose("Built page models with StreamField", wagtail).verdict).toBe("met");
    const postgresCustom = createCustomChecklistItem({
      label: "Our database",
      terms: ["postgres"],
    });
    expect(propose("Ran PostgreSQL 15", postgresCustom).verdict).toBe("met");
  });

  it("proposes the experience item from the estimate", () => {
    const senior = proposeChecklist({ level: "senior" }).find(
      (item) => item.id === "experience-years",
    );
    if (senior === undefined) throw new Error("missing item");
    const met = propose("Experience\nLead, Acme | 2016 – present", senior);
    expect(met.verdict).toBe("met");
    // A short line brings the line above it as context.
    expect(met.passages[0]?.text).toBe("Experience\nLead, Acme | 2016 – present");
    expect(propose("Experience\nDeveloper, Acme | 2022 – present", senior).verdict).toBe("not_met");
    expect(propose("Python, Django", senior).verdict).toBe("unclear");
  });

  it("proposes the link item from GitHub and portfolio links", () => {
    const linkItem = proposeChecklist({ level: "mid" }).find((item) => item.id === "code-link");
    if (linkItem === undefined) throw new Error("missing item");
    const text = "Jane Doe\ngithub.com/janedoe";
    const met = propose(text, linkItem);
    expect(met.verdict).toBe("met");
    expect(highlighted(text, met)).toEqual(["github.com/janedoe"]);
    expect(propose("Jane Doe\nlinkedin.com/in/janedoe", linkItem).verdict).toBe("not_met");
  });

  it("counts a GitHub link typed on the candidate's profile when the résumé has none", () => {
    const linkItem = proposeChecklist({ level: "mid" }).find((item) => item.id === "code-link");
    if (linkItem === undefined) throw new Error("missing item");
    const text = "Jane Doe\nBackend developer";
    const index = indexResumeText(text);
    const fields = extractResumeFields(text, { now: NOW, sections: index.sections });
    const withProfile = proposeItemVerdict(linkItem, {
      index,
      fields,
      profileLinks: [{ kind: "github", url: "https://github.com/janedoe" }],
    });
    expect(withProfile.verdict).toBe("met");
    expect(withProfile.reason).toBe("GitHub link on the candidate's profile (not in the résumé).");
    const linkedinOnly = proposeItemVerdict(linkItem, {
      index,
      fields,
      profileLinks: [{ kind: "linkedin", url: "https://linkedin.com/in/janedoe" }],
    });
    expect(linkedinOnly.verdict).toBe("not_met");
  });
});

describe("evidence passages — long lines", () => {
  it("cuts a long line at word boundaries and marks both cuts", () => {
    const filler = "we shipped features for many customers across several markets and teams";
    const text = `${filler} ${filler} and then built the billing service in Django with care ${filler} ${filler}`;
    const [passage] = buildPassages(
      text,
      [{ start: text.indexOf("Django"), end: text.indexOf("Django") + 6, polarity: "positive" }],
      5,
    );
    if (passage === undefined) throw new Error("no passage");
    expect(passage.cutBefore).toBe(true);
    expect(passage.cutAfter).toBe(true);
    // Whole words at both ends: the character before the passage and after it is a space.
    expect(text[passage.start - 1]).toBe(" ");
    expect(text[passage.end]).toBe(" ");
    expect(passage.text).toContain("Django");
  });

  it("marks no cut when the whole line fits", () => {
    const [passage] = buildPassages(
      "Built Django apps.",
      [{ start: 6, end: 12, polarity: "positive" }],
      5,
    );
    expect(passage?.cutBefore).toBeUndefined();
    expect(passage?.cutAfter).toBeUndefined();
  });
});
