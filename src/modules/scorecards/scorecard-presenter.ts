import type { TExecutor } from "../../db/client.js";
import type { TQuestionsRepo } from "../questions/questions.repo.js";
import type { TScorecardsRepo } from "./scorecards.repo.js";
import type { TScorecard } from "./scorecards.schema.js";

type TListedScorecard = NonNullable<Awaited<ReturnType<TScorecardsRepo["findById"]>>>;
/** The title and version number of each question version a scorecard answered, by version id. */
export type TQuestionLabels = ReadonlyMap<string, { title: string; version: number }>;

/**
 * The labels for every answer of these scorecards, in one query, so a reader never needs the
 * whole question bank to name the questions.
 */
export async function loadQuestionLabels(
  questionsRepo: Pick<TQuestionsRepo, "findVersionsByIds">,
  rows: readonly TListedScorecard[],
  executor?: TExecutor,
): Promise<TQuestionLabels> {
  const ids = new Set(rows.flatMap((r) => r.scorecard.answers.map((a) => a.questionVersionId)));
  const versions = await questionsRepo.findVersionsByIds([...ids], executor);
  return new Map(versions.map((v) => [v.id, { title: v.title, version: v.version }]));
}

export function presentScorecard(
  row: TListedScorecard,
  labels: TQuestionLabels = new Map(),
): TScorecard {
  const card = row.scorecard;
  return {
    id: card.id,
    interviewId: card.interviewId,
    applicationId: card.applicationId,
    stageId: card.stageId,
    stageName: row.stageName,
    interviewer: { id: card.interviewerId, name: row.interviewerName },
    version: card.version,
    status: card.status,
    revision: card.revision,
    answers: card.answers.map((answer) => ({
      ...answer,
      questionTitle: labels.get(answer.questionVersionId)?.title ?? null,
      questionVersion: labels.get(answer.questionVersionId)?.version ?? null,
    })),
    competencyRatings: card.competencyRatings,
    keyTakeaways: card.keyTakeaways,
    recommendation: card.recommendation,
    correctionReason: card.correctionReason,
    submittedAt: card.submittedAt?.toISOString() ?? null,
    supersededAt: card.supersededAt?.toISOString() ?? null,
    updatedAt: card.updatedAt.toISOString(),
  };
}
