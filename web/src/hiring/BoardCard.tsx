import type { KeyboardEvent } from "react";
import { Link } from "react-router";
import { RECOMMENDATION_LABELS } from "../api/hiring-types";
import type { TBoardCard } from "../applications/board-cache";
import { OUTCOME_LABELS } from "../screening/screening-types";

const DAY_MS = 24 * 60 * 60 * 1000;

function daysInStage(since: string) {
  const days = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / DAY_MS));
  return days === 0 ? "new today" : days === 1 ? "1 day here" : `${days} days here`;
}

/**
 * One compact card: name, what is known so far (screen, latest recommendation), days in the stage,
 * and for the pipeline a select box and the three moves. Arrow keys on the focused card move it.
 */
export function BoardCard({
  card,
  stageName,
  nextStageName,
  canManage,
  selected,
  onSelect,
  onKey,
  onMoveNext,
  onClose,
  onBlur,
}: {
  card: TBoardCard;
  stageName: string;
  nextStageName: string | undefined;
  canManage: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onKey: (event: KeyboardEvent<HTMLElement>) => void;
  onMoveNext: () => void;
  onClose: (kind: "reject" | "withdraw") => void;
  onBlur: (leftForElsewhere: boolean) => void;
}) {
  const name = card.candidate.name;
  return (
    <li
      id={`card-${card.id}`}
      className={selected ? "board-card board-card-selected" : "board-card"}
      tabIndex={0}
      draggable={canManage}
      aria-keyshortcuts={canManage ? "ArrowLeft ArrowRight" : undefined}
      aria-label={`${name}, ${stageName}`}
      onDragStart={(e) => e.dataTransfer.setData("text/plain", card.id)}
      onKeyDown={onKey}
      onBlur={(e) => onBlur(e.relatedTarget !== null)}
    >
      <div className="board-card-head">
        {canManage && (
          <input
            type="checkbox"
            aria-label={`Select ${name}`}
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
          />
        )}
        <Link to={`/applications/${card.id}`}>{name}</Link>
      </div>
      <p className="board-card-facts">
        {card.screenOutcome && (
          <span className={`badge screen-${card.screenOutcome}`}>
            Screen: {OUTCOME_LABELS[card.screenOutcome]}
          </span>
        )}
        {card.latestRecommendation && (
          <span className={`badge rec-${card.latestRecommendation}`}>
            {RECOMMENDATION_LABELS[card.latestRecommendation]}
          </span>
        )}
        <span className="muted">{daysInStage(card.inStageSince)}</span>
      </p>
      {canManage && (
        <div className="card-actions">
          {nextStageName && (
            <button
              type="button"
              className="card-move"
              aria-label={`Move ${name} to ${nextStageName}`}
              title={`Move to ${nextStageName}`}
              onClick={onMoveNext}
            >
              →
            </button>
          )}
          <button type="button" className="button-quiet" onClick={() => onClose("reject")}>
            Reject
          </button>
          <button type="button" className="button-quiet" onClick={() => onClose("withdraw")}>
            Withdraw
          </button>
        </div>
      )}
    </li>
  );
}
