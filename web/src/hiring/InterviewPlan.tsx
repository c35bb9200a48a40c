import { useState } from "react";
import type { TRole, TRoleStage } from "../api/hiring-types";
import { ErrorBanner, Notice } from "../components/form";
import { useQuestionCatalogue } from "../questions/queries";
import { useCompetencyNames, useSaveStages } from "../roles/queries";
import { StageEditor } from "./StageEditor";
import type { TEditableStage } from "./StageEditor";

function toEditable(stage: TRoleStage): TEditableStage {
  return {
    id: stage.id,
    kind: stage.kind,
    name: stage.name,
    purpose: stage.purpose,
    durationMinutes: stage.durationMinutes,
    competencies: stage.competencies,
    questions: stage.questions.map((q) => ({ ...q })),
    checklist: stage.checklist,
  };
}

/** The role's stages in order; hiring managers and admins edit kits and durations in place. */
export function InterviewPlan({ role, canEdit }: { role: TRole; canEdit: boolean }) {
  const questions = useQuestionCatalogue();
  const competencyName = useCompetencyNames();
  const [editing, setEditing] = useState<TEditableStage[]>();
  const saveStages = useSaveStages(role.id);
  const error = saveStages.error;
  const [saved, setSaved] = useState(false);
  const titleOf = (id: string) => questions.find((q) => q.id === id)?.current.title ?? id;

  function move(index: number, by: -1 | 1) {
    if (!editing) return;
    const next = [...editing];
    const [a, b] = [next[index], next[index + by]];
    if (!a || !b) return;
    next[index] = b;
    next[index + by] = a;
    setEditing(next);
  }
  function addStage() {
    if (!editing) return;
    // A new stage goes before the decision meeting, where the plan ends.
    const decision = editing.findIndex((s) => s.kind === "decision");
    const at = decision === -1 ? editing.length : decision;
    const stage: TEditableStage = {
      kind: "custom",
      name: "New interview",
      purpose: "",
      durationMinutes: 45,
      competencies: [],
      questions: [],
      checklist: [],
    };
    setEditing([...editing.slice(0, at), stage, ...editing.slice(at)]);
  }

  function save() {
    if (!editing) return;
    saveStages.mutate(
      { stages: editing },
      {
        onSuccess: () => {
          setEditing(undefined);
          setSaved(true);
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="plan-heading">
      <div className="section-head">
        <h2 id="plan-heading">Interview plan</h2>
        {canEdit && !editing && (
          <button
            type="button"
            onClick={() => {
              setSaved(false);
              setEditing(role.stages.map(toEditable));
            }}
          >
            Edit plan
          </button>
        )}
      </div>
      <ErrorBanner error={error} />
      {saved && <Notice tone="success">The interview plan was saved.</Notice>}
      <ol className="plan">
        {(editing ?? role.stages.map(toEditable)).map((stage, index) => (
          <li key={stage.id ?? index} className="plan-stage">
            {editing ? (
              <>
                <StageEditor
                  stage={stage}
                  level={role.level}
                  questions={questions}
                  onChange={(next) => setEditing(editing.map((s, i) => (i === index ? next : s)))}
                />
                <div className="button-row small">
                  <button
                    type="button"
                    disabled={index === 0}
                    aria-label={`Move ${stage.name} earlier`}
                    onClick={() => move(index, -1)}
                  >
                    ↑ Earlier
                  </button>
                  <button
                    type="button"
                    disabled={index === editing.length - 1}
                    aria-label={`Move ${stage.name} later`}
                    onClick={() => move(index, 1)}
                  >
                    ↓ Later
                  </button>
                  <button
                    type="button"
                    className="button-quiet"
                    disabled={editing.length === 1}
                    aria-label={`Remove ${stage.name}`}
                    onClick={() => setEditing(editing.filter((_, i) => i !== index))}
                  >
                    Remove stage
                  </button>
                </div>
              </>
            ) : (
              <>
                <h3>
                  {stage.name} <span className="muted small">· {stage.durationMinutes} min</span>
                </h3>
                {stage.purpose && <p className="muted small">{stage.purpose}</p>}
                {stage.competencies.length > 0 && (
                  <p className="tags">
                    {stage.competencies.map((c) => (
                      <span key={c} className="badge badge-muted">
                        {competencyName(c)}
                      </span>
                    ))}
                  </p>
                )}
                {stage.questions.length > 0 && (
                  <ol className="kit-list small">
                    {stage.questions.map((q) => (
                      <li key={q.questionId}>
                        {titleOf(q.questionId)} <span className="muted">({q.minutes} min)</span>
                      </li>
                    ))}
                  </ol>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {editing && (
        <div className="button-row">
          <button type="button" onClick={addStage} disabled={editing.length >= 12}>
            Add a stage
          </button>
          <button type="button" className="button-primary" onClick={save}>
            Save plan
          </button>
          <button
            type="button"
            onClick={() => {
              setEditing(undefined);
              saveStages.reset();
            }}
          >
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}
