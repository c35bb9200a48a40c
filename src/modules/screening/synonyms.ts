/**
 * What counts as a mention of each skill. Terms are matched case-insensitively on word boundaries,
 * with spaces and hyphens inside a term matching any run of spaces, hyphens or a line break (so
 * "django-rest-\nframework" is found), and an optional plural "s". Short acronyms that are also
 * ordinary words are matched case-sensitively ("REST" but not "the rest of", "Go" but not "go to").
 */

export type TTermSpec = string | { readonly term: string; readonly caseSensitive: true };

export type TConcept = { readonly label: string; readonly terms: readonly TTermSpec[] };

function exact(term: string): TTermSpec {
  return { term, caseSensitive: true };
}

export const CONCEPTS = {
  python: { label: "Python", terms: ["Python", "Python3", "CPython", "PyPI"] },
  django: { label: "Django", terms: ["Django"] },
  django_orm: {
    label: "Django ORM",
    terms: [
      "Django ORM",
      exact("ORM"),
      "QuerySet",
      "QuerySets",
      "ORM queries",
      "database migrations",
      "Django migrations",
    ],
  },
  orm_query_optimization: {
    label: "ORM query optimisation",
    terms: [
      "select_related",
      "prefetch_related",
      exact("N+1"),
      "N+1 queries",
      "query count",
      "django-debug-toolbar",
    ],
  },
  drf: {
    label: "Django REST Framework",
    terms: [
      "Django REST Framework",
      "django-rest-framework",
      "djangorestframework",
      exact("DRF"),
      "ModelSerializer",
      "ViewSet",
      "DRF serializers",
    ],
  },
  rest_api: {
    label: "REST APIs",
    terms: [
      "REST API",
      "RESTful",
      "REST-ful",
      exact("REST"),
      "HTTP API",
      "JSON API",
      "web API",
      "OpenAPI",
      "Swagger",
    ],
  },
  graphql: { label: "GraphQL", terms: ["GraphQL", "Graphene", "Strawberry GraphQL"] },
  postgresql: {
    label: "PostgreSQL",
    terms: [
      "PostgreSQL",
      "Postgres",
      "Postgre SQL",
      exact("psql"),
      "PostGIS",
      "psycopg",
      "psycopg2",
      "psycopg3",
    ],
  },
  mysql: { label: "MySQL / MariaDB", terms: ["MySQL", "MariaDB", "Aurora MySQL"] },
  db_indexing: {
    label: "database indexing / query tuning",
    terms: [
      "database index",
      "database indexes",
      "indexing",
      "indexes",
      "indices",
      "composite index",
      "B-tree",
      "GIN index",
      "EXPLAIN ANALYZE",
      "query plan",
      "query optimization",
      "query optimisation",
      "query tuning",
      "slow queries",
    ],
  },
  sql: { label: "SQL", terms: [exact("SQL"), "SQLite", "relational databases"] },
  celery: {
    label: "Celery",
    terms: ["Celery", "Celery workers", "Celery beat", "celerybeat", "django-celery"],
  },
  redis: { label: "Redis", terms: ["Redis", "ElastiCache", "Valkey"] },
  rabbitmq: { label: "RabbitMQ", terms: ["RabbitMQ", exact("AMQP")] },
  kafka: { label: "Kafka", terms: ["Kafka"] },
  docker: {
    label: "Docker",
    terms: ["Docker", "docker-compose", "Docker Compose", "Dockerfile", "Podman"],
  },
  kubernetes: {
    label: "Kubernetes",
    terms: ["Kubernetes", exact("K8s"), "kubectl", "Helm charts", exact("EKS"), exact("GKE")],
  },
  aws: {
    label: "AWS",
    terms: [
      exact("AWS"),
      "Amazon Web Services",
      exact("EC2"),
      exact("S3"),
      exact("RDS"),
      exact("ECS"),
      "AWS Lambda",
      "Elastic Beanstalk",
      "CloudFront",
    ],
  },
  gcp: {
    label: "Google Cloud",
    terms: [exact("GCP"), "Google Cloud", "Cloud Run", "App Engine", "BigQuery"],
  },
  azure: { label: "Azure", terms: ["Azure"] },
  terraform: { label: "Terraform", terms: ["Terraform", "OpenTofu"] },
  pytest: { label: "pytest", terms: ["pytest", "py.test", "pytest-django"] },
  automated_testing: {
    label: "automated testing",
    terms: [
      "unit tests",
      "unit testing",
      "integration tests",
      exact("TDD"),
      "test-driven",
      "unittest",
      "factory_boy",
      "test coverage",
    ],
  },
  ci_cd: {
    label: "CI/CD",
    terms: [
      exact("CI/CD"),
      "GitHub Actions",
      "GitLab CI",
      "Jenkins",
      "CircleCI",
      "continuous integration",
    ],
  },
  git: { label: "Git", terms: ["Git"] },
  linux: { label: "Linux", terms: ["Linux", "Ubuntu", "Debian"] },
  nginx: { label: "Nginx / WSGI servers", terms: ["Nginx", "Gunicorn", "uWSGI", "Uvicorn"] },
  django_channels: {
    label: "Django Channels / WebSockets",
    terms: ["Django Channels", "WebSockets", "WebSocket"],
  },
  asyncio: { label: "async Python", terms: ["asyncio", "async/await", "aiohttp"] },
  fastapi: { label: "FastAPI", terms: ["FastAPI"] },
  flask: { label: "Flask", terms: ["Flask"] },
  wagtail: { label: "Wagtail", terms: ["Wagtail"] },
  htmx: { label: "htmx", terms: ["htmx"] },
  elasticsearch: {
    label: "Elasticsearch",
    terms: ["Elasticsearch", "OpenSearch", "Elastic Search"],
  },
  javascript: { label: "JavaScript", terms: ["JavaScript", exact("JS"), "ES6", "ECMAScript"] },
  typescript: { label: "TypeScript", terms: ["TypeScript"] },
  react: { label: "React", terms: ["React", "React.js", "ReactJS", "Next.js"] },
  vue: { label: "Vue", terms: ["Vue", "Vue.js", "VueJS", "Nuxt"] },
  go: { label: "Go", terms: [exact("Go"), "Golang"] },
  java: { label: "Java", terms: ["Java", "Spring Boot", "Kotlin"] },
  ruby: { label: "Ruby", terms: ["Ruby", "Ruby on Rails", "Rails"] },
  rust: { label: "Rust", terms: ["Rust"] },
  php: { label: "PHP", terms: [exact("PHP"), "Laravel", "Symfony"] },
  elixir: { label: "Elixir", terms: ["Elixir"] },
  swift: { label: "Swift", terms: ["Swift", "SwiftUI"] },
} as const satisfies Record<string, TConcept>;

export type TConceptId = keyof typeof CONCEPTS;

export const CONCEPT_IDS = Object.keys(CONCEPTS) as [TConceptId, ...TConceptId[]];

export function termText(spec: TTermSpec): string {
  return typeof spec === "string" ? spec : spec.term;
}

export function isCaseSensitive(spec: TTermSpec): boolean {
  return typeof spec !== "string";
}

function lookupKey(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, "");
}

const CONCEPT_BY_KEY: ReadonlyMap<string, TConceptId> = (() => {
  const map = new Map<string, TConceptId>();
  for (const id of CONCEPT_IDS) {
    map.set(lookupKey(id), id);
    for (const spec of CONCEPTS[id].terms) {
      const key = lookupKey(termText(spec));
      if (!map.has(key)) map.set(key, id);
    }
  }
  return map;
})();

/** The concept a stack tag or free-text term names ("celery", "Postgres", "django-rest-framework"), if any. */
export function findConcept(text: string): TConceptId | undefined {
  return CONCEPT_BY_KEY.get(lookupKey(text));
}

/** Every word the vocabulary knows, lower-cased; blind masking uses it to avoid masking "Ruby" or "Django". */
export const VOCABULARY_WORDS: ReadonlySet<string> = new Set(
  CONCEPT_IDS.flatMap((id) =>
    CONCEPTS[id].terms.flatMap((spec) =>
      termText(spec)
        .toLowerCase()
        .split(/[\s/]+/),
    ),
  ),
);
