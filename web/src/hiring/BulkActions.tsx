import { useState } from "react";
import type { TRole } from "../api/hiring-types";

/**
 * What to do with the selected cards: move them all to one stage, or reject them with one reason
 * (asked in the reject dialog). Shown only while something is selected.
 */
export function BulkActions({
  count,
  stages,
  busy,
  onMove,
  onReject,
  onClear,
}: {
  count: number;
  stages: TRole["stages"];
  busy: boolean;
  onMove: (stageId: string) => void;
  onReject: () => void;
  onClear: () => void;
}) {
  const [stageId, setStageId] = useState(stages[0]?.id ?? "");
  return (
    <div className="bulk-actions" role="group" aria-label="Selected applications">
      <strong>{count === 1 ? "1 selected" : `${count} selected`}</strong>
      <label>
        Move to{" "}
        <select value={stageId} onChange={(e) => setStageId(e.target.value)}>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy} onClick={() => onMove(stageId)}>
        Move selected
      </button>
      <button type="button" className="button-danger" disabled={busy} onClick={onReject}>
        Reject selected…
      </button>
      <button type="button" className="button-quiet" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
