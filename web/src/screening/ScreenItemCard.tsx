import { useId } from "react";
import { Highlighted } from "./Highlighted";
import { KIND_LABELS, VERDICT_LABELS } from "./screening-types";
import type { TChecklistItem, TItemProposal, TPassage, TVerdict } from "./screening-types";

export type TItemDecision = { verdict: TVerdict; note: string };

/**
 * Several terms can match in the same passage, and a résumé may repeat a bullet word for word;
 * show each passage once, with all of its marks.
 */
function mergePassages(passages: readonly TPassage[]): TPassage[] {
  const byRange = new Map<string, TPassage>();
  for (const passage of passages) {
    const key = passage.text;
    const seen = byRange.get(key);
    if (!seen) byRange.set(key, { ...passage, highlights: [...passage.highlights] });
    else if (seen.start === passage.start)
      for (const h of passage.highlights)
        if (!seen.highlights.some((o) => o.start < h.end && h.start < o.end))
          seen.highlights.push(h);
  }
  return [...byRange.values()];
}

/** One checklist item: the proposal with its evidence, and the screener's own verdict. */
export function ScreenItemCard({
  item,
  proposal,
  decision,
  editable,
  onChange,
}: {
  item: TChecklistItem;
  proposal: TItemProposal | undefined;
  decision: TItemDecision;
  editable: boolean;
  onChange: (decision: TItemDecision) => void;
}) {
  const id = useId();
  const overridden = proposal !== undefined && decision.verdict !== proposal.verdict;
  return (
    <article className={`card screen-item verdict-${decision.verdict}`} aria-labelledby={`${id}-t`}>
      <header className="screen-item-head">
        <h3 id={`${id}-t`}>{item.label}</h3>
        <span className={`badge kind-${item.kind}`}>{KIND_LABELS[item.kind]}</span>
      </header>
      {proposal && (
        <p className="proposal-line">
          <span className="muted">Proposed:</span>{" "}
          <strong className={`verdict-text-${proposal.verdict}`}>
            {VERDICT_LABELS[proposal.verdict]}
          </strong>{" "}
          <span className="muted">({confidenceWords(proposal.confidence)})</span> —{" "}
          {proposal.reason}
        </p>
      )}
      {proposal && proposal.passages.length > 0 && (
        <div className="passages" aria-label={`Evidence for ${item.label}`}>
          {mergePassages(proposal.passages).map((passage) => (
            <Highlighted key={`${passage.start}-${passage.end}`} passage={passage} />
          ))}
        </div>
      )}
      {editable && (
        <div className="decision-row">
          <fieldset className="verdict-choice">
            <legend>Your verdict</legend>
            {(Object.keys(VERDICT_LABELS) as TVerdict[]).map((verdict) => (
              <label key={verdict}>
                <input
                  type="radio"
                  name={`${id}-verdict`}
                  value={verdict}
                  checked={decision.verdict === verdict}
                  onChange={() => onChange({ ...decision, verdict })}
                />{" "}
                {VERDICT_LABELS[verdict]}
              </label>
            ))}
            {overridden && <span className="badge badge-warn">Overridden</span>}
          </fieldset>
          <label className="note-field">
            <span className="small muted">Note (optional)</span>
            <input
              type="text"
              maxLength={1000}
              value={decision.note}
              aria-label={`Note on ${item.label}`}
              onChange={(event) => onChange({ ...decision, note: event.target.value })}
            />
          </label>
        </div>
      )}
    </article>
  );
}

/** The matcher's confidence in words: a percentage reads as more precise than it is. */
function confidenceWords(confidence: number): string {
  if (confidence >= 0.85) return "strong evidence";
  if (confidence >= 0.65) return "some evidence";
  return "weak evidence, check it";
}
