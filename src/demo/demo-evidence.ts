import { buffer } from "node:stream/consumers";
import type { TServices } from "../compose.js";
import { loadPack } from "../grader/pack.js";
import { zipDirectory } from "../modules/assessments/submission-zip.js";
import type { TDemoPerson } from "./demo-hiring.js";

type TEvidenceServices = Pick<
  TServices,
  "applicationsService" | "resumesService" | "assessmentsService" | "portalService"
>;

/** A plain-text resume in the shape recruiters receive; the screening core reads it like any other. */
function demoResume(name: string, seed: number): string {
  const years = 3 + (seed % 7);
  const strong = seed % 3 !== 0;
  return [
    name,
    `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.net · https://github.com/${name.toLowerCase().replace(/[^a-z]+/g, "")}`,
    "",
    "Summary",
    `Backend engineer with ${years}+ years of Python, the last ${Math.max(2, years - 2)} building Django services in production.`,
    "",
    "Experience",
    `Senior Backend Engineer, Ledgerly — ${2025 - Math.min(years, 4)} – present`,
    strong
      ? "- Designed a REST API with Django REST Framework (viewsets, token authentication, throttling) serving 40 partner integrations."
      : "- Maintained internal admin pages and a few JSON endpoints written with plain Django views.",
    strong
      ? "- Cut p95 latency of the payments dashboard from 1.8 s to 240 ms with select_related/prefetch_related and two composite indexes in PostgreSQL."
      : "- Wrote reports in SQL for the finance team; some experience with MySQL.",
    "- Moved nightly reconciliation to Celery workers with Redis as the broker.",
    `Backend Developer, Parcelpoint — ${2025 - years} – ${2025 - Math.min(years, 4)}`,
    "- Built order tracking in Django; wrote pytest suites with factories for the ORM models.",
    "",
    "Skills",
    strong
      ? "Python, Django, DRF, PostgreSQL, Celery, Redis, Docker, pytest"
      : "Python, Django, MySQL, Docker",
  ].join("\n");
}

/**
 * Resumes for candidates waiting in the resume screen, and a practical assessment submitted for
 * each candidate in the practical stage: the server's worker grades them on its first start, so
 * the demo shows real reports (and the shortlist their scores).
 */
export async function seedDemoEvidence(
  s: TEvidenceServices,
  roleId: string,
  recruiter: TDemoPerson,
) {
  const { applications } = await s.applicationsService.listApplications(
    { roleId, status: "active", limit: 100, offset: 0 },
    recruiter.viewer,
  );
  let seed = 0;
  for (const application of applications) {
    seed += 1;
    if (application.currentStage.kind !== "resume-screen") continue;
    const text = demoResume(application.candidate.name, seed);
    await s.resumesService.uploadResume(
      application.candidate.id,
      {
        filename: `${application.candidate.name}.txt`,
        mime: "text/plain",
        bytes: Buffer.from(text),
      },
      recruiter.viewer,
      recruiter.actor,
    );
  }
  // Practical assessments for everyone in the practical stage: the reference solution, the same
  // with a leftover import of pytest internals (the integrity scan calls it suspicious, so the
  // shortlist shows its flag), and the untouched starter project (a low score).
  const pack = await loadPack("rest-api");
  const submissions = [
    () => zipDirectory(pack.referenceDir, "solution"),
    () =>
      zipDirectory(pack.referenceDir, "solution", [
        {
          path: "debug_helpers.py",
          content:
            "# Left over from debugging a fixture.\nfrom _pytest import fixtures  # noqa: F401\n",
        },
      ]),
    () => zipDirectory(pack.starterDir, "solution"),
  ];
  const practical = applications.filter((a) => a.currentStage.kind === "practical-assessment");
  for (const [i, candidate] of practical.entries()) {
    const sent = await s.assessmentsService.sendAssessment(
      candidate.id,
      { packId: "rest-api", deadlineAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      recruiter.viewer,
      recruiter.actor,
    );
    const token = sent.candidateUrl.split("/assess/")[1] ?? "";
    await s.portalService.start(token, "seed-demo");
    const zip = submissions[i % submissions.length] ?? submissions[0];
    if (!zip) continue;
    const content = await buffer(await zip());
    await s.portalService.submit(token, 1, { filename: "solution.zip", content }, "seed-demo");
  }
}
