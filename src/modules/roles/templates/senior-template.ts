import { defineStage } from "./define-stage.js";
import { decisionChecklist } from "./interview-stages.js";
import type { TLevelTemplate } from "./level-template.schema.js";

export const seniorTemplate: TLevelTemplate = {
  level: "senior",
  title: "Senior Django engineer",
  scope:
    "Owns the technical direction of a Django service: makes and documents architecture decisions, keeps it secure, fast and operable as traffic grows, leads incident response, and raises the level of the engineers around them.",
  defaultStackTags: [
    "python",
    "django",
    "django-rest-framework",
    "postgresql",
    "redis",
    "celery",
    "docker",
    "ci-cd",
    "observability",
  ],
  // Seniors are hired for judgement under load: performance, security and production outweigh syntax.
  competencyWeights: {
    "python-fundamentals": 5,
    "django-architecture": 15,
    "orm-data-modelling": 10,
    "api-design-drf": 10,
    "databases-performance": 15,
    security: 15,
    "scalability-production": 15,
    testing: 5,
    "communication-collaboration": 10,
  },
  stages: [
    defineStage("resume-screen", {
      durationMinutes: 15,
      reservedMinutes: 15,
      competencies: [
        "django-architecture",
        "scalability-production",
        "communication-collaboration",
      ],
      checklist: [
        "Has owned Django services in production, including incidents or on-call",
        "Led the design of APIs or data models that other people or teams build on",
        "Performance or scaling work described with measurable results",
        "Security-sensitive work such as authentication, payments or personal data",
        "Mentoring, reviewing or leading other engineers",
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
        "django-signals",
        "orm-how-it-works",
        "communication-explaining-trade-offs",
      ],
    }),
    defineStage("practical-assessment", {
      // The design document first; the send form preselects at most four, in this order.
      packIds: ["architecture", "slow-query", "debug", "unit-tests", "rest-api"],
      durationMinutes: 120,
      reservedMinutes: 90,
      competencies: ["api-design-drf", "testing", "security", "databases-performance"],
      questionIds: [
        "testing-api-endpoints",
        "drf-object-level-access",
        "testing-query-count-guards",
      ],
    }),
    defineStage("technical-deep-dive", {
      durationMinutes: 90,
      reservedMinutes: 5,
      competencies: [
        "django-architecture",
        "orm-data-modelling",
        "api-design-drf",
        "databases-performance",
        "security",
        "scalability-production",
      ],
      questionIds: [
        "scalability-high-traffic",
        "orm-zero-downtime-migrations",
        "drf-api-performance",
        "security-pull-request-review",
        "django-business-logic-placement",
        "scalability-read-replicas",
        "performance-caching-strategy",
        "performance-select-vs-prefetch-related",
      ],
    }),
    defineStage("culture-fit", {
      durationMinutes: 45,
      reservedMinutes: 5,
      competencies: ["communication-collaboration"],
      questionIds: [
        "culture-technical-disagreement",
        "culture-trade-off-under-deadline",
        "culture-changing-requirements",
        "culture-unowned-problem",
        "culture-feedback-changed-approach",
        "communication-technical-proposal",
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
