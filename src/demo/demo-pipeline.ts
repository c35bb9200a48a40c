import type { TDemoRole } from "./demo-hiring.js";
import { shortlistDemoCandidates } from "./demo-shortlist.js";

const SCREEN_PASS =
  "Technical screen at the bar for the level; both interviewers independently recommend moving on.";

/**
 * Two roles with candidates spread over the plan and scorecards that match their notes; each role
 * also gets the shortlist demo's panels (demo-shortlist.ts).
 */
export const demoRoles: TDemoRole[] = [
  {
    title: "Senior Django Engineer — Payments",
    level: "senior",
    stackTags: [
      "python",
      "django",
      "django-rest-framework",
      "postgresql",
      "celery",
      "redis",
      "stripe",
    ],
    candidates: [
      {
        name: "Priya Raman",
        email: "priya.raman@example.net",
        github: "https://github.com/priyaraman",
        notes: "Referred by the platform team; ex-fintech.",
      },
      {
        name: "Tomás Herrera",
        email: "tomas.herrera@example.net",
        notes: "Applied via the careers page.",
      },
      {
        name: "Mei Lin",
        email: "mei.lin@example.net",
        github: "https://github.com/meilin-dev",
        rounds: [
          {
            stage: "technical-screen",
            panel: [
              { who: "interviewer", ratings: [4, 3, 4, 4, 3] },
              { who: "interviewer2", ratings: [3, 4, 4, 3, 4] },
            ],
          },
        ],
      },
      {
        name: "Jonas Berg",
        email: "jonas.berg@example.net",
        rounds: [
          {
            stage: "technical-screen",
            panel: [
              { who: "interviewer", ratings: [3, 3, 2, 3, 3] },
              { who: "interviewer2", ratings: [3, 2, 3], draftOnly: true },
            ],
          },
        ],
      },
      {
        name: "Aisha Bello",
        email: "aisha.bello@example.net",
        github: "https://github.com/aishabello",
        rounds: [
          {
            stage: "technical-screen",
            panel: [
              { who: "interviewer", ratings: [3, 4, 3, 3, 4] },
              { who: "interviewer2", ratings: [4, 3, 3, 4, 3] },
            ],
            decision: { decision: "advance", rationale: SCREEN_PASS },
          },
        ],
      },
      {
        name: "Daniel Novak",
        email: "daniel.novak@example.net",
        rounds: [
          {
            stage: "technical-screen",
            panel: [
              { who: "interviewer", ratings: [2, 1, 2, 2, 1] },
              { who: "interviewer2", ratings: [2, 2, 1, 2, 2] },
            ],
            decision: {
              decision: "reject",
              rationale:
                "Both interviewers found gaps in ORM fundamentals and decorators well below senior level; no red flag was resolved.",
            },
          },
        ],
      },
      {
        name: "Sofia Rossi",
        email: "sofia.rossi@example.net",
        github: "https://github.com/sofiarossi",
        rounds: [
          {
            stage: "technical-screen",
            panel: [
              { who: "interviewer", ratings: [4, 4, 3, 4, 4] },
              { who: "interviewer2", ratings: [4, 3, 4, 4, 4] },
            ],
            decision: { decision: "advance", rationale: SCREEN_PASS },
          },
          {
            stage: "practical-assessment",
            panel: [{ who: "interviewer2", ratings: [4, 3, 4] }],
            decision: {
              decision: "advance",
              rationale:
                "Clean, tested work sample; the debrief showed deliberate choices on access control.",
            },
          },
          {
            stage: "technical-deep-dive",
            panel: [
              { who: "manager", ratings: [4, 3, 4, 4, 3, 4, 4, 3] },
              { who: "interviewer", ratings: [3, 4, 4, 3, 4, 4, 3, 4] },
            ],
            decision: {
              decision: "offer",
              rationale:
                "Strong across performance, security and production; weights for senior favour exactly these. Offer at the top of band.",
            },
          },
        ],
      },
      ...shortlistDemoCandidates("senior"),
    ],
  },
  {
    title: "Mid-level Django Developer — Platform",
    level: "mid",
    stackTags: ["python", "django", "django-rest-framework", "postgresql", "docker"],
    candidates: [
      {
        name: "Kwame Asante",
        email: "kwame.asante@example.net",
        github: "https://github.com/kasante",
      },
      {
        name: "Elena Petrova",
        email: "elena.petrova@example.net",
        rounds: [
          {
            stage: "technical-screen",
            panel: [{ who: "interviewer", ratings: [3], draftOnly: true }],
          },
        ],
      },
      {
        name: "Omar Haddad",
        email: "omar.haddad@example.net",
        rounds: [
          {
            stage: "technical-screen",
            panel: [
              { who: "interviewer", ratings: [3, 3, 3, 2] },
              { who: "interviewer2", ratings: [3, 2, 3, 3] },
            ],
            decision: {
              decision: "advance",
              rationale:
                "Meets the mid-level bar on Python and Django basics; probe ORM depth later.",
            },
          },
          {
            stage: "practical-assessment",
            panel: [
              { who: "interviewer", ratings: [3, 2, 3] },
              { who: "interviewer2", ratings: [2, 2, 3] },
            ],
          },
        ],
      },
      {
        name: "Hannah Schmidt",
        email: "hannah.schmidt@example.net",
        startStage: "technical-screen",
        close: {
          status: "withdrawn",
          reason: "Accepted an offer elsewhere before the technical screen.",
        },
      },
      {
        name: "Lucas Moreau",
        email: "lucas.moreau@example.net",
        github: "https://github.com/lmoreau",
        rounds: [
          {
            stage: "technical-screen",
            panel: [
              { who: "interviewer", ratings: [3, 4, 3, 3] },
              { who: "interviewer2", ratings: [4, 3, 3, 3] },
            ],
            decision: { decision: "advance", rationale: SCREEN_PASS },
          },
        ],
      },
      ...shortlistDemoCandidates("mid"),
    ],
  },
];
