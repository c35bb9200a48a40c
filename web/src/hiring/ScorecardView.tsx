import type { TScorecard } from "../api/hiring-types";
import { formatDateTime, RECOMMENDATION_LABELS } from "../api/hiring-types";
import { useQuestionCatalogue } from "../questions/queries";
import { useCompetencyNames } from "../roles/queries";

export type TVersionLabels = ReadonlyMap<string, { title: string; version: number }>;

export function RecommendationBadge({ value }: { value: TScorecard["recommendation"] }) {
  if (!value) return <span className="badge badge-muted">No recommendation</span>;
  return <span className={`badge rec-${value}`}>{RECOMMENDATION_LABELS[value]}</span>;
}

/** A submitted (or draft) scorecard, read-only. */
export function ScorecardView({
  scorecard,
  versions,
  compact = false,
}: {
  scorecard: TScorecard;
  versions?: TVersionLabels;
  compact?: boolean;
}) {
  const competencyName = useCompetencyNames();
  const catalogue = useQuestionCatalogue();
  const label = (answer: TScorecard["answers"][number]) => {
    const pinned = versions?.get(answer.questionVersionId);
    if (pinned) return `${pinned.title} (v${pinned.version})`;
    return catalogue.find((q) => q.id === answer.questionId)?.current.title ?? answer.questionId;
  };
  return (
    <article className="scorecard-view" aria-label={`Scorecard by ${scorecard.interviewer.name}`}>
      <header>
        <h3>{scorecard.interviewer.name}</h3>
        <RecommendationBadge value={scorecard.recommendation} />
        <p className="muted small">
          {scorecard.stageName} · version {scorecard.version}
          {scorecard.submittedAt
            ? ` · submitted ${formatDateTime(scorecard.submittedAt)}`
            : " · draft"}
        </p>
        {scorecard.correctionReason && (
          <p className="small">Correction: {scorecard.correctionReason}</p>
        )}
      </header>
      <h4>Key takeaways</h4>
      <p className="prewrap">{scorecard.keyTakeaways || "—"}</p>
      <h4>Competencies</h4>
      <dl className="ratings">
        {Object.entries(scorecard.competencyRatings).map(([id, rating]) => (
          <div key={id}>
            <dt>{competencyName(id)}</dt>
            <dd>
              <span className={`score score-${rating}`}>{rating}</span>
            </dd>
          </div>
        ))}
      </dl>
      {!compact && (
        <>
          <h4>Questions</h4>
          <ol className="answers">
            {scorecard.answers.map((answer) => (
              <li key={answer.questionId}>
                <div className="answer-head">
                  <span>{label(answer)}</span>
                  <span
                    className={
                      answer.rating === "not_asked" || answer.rating === null
                        ? "muted small"
                        : `score score-${answer.rating}`
                    }
                  >
                    {answer.rating === "not_asked" ? "Not asked" : (answer.rating ?? "—")}
                  </span>
                </div>
                {answer.signals.length > 0 && (
                  <p className="small muted">Signals: {answer.signals.join("; ")}</p>
                )}
                {answer.notes && <p className="small prewrap">{answer.notes}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}
