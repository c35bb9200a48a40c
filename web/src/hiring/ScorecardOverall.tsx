import type { TKit } from "../api/hiring-types";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS, SCORE_LABELS } from "../api/hiring-types";
import { useCompetencyNames } from "../roles/queries";
import type { TScorecardDraft } from "./scorecard-content";

/** The overall part of a scorecard: per-competency ratings, takeaways and the recommendation. */
export function ScorecardOverall({
  kit,
  draft,
  readOnly,
  onChange,
}: {
  kit: TKit;
  draft: TScorecardDraft;
  readOnly: boolean;
  onChange: (update: (d: TScorecardDraft) => TScorecardDraft) => void;
}) {
  const competencyName = useCompetencyNames();
  return (
    <>
      {kit.stage.competencies.map((c) => (
        <fieldset key={c} className="rating-row compact" disabled={readOnly}>
          <legend>{competencyName(c)}</legend>
          {([1, 2, 3, 4] as const).map((score) => (
            <label key={score} className="rating-choice" title={SCORE_LABELS[score]}>
              <input
                type="radio"
                name={`competency-${c}`}
                aria-label={`${competencyName(c)}: ${SCORE_LABELS[score]}`}
                checked={draft.competencyRatings[c] === score}
                onChange={() =>
                  onChange((d) => ({
                    ...d,
                    competencyRatings: { ...d.competencyRatings, [c]: score },
                  }))
                }
              />
              <span aria-hidden="true">{score}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <label className="field">
        <span>Key takeaways</span>
        <textarea
          rows={4}
          value={draft.keyTakeaways}
          readOnly={readOnly}
          onChange={(e) => {
            const keyTakeaways = e.target.value;
            onChange((d) => ({ ...d, keyTakeaways }));
          }}
        />
      </label>
      <fieldset className="recommendation" disabled={readOnly}>
        <legend>Overall recommendation</legend>
        {RECOMMENDATIONS.map((r) => (
          <label key={r} className={`rec-choice rec-${r}`}>
            <input
              type="radio"
              name="recommendation"
              checked={draft.recommendation === r}
              onChange={() => onChange((d) => ({ ...d, recommendation: r }))}
            />
            <span>{RECOMMENDATION_LABELS[r]}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
