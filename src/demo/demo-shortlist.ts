import type { TDemoRole } from "./demo-hiring.js";

type TDemoCandidate = TDemoRole["candidates"][number];

const ADVANCE = {
  decision: "advance" as const,
  rationale:
    "The panel independently recommends moving on; the practical will test the weak spots.",
};

/**
 * How a candidate's panel went, so the shortlist has something real to show: clear leaders, a
 * borderline middle, one where the raters disagree by two points, and a few with little evidence.
 */
const PROFILES: Record<
  "strong" | "solid" | "split" | "borderline" | "weak" | "advanced",
  (level: TDemoRole["level"]) => NonNullable<TDemoCandidate["rounds"]>
> = {
  strong: () => [
    {
      stage: "technical-screen",
      panel: [
        { who: "interviewer", ratings: [4, 3, 4, 4] },
        { who: "interviewer2", ratings: [4, 4, 3, 4] },
        { who: "manager", ratings: [3, 4, 4, 4] },
      ],
      decision: ADVANCE,
    },
  ],
  solid: () => [
    {
      stage: "technical-screen",
      panel: [
        { who: "interviewer", ratings: [3, 3, 4, 3] },
        { who: "interviewer2", ratings: [3, 4, 3, 3] },
      ],
      decision: ADVANCE,
    },
  ],
  // Two raters 2 points apart on the same questions: the shortlist flags it for the debrief.
  split: () => [
    {
      stage: "technical-screen",
      panel: [
        { who: "interviewer", ratings: [4, 4, 4, 4] },
        { who: "interviewer2", ratings: [2, 2, 2, 2] },
        { who: "manager", ratings: [3, 3, 3, 3] },
      ],
    },
  ],
  borderline: () => [
    {
      stage: "technical-screen",
      panel: [
        { who: "interviewer", ratings: [3, 2, 3, 3] },
        { who: "interviewer2", ratings: [2, 3, 3, 2] },
      ],
    },
  ],
  weak: () => [
    {
      stage: "technical-screen",
      panel: [
        { who: "interviewer", ratings: [2, 2, 1, 2] },
        { who: "interviewer2", ratings: [2, 1, 2, 2] },
      ],
    },
  ],
  advanced: () => [
    {
      stage: "technical-screen",
      panel: [
        { who: "interviewer", ratings: [4, 3, 3, 4] },
        { who: "interviewer2", ratings: [3, 3, 4, 3] },
      ],
      decision: ADVANCE,
    },
    {
      stage: "practical-assessment",
      panel: [
        { who: "interviewer2", ratings: [3, 4, 3] },
        { who: "manager", ratings: [4, 3, 3] },
      ],
      decision: {
        decision: "advance",
        rationale: "The work sample holds up; the debrief showed the choices were deliberate.",
      },
    },
    {
      stage: "technical-deep-dive",
      panel: [
        { who: "manager", ratings: [3, 4, 3, 3, 4, 3] },
        { who: "interviewer", ratings: [4, 3, 3, 4, 3, 3] },
      ],
    },
  ],
};

type TProfile = keyof typeof PROFILES;

function candidate(name: string, profile: TProfile, level: TDemoRole["level"]): TDemoCandidate {
  return {
    name,
    email: `${name
      .normalize("NFKD")
      .replace(/[^\w\s]/g, "")
      .toLowerCase()
      .replace(/\s+/g, ".")}@example.org`,
    notes: "Added for the shortlist demo.",
    rounds: PROFILES[profile](level),
  };
}

const SENIOR: [string, TProfile][] = [
  ["Noah Fischer", "strong"],
  ["Leila Karimi", "solid"],
  ["Ravi Patel", "split"],
  ["Emma Walsh", "borderline"],
  ["Yusuf Demir", "weak"],
  ["Chloé Martin", "advanced"],
];
const MID: [string, TProfile][] = [
  ["Ana Souza", "strong"],
  ["Ben Carter", "split"],
  ["Ines Duarte", "solid"],
  ["Marek Zielinski", "borderline"],
  ["Zara Ahmed", "weak"],
  ["Finn O'Brien", "advanced"],
];

/** The shortlist demo's candidates for a role of this level (two or three raters each). */
export function shortlistDemoCandidates(level: TDemoRole["level"]): TDemoCandidate[] {
  return (level === "senior" ? SENIOR : MID).map(([name, profile]) =>
    candidate(name, profile, level),
  );
}
