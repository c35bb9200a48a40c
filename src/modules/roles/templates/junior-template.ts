import { defineStage } from "./define-stage.js";
import { decisionChecklist } from "./interview-stages.js";
import type { TLevelTemplate } from "./level-template.schema.js";

export const juniorTemplate: TLevelTemplate = {
  level: "junior",
  title: "Junior Django developer",
  scope:
    "Builds well-defined features inside an existing Django codebase with review: models, views, serializers and tests within one app, asking for help early. Not expected to own production operations or cross-cutting architecture.",
  defaultStackTags: ["python", "django", "django-rest-framework", "postgresql", "git"],
  // Fundamentals carry the most weight: they predict how fast a junior grows into the rest.
  competencyWeights: {
    "python-fundamentals": 20,
    "django-architecture": 15,
    "orm-data-modelling": 15,
    "api-design-drf": 10,
    "databases-performance": 5,
    security: 10,
    "scalability-production": 5,
    testing: 10,
    "communication-collaboration": 10,
  },
  stages: [
    defineStage("resume-screen", {
      durationMinutes: 15,
      reservedMinutes: 15,
      competencies: ["python-fundamentals", "django-architecture", "api-design-drf"],
      checklist: [
        "Has built at least one Django project end to end (work, internship, course or personal)",
        "A repository or code sample is available and has been opened",
        "Some exposure to REST APIs, ideally Django REST Framework",
        "Has used a relational database through the ORM or SQL",
        "The application itself is clear and specific",
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
      // Building, fixing and testing an API: what a junior does in the first months.
      packIds: ["rest-api", "debug", "unit-tests"],
      durationMinutes: 105,
      reservedMinutes: 75,
      competencies: ["api-design-drf", "testing", "python-fundamentals"],
      questionIds: [
        "drf-serializer-validation",
        "drf-error-responses",
        "testing-choosing-test-cases",
        "testing-api-endpoints",
      ],
    }),
    defineStage("technical-deep-dive", {
      durationMinutes: 60,
      reservedMinutes: 5,
      competencies: [
        "django-architecture",
        "orm-data-modelling",
        "databases-performance",
        "security",
        "scalability-production",
      ],
      questionIds: [
        "performance-select-vs-prefetch-related",
        "performance-debugging-slow-app",
        "security-built-in-protections",
        "orm-modelling-relationships",
        "django-signals",
        "scalability-background-tasks",
      ],
    }),
    defineStage("culture-fit", {
      durationMinutes: 45,
      reservedMinutes: 5,
      competencies: ["communication-collaboration"],
      questionIds: [
        "culture-technical-disagreement",
        "culture-helping-a-teammate",
        "culture-stuck-and-asking-for-help",
        "culture-learning-new-technology",
        "culture-production-mistake",
        "communication-code-review",
      ],
    }),
    defineStage("decision", {
      durationMinutes: 30,
      reservedMinutes: 30,
      // The decision weighs scorecards from earlier stages; it assesses nothing new itself.
      competencies: [],
      checklist: [...decisionChecklist],
    }),
  ],
};
