/**
 * A deterministic corpus of realistic, varied two-page résumés for the screening benchmark: different
 * names, stacks, employment histories, tables, links, negations and hedges, drawn with pdf-lib.
 */
import { buildResumePdf, type TPdfLine } from "../src/test-support/resume-fixtures.js";
import { seededRandom as createRandom } from "../src/shared/seeded-random.js";

const FIRST = [
  "Jane",
  "Amir",
  "Lena",
  "Tomasz",
  "Priya",
  "Lucas",
  "Sofia",
  "Kenji",
  "Chiara",
  "Mateo",
  "Aisha",
  "Jonas",
];
const LAST = [
  "Doe",
  "Haddad",
  "Schmidt",
  "Nowak",
  "Raman",
  "Silva",
  "Rossi",
  "Tanaka",
  "Moreau",
  "Okafor",
  "Berg",
  "Lindqvist",
];
const COMPANIES = [
  "Acme GmbH",
  "Northwind",
  "Globex",
  "Initech",
  "Umbrella Health",
  "Hooli",
  "Stark Retail",
  "Wayne Logistics",
  "Tyrell Labs",
];
const TITLES = [
  "Backend Developer",
  "Senior Python Engineer",
  "Software Engineer",
  "Django Developer",
  "Full-Stack Engineer",
  "Tech Lead",
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ACHIEVEMENTS = [
  "Built REST APIs with Django REST Framework serving 3M requests a day, with pagination, throttling and OpenAPI docs.",
  "Cut p95 latency by 40% by adding composite indexes in PostgreSQL and select_related/prefetch_related in hot querysets.",
  "Moved report generation to Celery workers backed by Redis; added retries and idempotency keys.",
  "Containerised the monolith with Docker and docker-compose; deployed to AWS ECS behind CloudFront.",
  "Wrote pytest suites with factory_boy and pytest-django, raising coverage from 55% to 88%.",
  "Migrated a MySQL database to PostgreSQL 15 with zero downtime using logical replication.",
  "Introduced GitHub Actions CI/CD with linting, type checks and blue/green deploys.",
  "Built a Wagtail CMS for editorial teams with custom StreamField blocks.",
  "Designed GraphQL endpoints with Graphene on top of the Django ORM.",
  "Mentored three junior developers and ran the weekly architecture review.",
  "Implemented WebSockets notifications with Django Channels and Redis.",
  "Maintained Kubernetes Helm charts for twelve services on GKE.",
];
const CAVEATS = [
  "No Celery experience so far; background jobs ran on cron.",
  "Never used Kubernetes in production.",
  "Currently learning AWS for the Solutions Architect exam.",
  "Not familiar with GraphQL.",
  "",
  "",
];
const SKILLS = [
  "Python",
  "Django",
  "DRF",
  "PostgreSQL",
  "MySQL",
  "Redis",
  "Celery",
  "Docker",
  "AWS",
  "pytest",
  "Git",
  "Linux",
  "Nginx",
  "React",
  "htmx",
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function sample<T>(random: () => number, items: readonly T[], count: number): T[] {
  return [...items].sort(() => random() - 0.5).slice(0, count);
}

export function buildResumeLines(seed: number): { name: string; lines: TPdfLine[] } {
  const random = createRandom(seed);
  const name = `${pick(random, FIRST)} ${pick(random, LAST)}`;
  const handle = name.toLowerCase().replace(/\s+/g, "");
  const lines: TPdfLine[] = [
    name,
    `${pick(random, TITLES)} · ${handle}@example.com · +44 20 7946 ${String(1000 + Math.floor(random() * 8999))}`,
    random() < 0.7
      ? { link: `github.com/${handle}`, url: `https://github.com/${handle}` }
      : { link: "Portfolio", url: `https://${handle}.dev` },
    { heading: "Summary" },
    `Backend engineer with ${2 + Math.floor(random() * 10)}+ years of experience building Python and Django products for fintech, health and retail clients. ${pick(random, CAVEATS)}`,
    { heading: "Experience" },
  ];
  let year = 2025;
  const jobs = 3 + Math.floor(random() * 3);
  for (let job = 0; job < jobs; job++) {
    const length = 1 + Math.floor(random() * 3);
    const from = `${pick(random, MONTHS)} ${year - length}`;
    const to = job === 0 ? "present" : `${pick(random, MONTHS)} ${year}`;
    lines.push({
      cells: [`${pick(random, TITLES)}, ${pick(random, COMPANIES)}`, `${from} – ${to}`],
    });
    for (const achievement of sample(random, ACHIEVEMENTS, 3 + Math.floor(random() * 3)))
      lines.push({ bullet: achievement });
    year -= length + (random() < 0.3 ? 1 : 0);
  }
  lines.push({ pageBreak: true }, { heading: "Skills" });
  const skills = sample(random, SKILLS, 8 + Math.floor(random() * 6));
  for (let row = 0; row < skills.length; row += 4)
    lines.push({ cells: skills.slice(row, row + 4) });
  lines.push({ heading: "Projects" });
  for (const achievement of sample(random, ACHIEVEMENTS, 4))
    lines.push({ bullet: `Open source: ${achievement}` });
  lines.push(
    { heading: "Education" },
    { cells: ["B.Sc. Computer Science, University of Leeds", `${year - 4} – ${year}`] },
    { heading: "Languages" },
    "English (fluent), German (B2), Spanish (A2)",
  );
  return { name, lines };
}

export async function buildCorpus(count: number): Promise<{ name: string; bytes: Uint8Array }[]> {
  const corpus: { name: string; bytes: Uint8Array }[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const { name, lines } = buildResumeLines(seed);
    corpus.push({ name, bytes: await buildResumePdf(lines) });
  }
  return corpus;
}
