/*
 * The seed hiring guide lists fifteen interview topics in five sections. Each topic maps to the
 * bank question that covers it, so the test suite fails if a covering question is renamed or
 * removed. Topic ids are ours; the guide's own wording is deliberately not reproduced here.
 */
export const guideSections = [
  "python-fundamentals",
  "django-core",
  "django-rest-framework",
  "database-performance",
  "security-scalability",
] as const;
export type TGuideSection = (typeof guideSections)[number];

export const guideTopicCoverage = {
  "python-decorators": { section: "python-fundamentals", questionId: "python-decorators" },
  "python-comprehensions-vs-generators": {
    section: "python-fundamentals",
    questionId: "python-comprehensions-vs-generators",
  },
  "python-deep-vs-shallow-copy": {
    section: "python-fundamentals",
    questionId: "python-deep-vs-shallow-copy",
  },
  "django-mvt-architecture": { section: "django-core", questionId: "django-mvt-request-flow" },
  "django-orm-internals": { section: "django-core", questionId: "orm-how-it-works" },
  "django-middleware": { section: "django-core", questionId: "django-middleware" },
  "django-migrations-in-teams": { section: "django-core", questionId: "orm-migrations-in-a-team" },
  "django-signals": { section: "django-core", questionId: "django-signals" },
  "drf-apiview-vs-viewsets": {
    section: "django-rest-framework",
    questionId: "drf-apiview-vs-viewsets",
  },
  "drf-authentication-permissions": {
    section: "django-rest-framework",
    questionId: "drf-authentication-permissions",
  },
  "drf-api-performance": { section: "django-rest-framework", questionId: "drf-api-performance" },
  "debugging-slow-application": {
    section: "database-performance",
    questionId: "performance-debugging-slow-app",
  },
  "select-related-vs-prefetch-related": {
    section: "database-performance",
    questionId: "performance-select-vs-prefetch-related",
  },
  "django-security-protections": {
    section: "security-scalability",
    questionId: "security-built-in-protections",
  },
  "scaling-for-high-traffic": {
    section: "security-scalability",
    questionId: "scalability-high-traffic",
  },
} as const satisfies Record<string, { section: TGuideSection; questionId: string }>;

export type TGuideTopicId = keyof typeof guideTopicCoverage;
