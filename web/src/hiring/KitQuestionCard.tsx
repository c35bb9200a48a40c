import type { TKitQuestion } from "../api/hiring-types";
import { SCORE_LABELS } from "../api/hiring-types";
import { EMPTY_ANSWER } from "./scorecard-content";
import type { TAnswerDraft, TRating } from "./scorecard-content";

const RATINGS: readonly Exclude<TRating, null>[] = [1, 2, 3, 4, "not_asked"];

/** One kit question: what to ask and listen for on the left, the answer's rating on the right. */
export function KitQuestionCard({
  question,
  answer = EMPTY_ANSWER,
  readOnly,
  onChange,
}: {
  question: TKitQuestion;
  answer?: TAnswerDraft | undefined;
  readOnly: boolean;
  onChange: (answer: TAnswerDraft) => void;
}) {
  const id = `q-${question.questionId}`;
  const toggleSignal = (signal: string, on: boolean) =>
    onChange({
      ...answer,
      signals: on ? [...answer.signals, signal] : answer.signals.filter((s) => s !== signal),
    });
  return (
    <li className="card kit-question" aria-labelledby={`${id}-title`}>
      <header className="kit-question-head">
        <h3 id={`${id}-title`}>
          {question.position}. {question.title}
        </h3>
        <span className="muted small">
          {question.minutes} min · question v{question.version}
        </span>
      </header>
      <p className="prompt">{question.prompt}</p>
      <div className="kit-columns">
        <fieldset className="signals" disabled={readOnly}>
          <legend>Signals of a strong answer</legend>
          {question.signals.map((signal) => (
            <label key={signal}>
              <input
                type="checkbox"
                checked={answer.signals.includes(signal)}
                onChange={(e) => toggleSignal(signal, e.target.checked)}
              />{" "}
              {signal}
            </label>
          ))}
        </fieldset>
        <div>
          <h4>Red flags</h4>
          <ul className="red-flags small">
            {question.redFlags.map((flag) => (
              <li key={flag}>{flag}</li>
            ))}
          </ul>
          <h4>Follow-ups</h4>
          <ul className="small">
            {question.followUps.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      </div>
      <details className="anchors">
        <summary>Rubric anchors for this level</summary>
        <dl>
          {([1, 2, 3, 4] as const).map((score) => (
            <div key={score}>
              <dt>{SCORE_LABELS[score]}</dt>
              <dd>{question.anchors[score]}</dd>
            </div>
          ))}
        </dl>
      </details>
      <fieldset className="rating-row" disabled={readOnly}>
        <legend>Rating for “{question.title}”</legend>
        {RATINGS.map((rating) => (
          <label
            key={rating}
            className="rating-choice"
            title={rating === "not_asked" ? undefined : question.anchors[rating]}
          >
            <input
              type="radio"
              name={`${id}-rating`}
              checked={answer.rating === rating}
              onChange={() => onChange({ ...answer, rating })}
            />
            <span>{rating === "not_asked" ? "Not asked" : SCORE_LABELS[rating]}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Notes on “{question.title}”</span>
        <textarea
          rows={3}
          value={answer.notes}
          readOnly={readOnly}
          onChange={(e) => onChange({ ...answer, notes: e.target.value })}
        />
      </label>
    </li>
  );
}
