import { z } from "zod";
import { CONCEPTS, CONCEPT_IDS, findConcept, type TConceptId } from "./synonyms.js";

/**
 * The screening checklist of a role: what a reviewer looks for in a résumé. `knockout` items are
 * the ones a reviewer would normally reject on, `required` ones weigh heavily, `nice-to-have` ones
 * only inform. The checklist drives proposals for a human reviewer; it never rejects anyone by itself.
 */

export const ZSeniorityLevel = z.enum(["junior", "mid", "senior"]);
export type TSeniorityLevel = z.infer<typeof ZSeniorityLevel>;

export const ZChecklistItemKind = z.enum(["required", "knockout", "nice-to-have"]);
export type TChecklistItemKind = z.infer<typeof ZChecklistItemKind>;

export const LINK_KINDS = [
  "github",
  "gitlab",
  "bitbucket",
  "linkedin",
  "stackoverflow",
  "social",
  "portfolio",
  "other",
] as const;

const ZTerm = z.string().trim().min(1).max(80);

export const ZTermGroup = z
  .object({
    label: z.string().trim().min(1).max(120),
    /** Entries of the synonyms table; each brings all its synonyms. */
    concepts: z.array(z.enum(CONCEPT_IDS)).max(20).default([]),
    /** Free-text terms; one that names a known concept ("Postgres") brings that concept's synonyms too. */
    terms: z.array(ZTerm).max(50).default([]),
    /** Supporting groups add confidence and evidence but never satisfy the item on their own. */
    supporting: z.boolean().default(false),
  })
  .refine((group) => group.concepts.length + group.terms.length > 0, {
    message: "A term group needs at least one concept or term",
  });
export type TTermGroup = z.infer<typeof ZTermGroup>;

export const ZTermsMatcher = z.object({
  type: z.literal("terms"),
  groups: z.array(ZTermGroup).min(1).max(10),
  /** How many non-supporting groups must be evidenced for "met". */
  minGroups: z.int().min(1).max(10).default(1),
});

export const ZYearsMatcher = z.object({
  type: z.literal("years"),
  minYears: z.number().min(0).max(40),
  /** Upper end of the expected band, only used to flag a possible level mismatch in the reason. */
  maxYears: z.number().min(0).max(60).optional(),
});

export const ZLinksMatcher = z.object({
  type: z.literal("links"),
  kinds: z.array(z.enum(LINK_KINDS)).min(1).max(LINK_KINDS.length),
});

export const ZChecklistMatcher = z.discriminatedUnion("type", [
  ZTermsMatcher,
  ZYearsMatcher,
  ZLinksMatcher,
]);
export type TChecklistMatcher = z.infer<typeof ZChecklistMatcher>;

export const ZChecklistItemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "lower-case letters, digits and dashes");

export const ZChecklistItem = z.object({
  id: ZChecklistItemId,
  label: z.string().trim().min(1).max(200),
  kind: ZChecklistItemKind,
  matcher: ZChecklistMatcher,
});
export type TChecklistItem = z.infer<typeof ZChecklistItem>;

export const ZChecklist = z
  .array(ZChecklistItem)
  .max(50)
  .refine((items) => new Set(items.map((item) => item.id)).size === items.length, {
    message: "Checklist item ids must be unique",
  });

/** What a hiring manager types to add a role-specific item: a label and the words that evidence it. */
export const ZCustomChecklistItemInput = z.object({
  label: z.string().trim().min(1).max(200),
  terms: z.array(ZTerm).min(1).max(30),
  kind: ZChecklistItemKind.default("nice-to-have"),
});
export type TCustomChecklistItemInput = z.input<typeof ZCustomChecklistItemInput>;

/**
 * Years of professional experience expected per level. Junior is 0–2 (internships and projects
 * count, so it is only nice-to-have), mid needs at least 2, senior at least 5.
 */
export const LEVEL_EXPERIENCE_YEARS: Readonly<
  Record<TSeniorityLevel, { min: number; max?: number }>
> = {
  junior: { min: 0, max: 2 },
  mid: { min: 2, max: 5 },
  senior: { min: 5 },
};

const MAX_STACK_TAGS = 20;

function group(label: string, concepts: TConceptId[], supporting = false): TTermGroup {
  return { label, concepts, terms: [], supporting };
}

function experienceItem(level: TSeniorityLevel): TChecklistItem {
  const band = LEVEL_EXPERIENCE_YEARS[level];
  const range = band.max === undefined ? `${band.min}+` : `${band.min}–${band.max}`;
  return {
    id: "experience-years",
    label: `Years of experience fit a ${level} role (${range} years)`,
    kind: level === "junior" ? "nice-to-have" : "required",
    matcher: {
      type: "years",
      minYears: band.min,
      ...(band.max === undefined ? {} : { maxYears: band.max }),
    },
  };
}

/** The default checklist for a Django role, plus one nice-to-have item per stack tag. */
export function proposeChecklist(input: {
  level: TSeniorityLevel;
  stackTags?: readonly string[];
}): TChecklistItem[] {
  const items: TChecklistItem[] = [
    {
      id: "python",
      label: "Python expertise",
      kind: "knockout",
      matcher: {
        type: "terms",
        groups: [group("Python", ["python"]), group("Python testing", ["pytest"], true)],
        minGroups: 1,
      },
    },
    {
      id: "django",
      label: "Django project experience",
      kind: "knockout",
      matcher: {
        type: "terms",
        groups: [
          group("Django", ["django"]),
          group("Django ORM", ["django_orm", "orm_query_optimization"], true),
        ],
        minGroups: 1,
      },
    },
    {
      id: "rest-api",
      label: "REST API work (Django REST Framework)",
      kind: "required",
      matcher: {
        type: "terms",
        groups: [group("Django REST Framework", ["drf"]), group("REST APIs", ["rest_api"])],
        minGroups: 1,
      },
    },
    {
      id: "database",
      label: "Database knowledge (PostgreSQL or MySQL, indexing)",
      kind: "required",
      matcher: {
        type: "terms",
        groups: [
          group("PostgreSQL or MySQL", ["postgresql", "mysql"]),
          group("indexing or query optimisation", ["db_indexing", "orm_query_optimization"], true),
        ],
        minGroups: 1,
      },
    },
    {
      id: "code-link",
      label: "A GitHub or portfolio link",
      kind: "nice-to-have",
      matcher: { type: "links", kinds: ["github", "gitlab", "bitbucket", "portfolio"] },
    },
    experienceItem(input.level),
  ];
  const covered = new Set<string>([
    "python",
    "django",
    "drf",
    "rest_api",
    "postgresql",
    "mysql",
    "pytest",
    "django_orm",
  ]);
  for (const rawTag of (input.stackTags ?? []).slice(0, MAX_STACK_TAGS)) {
    const tag = rawTag.trim().slice(0, 80);
    if (tag === "") continue;
    const concept = findConcept(tag);
    const key = concept ?? tag.toLowerCase();
    if (covered.has(key)) continue;
    covered.add(key);
    // Stack tags are typed freely ("celery"); an item name reads as a name either way.
    const label =
      concept === undefined ? tag.charAt(0).toUpperCase() + tag.slice(1) : CONCEPTS[concept].label;
    items.push({
      id: `stack-${slugify(key)}`,
      label: `${label} experience`,
      kind: "nice-to-have",
      matcher: {
        type: "terms",
        groups: [
          concept === undefined
            ? { label, concepts: [], terms: [tag], supporting: false }
            : group(label, [concept]),
        ],
        minGroups: 1,
      },
    });
  }
  return items;
}

/** A role-specific item from free text, e.g. { label: "Wagtail CMS", terms: ["Wagtail", "StreamField"] }. */
export function createCustomChecklistItem(input: TCustomChecklistItemInput): TChecklistItem {
  const parsed = ZCustomChecklistItemInput.parse(input);
  return {
    id: `custom-${slugify(parsed.label)}`,
    label: parsed.label,
    kind: parsed.kind,
    matcher: {
      type: "terms",
      groups: [{ label: parsed.label, concepts: [], terms: parsed.terms, supporting: false }],
      minGroups: 1,
    },
  };
}

function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return slug === "" ? "item" : slug;
}
