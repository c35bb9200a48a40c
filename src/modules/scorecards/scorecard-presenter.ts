import type { TScorecardsRepo } from "./scorecards.repo.js";
import type { TScorecard } from "./scorecards.schema.js";

type TListedScorecard = NonNullable<Awaited<ReturnType<TScorecardsRepo["findById"]>>>;

export function presentScorecard(row: TListedScorecard): TScorecard {
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
    answers: card.answers,
    competencyRatings: card.competencyRatings,
    keyTakeaways: card.keyTakeaways,
    recommendation: card.recommendation,
    correctionReason: card.correctionReason,
    submittedAt: card.submittedAt?.toISOString() ?? null,
    supersededAt: card.supersededAt?.toISOString() ?? null,
    updatedAt: card.updatedAt.toISOString(),
  };
}
