import type { TDemoRole } from "./demo-hiring.js";

type TRating = 1 | 2 | 3 | 4;
type TSeat = "interviewer" | "interviewer2" | "interviewer3" | "manager";

export const HISTORY_ROLE_TITLE = "Django Engineer — Platform";
/** The demo's lenient interviewer: rates a point above the rest of the panel, so analytics flags them. */
export const LENIENT_INTERVIEWER = "Leo Brandt";

// Each candidate's level on the four core questions (1-4); the fifth question, on explaining
// trade-offs, gets ratings that do not follow it, so it is the demo's weak question.
const ABILITY: TRating[] = [3, 2, 1, 3, 2, 4, 1, 2, 3, 2, 3, 1, 2, 3, 2, 1];
const FIFTH: TRating[] = [2, 3, 4, 1, 3, 2, 3, 4, 1, 3, 2, 4, 3, 2, 4, 3];
const NAMES = [
  "Aiko Tanaka",
  "Bruno Alves",
  "Carla Reyes",
  "Daniel Osei",
  "Elena Popescu",
  "Farid Nasser",
  "Gita Sharma",
  "Hugo Lefèvre",
  "Ivy Chen",
  "Jakub Nowak",
  "Kira Ivanova",
  "Luis Moreno",
  "Maya Cohen",
  "Nils Eriksson",
  "Olga Smirnova",
  "Pablo Ruiz",
];
const clamp = (x: number) => Math.min(4, Math.max(1, x)) as TRating;

/**
 * Sixteen candidates over the last months on a third role, each screened by a panel of three that
 * always includes the lenient interviewer: enough for calibration (n >= 10), alpha per
 * competency and a weak question to show something true.
 */
export function historyDemoRole(): TDemoRole {
  return {
    title: HISTORY_ROLE_TITLE,
    level: "mid",
    stackTags: ["python", "django", "postgresql", "kubernetes"],
    candidates: NAMES.map((name, i) => {
      const t = ABILITY[i] ?? 2;
      const core = (shift: number): TRating[] => [
        clamp(t + shift),
        clamp(t + shift + (i % 3 === 0 ? 1 : 0)),
        clamp(t + shift),
        clamp(t + shift - (i % 4 === 1 ? 1 : 0)),
        clamp((FIFTH[i] ?? 2) + shift),
      ];
      const others: TSeat[] =
        i % 2 === 0 ? ["interviewer", "interviewer2"] : ["interviewer2", "manager"];
      const advance = t >= 3;
      return {
        name,
        email: `${name
          .normalize("NFKD")
          .replace(/[^\w\s]/g, "")
          .toLowerCase()
          .replace(/\s+/g, ".")}@example.com`,
        notes: "Applied last quarter.",
        rounds: [
          {
            stage: "technical-screen",
            panel: [
              { who: "interviewer3", ratings: core(1) },
              ...others.map((who) => ({ who, ratings: core(0) })),
            ],
            ...(advance
              ? {
                  decision: {
                    decision: "advance" as const,
                    rationale: "The panel agreed the screen was at the bar for the level.",
                  },
                }
              : {}),
          },
        ],
        ...(advance
          ? {}
          : {
              close: {
                status: "rejected" as const,
                reason: "Below the bar in the technical screen.",
              },
            }),
      };
    }),
  };
}
