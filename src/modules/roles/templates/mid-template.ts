import { defineStage } from "./define-stage.js";
import { decisionChecklist } from "./interview-stages.js";
import type { TLevelTemplate } from "./level-template.schema.js";

export const midTemplate: TLevelTemplate = {
  level: "mid",
  title: "Django developer (mid-level)",
  scope:
    "Delivers features end to end with little supervision: designs models and DRF endpoints, writes migrations that are safe to deploy, finds and fixes slow queries, reviews others' code and takes part in on-call.",
  defaultStackTags: [
    "python",
    "django",
    "django-rest-framework",
    "postgresql",
    "redis",
    "celery",
    "docker",
    "git",
  ],
  competencyWeights: {
    "python-fundamentals": 10,
    "django-architecture": 15,
    "orm-data-modelling": 15,
    "api-design-drf": 15,
    "databases-performance": 10,
    security: 10,
    "scalability-production": 5,
    testing: 10,
    "communication-collaboration": 10,
  },
  stages: [
    defineStage("resume-screen", {
      durationMinutes: 15,
      reservedMinutes: 15,
      competencies: ["django-architecture", "api-design-drf", "orm-data-modelling", "testing"],
      checklist: [
        "Around two or more years building Django in a team",
        "Has shipped and maintained DRF or other REST APIs used by real clients",
        "Database work beyond defaults is visible: migrations, indexes, query tuning",
        "Tests are part of the work described, not an afterthought",
        "Linked repositories or portfolio checked where provided",
      ],
    }),
    defineStage("technical-screen", {
      durationMinutes: 45,
      reservedMinutes: 5,
      competencies: [
        "python-fundamentals",
        "django-architecture",
        "orm-data-modelling",
        "communication-collaboration",
      ],
      questionIds: [
        "python-decorators",
        "python-comprehensions-vs-generators",
        "django-mvt-request-flow",
        "orm-how-it-works",
        "communication-explaining-trade-offs",
      ],
    }),
    defineStage("practical-assessment", {
      // As junior, plus finding and fixing a slow query.
      packIds: ["rest-api", "debug", "unit-tests", "slow-query"],
      durationMinutes: 120,
      reservedMinutes: 90,
      competencies: ["api-design-drf", "testing", "databases-performance"],
      questionIds: [
        "drf-serializer-validation",
        "testing-api-endpoints",
        "performance-fetch-only-what-you-need",
        "drf-error-responses",
      ],
    }),
    defineStage("technical-deep-dive", {
      durationMinutes: 75,
      reservedMinutes: 5,
      competencies: [
        "orm-data-modelling",
        "api-design-drf",
        "databases-performance",
        "security",
        "scalability-production",
      ],
      questionIds: [
        "drf-api-performance",
        "performance-select-vs-prefetch-related",
        "orm-transactions-and-locking",
        "security-built-in-protections",
        "drf-authentication-permissions",
        "scalability-high-traffic",
        "orm-migrations-in-a-team",
      ],
    }),
    defineStage("culture-fit", {
      durationMinutes: 45,
      reservedMinutes: 5,
      competencies: ["communication-collaboration"],
      questionIds: [
        "culture-technical-disagreement",
        "culture-helping-a-teammate",
        "culture-unclear-problem",
        "culture-changing-requirements",
        "culture-production-mistake",
        "communication-code-review",
      ],
    }),
    defineStage("decision", {
      durationMinutes: 30,
      reservedMinutes: 30,
      competencies: [],
      checklist: [...decisionChecklist],
    }),
  ],
};
