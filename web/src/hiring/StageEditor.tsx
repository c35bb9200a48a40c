import { useState } from "react";
import type { TLevel, TQuestion, TRoleStage } from "../api/hiring-types";

// The resume screen and the decision meeting are not interviews, so they have no question kit.
const QUESTION_STAGES = new Set<string>([
  "technical-screen",
  "practical-assessment",
  "technical-deep-dive",
  "culture-fit",
  "custom",
]);

export type TEditableStage = Omit<TRoleStage, "id" | "position" | "activeApplications"> & {
  id?: string;
};

/** One stage's duration and kit: reorder, remove and add questions from the bank. */
export function StageEditor({
  stage,
  level,
  questions,
  onChange,
}: {
  stage: TEditableStage;
  level: TLevel;
  questions: readonly TQuestion[];
  onChange: (stage: TEditableStage) => void;
}) {
  const [adding, setAdding] = useState("");
  const titleOf = (id: string) => questions.find((q) => q.id === id)?.current.title ?? id;
  const kit = stage.questions;
  const available = questions.filter(
    (q) => q.current.levels.includes(level) && !kit.some((k) => k.questionId === q.id),
  );
  const kitMinutes = kit.reduce((sum, q) => sum + q.minutes, 0);

  function setKit(next: TEditableStage["questions"]) {
    onChange({ ...stage, questions: next });
  }
  function swap(i: number, j: number) {
    const next = [...kit];
    const [a, b] = [next[i], next[j]];
    if (!a || !b) return;
    next[i] = b;
    next[j] = a;
    setKit(next);
  }
  function add() {
    const question = questions.find((q) => q.id === adding);
    if (!question) return;
    setKit([...kit, { questionId: question.id, minutes: question.current.suggestedMinutes }]);
    setAdding("");
  }

  return (
    <fieldset className="stage-editor">
      <legend>{stage.name || "New stage"}</legend>
      <label className="inline-label">
        Stage name
        <input
          type="text"
          minLength={3}
          maxLength={80}
          value={stage.name}
          onChange={(e) => onChange({ ...stage, name: e.target.value })}
        />
      </label>
      <label className="inline-label">
        Duration (minutes)
        <input
          type="number"
          min={5}
          max={480}
          value={stage.durationMinutes}
          onChange={(e) => onChange({ ...stage, durationMinutes: Number(e.target.value) || 0 })}
        />
      </label>
      {kit.length > 0 && (
        <p className={kitMinutes > stage.durationMinutes ? "field-error" : "hint"}>
          Kit questions take {kitMinutes} of {stage.durationMinutes} minutes.
        </p>
      )}
      <ol className="kit-edit">
        {kit.map((item, i) => {
          const title = titleOf(item.questionId);
          return (
            <li key={item.questionId}>
              <span className="kit-title">{title}</span>
              <label className="inline-label small">
                Minutes
                <input
                  type="number"
                  min={1}
                  max={60}
                  value={item.minutes}
                  aria-label={`Minutes for ${title}`}
                  onChange={(e) =>
                    setKit(
                      kit.map((k, n) =>
                        n === i ? { ...k, minutes: Number(e.target.value) || 1 } : k,
                      ),
                    )
                  }
                />
              </label>
              <button
                type="button"
                aria-label={`Move ${title} up`}
                disabled={i === 0}
                onClick={() => swap(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move ${title} down`}
                disabled={i === kit.length - 1}
                onClick={() => swap(i, i + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button-quiet"
                aria-label={`Remove ${title}`}
                onClick={() => setKit(kit.filter((_, n) => n !== i))}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      {QUESTION_STAGES.has(stage.kind) && (
        <div className="add-question">
          <select
            aria-label={`Add a question to ${stage.name}`}
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
          >
            <option value="">Add a question from the bank…</option>
            {available.map((q) => (
              <option key={q.id} value={q.id}>
                {q.current.title} ({q.current.suggestedMinutes} min)
              </option>
            ))}
          </select>
          <button type="button" disabled={!adding} onClick={add}>
            Add
          </button>
        </div>
      )}
    </fieldset>
  );
}
