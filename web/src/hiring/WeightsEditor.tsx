import type { TCompetency } from "../api/hiring-types";

type TWeights = Record<string, number>;

/** Competency weights as number inputs that must add up to 100, with the template's proposal. */
export function WeightsEditor({
  competencies,
  weights,
  proposal,
  onChange,
  error,
}: {
  competencies: readonly TCompetency[];
  weights: TWeights;
  proposal: TWeights;
  onChange: (weights: TWeights) => void;
  error?: string | undefined;
}) {
  const sum = competencies.reduce((total, c) => total + (weights[c.id] ?? 0), 0);
  const changed = competencies.some((c) => weights[c.id] !== proposal[c.id]);
  return (
    <fieldset className="weights">
      <legend>Competency weights</legend>
      <p className="hint">
        How much each competency counts in the decision. They must add up to 100.
      </p>
      <div className="weights-grid">
        {competencies.map((c) => (
          <label key={c.id} className="weight-row" title={c.description}>
            <span>{c.name}</span>
            <input
              type="number"
              min={0}
              max={100}
              inputMode="numeric"
              value={weights[c.id] ?? 0}
              onChange={(e) => onChange({ ...weights, [c.id]: Number(e.target.value) || 0 })}
            />
            <span className="muted small" aria-label={`template proposes ${proposal[c.id] ?? 0}`}>
              ({proposal[c.id] ?? 0})
            </span>
          </label>
        ))}
      </div>
      <p className={sum === 100 ? "hint" : "field-error"} aria-live="polite">
        Total {sum} of 100
        {sum === 100 ? "" : ` — ${sum > 100 ? "remove" : "add"} ${Math.abs(100 - sum)}`}. Numbers in
        brackets are the template's proposal.
      </p>
      {changed && (
        <button type="button" className="button-quiet" onClick={() => onChange({ ...proposal })}>
          Use the template's weights
        </button>
      )}
      {error && <p className="field-error">Competency weights {error}</p>}
    </fieldset>
  );
}
