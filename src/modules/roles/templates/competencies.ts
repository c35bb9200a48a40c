import { z } from "zod";

export const competencyIds = [
  "python-fundamentals",
  "django-architecture",
  "orm-data-modelling",
  "api-design-drf",
  "databases-performance",
  "security",
  "scalability-production",
  "testing",
  "communication-collaboration",
] as const;

export const ZCompetencyId = z.enum(competencyIds);
export type TCompetencyId = z.infer<typeof ZCompetencyId>;

export const ZCompetency = z.strictObject({
  id: ZCompetencyId,
  name: z.string().min(1).max(80),
  description: z.string().min(1).max(400),
});
export type TCompetency = z.infer<typeof ZCompetency>;

export const competencies = [
  {
    id: "python-fundamentals",
    name: "Python fundamentals",
    description:
      "Fluency in the language underneath Django: functions and decorators, iteration and generators, object references and copying, classes and mixins, exceptions and concurrency.",
  },
  {
    id: "django-architecture",
    name: "Django architecture",
    description:
      "How a request travels through a Django project (URLs, middleware, views, templates), where logic belongs, and when signals, forms and settings modules are the right tool.",
  },
  {
    id: "orm-data-modelling",
    name: "ORM and data modelling",
    description:
      "Designing models, relations and constraints; writing querysets with an understanding of when they run; evolving schemas and data safely with migrations.",
  },
  {
    id: "api-design-drf",
    name: "API design with Django REST Framework",
    description:
      "Shaping resources with serializers, choosing between views, generic views and viewsets, authentication and permission design, pagination, throttling and API evolution.",
  },
  {
    id: "databases-performance",
    name: "Databases and performance",
    description:
      "Finding and fixing slow code paths: query counts, select_related and prefetch_related, indexes and query plans, bulk operations, caching and profiling.",
  },
  {
    id: "security",
    name: "Security",
    description:
      "Knowing what Django protects by default (CSRF, XSS escaping, parameterised SQL) and where that stops, plus secure settings, account handling and access control.",
  },
  {
    id: "scalability-production",
    name: "Scalability and production",
    description:
      "Running Django for real users: caching layers, background work, read replicas, deployment, observability and calm debugging of live incidents.",
  },
  {
    id: "testing",
    name: "Testing",
    description:
      "Choosing what to test and at which level, using Django's and DRF's test tools, isolating external services, and keeping a suite fast and trustworthy.",
  },
  {
    id: "communication-collaboration",
    name: "Communication and collaboration",
    description:
      "Explaining technical ideas to different audiences, reviewing and being reviewed, and working with others on shared code and decisions.",
  },
] as const satisfies readonly TCompetency[];

const competencyNames = new Map<string, string>(competencies.map((c) => [c.id, c.name]));

/**
 * A competency id in words ("orm-data-modelling" → "ORM and data modelling"), for anything that
 * shows one; an id the catalogue does not know (a pack from a newer catalogue) stays as it is.
 */
export function nameOfCompetency(id: string): string {
  return competencyNames.get(id) ?? id;
}

/*
 * The culture round looks at four facets. They are tags on culture-fit questions, not
 * competencies: competencies carry hiring weights and need technical depth at every level,
 * while the facets are lenses for balancing one interview. Scores from the culture round
 * roll up into communication-collaboration, so adding four more weighted competencies would
 * split ~10 points of weight into slivers nobody can calibrate and double-count the round.
 */
export const cultureFacetIds = [
  "collaboration",
  "problem-solving",
  "adaptability",
  "ownership",
] as const;

export const ZCultureFacetId = z.enum(cultureFacetIds);
export type TCultureFacetId = z.infer<typeof ZCultureFacetId>;

export const cultureFacets = [
  {
    id: "collaboration",
    name: "Collaboration",
    description: "Works through disagreement, shares context and helps others succeed.",
  },
  {
    id: "problem-solving",
    name: "Problem solving",
    description: "Breaks unclear problems down, forms hypotheses and checks them with evidence.",
  },
  {
    id: "adaptability",
    name: "Adaptability",
    description: "Adjusts to changed plans, new tools and feedback without losing momentum.",
  },
  {
    id: "ownership",
    name: "Ownership",
    description: "Sees work through to the outcome, owns mistakes and fixes what is left behind.",
  },
] as const satisfies readonly { id: TCultureFacetId; name: string; description: string }[];
