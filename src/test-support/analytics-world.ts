import { expectStatus } from "./hiring-world.js";
import type { THiringWorld } from "./hiring-world.js";
import type { HttpAgent } from "./http-agent.js";

type TKit = {
  questions: { questionId: string; questionVersionId: string; signals: string[] }[];
  stage: { competencies: string[] };
};

/**
 * The item-analysis test vector of issue 15 (statistics.test.ts): six candidates rated on four
 * questions. Its item-rest correlations are 0.946, 0.529, 0.693 and -0.327.
 */
export const QUESTION_VECTOR = [
  [4, 3, 4, 2],
  [3, 3, 3, 1],
  [2, 2, 1, 3],
  [1, 2, 1, 2],
  [4, 4, 3, 3],
  [2, 1, 2, 4],
] as const;
/** The second interviewer's competency rating per candidate; the first rates one point higher. */
export const BASE_COMPETENCY = [3, 2, 1, 1, 4, 2] as const;

type TRating = 1 | 2 | 3 | 4;
const clamp = (x: number) => Math.min(4, Math.max(1, x)) as TRating;

async function submit(agent: HttpAgent, interviewId: string, body: (kit: TKit) => object) {
  const kit = expectStatus(await agent.get(`/api/interviews/${interviewId}/kit`), 200).json<TKit>();
  const saved = expectStatus(
    await agent.put(`/api/interviews/${interviewId}/scorecard/draft`, {
      revision: 0,
      ...body(kit),
    }),
    200,
  ).json<{ scorecard: { revision: number } }>().scorecard;
  expectStatus(
    await agent.post(`/api/interviews/${interviewId}/scorecard/submit`, {
      revision: saved.revision,
    }),
    200,
  );
  return kit;
}

/**
 * On top of the hiring world: six candidates in the technical screen, each rated by interviewer A
 * and interviewer B. Both rate the first four kit questions as QUESTION_VECTOR (later questions a
 * constant 3, which leaves every item-rest correlation unchanged); on competencies B gives
 * BASE_COMPETENCY and A one point more (capped at 4), so A reads as lenient and B as severe. Two
 * candidates then move on to the practical assessment and one is rejected.
 */
export async function buildAnalyticsWorld(
  w: THiringWorld,
  history: { moveInterviews: (ids: readonly string[], at: Date) => Promise<void> },
) {
  const competencyRows: { a: number[]; b: number[] } = { a: [], b: [] };
  const applications: string[] = [];
  const held: string[] = [];
  let competencies: string[] = [];
  for (const [i, row] of QUESTION_VECTOR.entries()) {
    const { applicationId } = await w.newApplication("technical-screen");
    applications.push(applicationId);
    const interviews = await w.schedule(applicationId, "technical-screen", [
      w.interviewerA.userId,
      w.interviewerB.userId,
    ]);
    held.push(...interviews.map((x) => x.id));
    const base = BASE_COMPETENCY[i] ?? 2;
    for (const [who, agent, rating] of [
      ["a", w.interviewerA.agent, clamp(base + 1)],
      ["b", w.interviewerB.agent, clamp(base)],
    ] as const) {
      const interview = interviews.find(
        (x) => x.interviewer.id === (who === "a" ? w.interviewerA.userId : w.interviewerB.userId),
      );
      const kit = await submit(agent, interview?.id ?? "", (k) => ({
        answers: k.questions.map((q, j) => {
          const value = clamp(row[j] ?? 3);
          return {
            questionId: q.questionId,
            questionVersionId: q.questionVersionId,
            rating: value,
            signals: q.signals.slice(0, value),
            notes: "Rated for the analytics test world.",
          };
        }),
        competencyRatings: Object.fromEntries(k.stage.competencies.map((c) => [c, rating])),
        keyTakeaways: "Rated for the analytics test world, as the vector says.",
        recommendation: rating >= 3 ? "yes" : "no",
      }));
      competencies = kit.stage.competencies;
      competencyRows[who].push(rating);
    }
  }
  // Interviews can only be booked ahead; these rounds then move to two hours ago, so they count as held.
  await history.moveInterviews(held, new Date(Date.now() - 2 * 3600_000));
  const practical = w.stage("practical-assessment").id;
  for (const applicationId of applications.slice(0, 2))
    expectStatus(
      await w.recruiterOn.agent.post(`/api/applications/${applicationId}/move`, {
        toStageId: practical,
        reason: "Technical screen passed.",
      }),
      200,
    );
  expectStatus(
    await w.recruiterOn.agent.post(`/api/applications/${applications[5] ?? ""}/reject`, {
      reason: "Below the bar in the technical screen.",
    }),
    200,
  );
  return { applications, competencies, competencyRows };
}
