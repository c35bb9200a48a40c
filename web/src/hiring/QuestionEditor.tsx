import type { SyntheticEvent } from "react";
import type { TQuestion, TQuestionVersion, TRubricAnchors } from "../api/hiring-types";
import { LEVEL_LABELS } from "../api/hiring-types";
import { readForm } from "../components/form-data";
import { ErrorBanner, TextField } from "../components/form";
import { useCreateQuestionVersion } from "../questions/queries";
import { TextAreaField } from "./TextAreaField";

type TRubricKey = keyof TQuestionVersion["rubric"];
const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** Editing appends a new version; interviews already scheduled keep the wording they pinned. */
export function QuestionEditor({
  question,
  onSaved,
  onCancel,
}: {
  question: TQuestion;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const current = question.current;
  const createVersion = useCreateQuestionVersion(question.id);
  const error = createVersion.error;
  const rubricKeys = (["default", "junior", "mid", "senior"] as const).filter(
    (k) => current.rubric[k],
  );

  function save(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = readForm(event);
    const anchors = (key: TRubricKey): TRubricAnchors => ({
      1: text(`${key}-1`),
      2: text(`${key}-2`),
      3: text(`${key}-3`),
      4: text(`${key}-4`),
    });
    const rubric = Object.fromEntries(
      rubricKeys.map((k) => [k, anchors(k)]),
    ) as TQuestionVersion["rubric"];
    createVersion.mutate(
      {
        changeNote: text("changeNote"),
        content: {
          area: current.area,
          title: text("title"),
          prompt: text("prompt"),
          competencies: current.competencies,
          levels: current.levels,
          ...(current.cultureFacets ? { cultureFacets: current.cultureFacets } : {}),
          suggestedMinutes: Number(text("suggestedMinutes")),
          signals: lines(text("signals")),
          redFlags: lines(text("redFlags")),
          followUps: lines(text("followUps")),
          rubric,
        },
      },
      { onSuccess: onSaved },
    );
  }

  return (
    <form className="card stack-form" onSubmit={save} noValidate aria-label="Edit question">
      <h2>Edit — saves version {question.latestVersion + 1}</h2>
      <ErrorBanner error={error} />
      {error?.fields && (
        <ul className="field-error small">
          {error.fields.map((f) => (
            <li key={f.field}>
              {f.field.replace(/^body\.content\./, "")} {f.message}
            </li>
          ))}
        </ul>
      )}
      <TextField label="Title" name="title" defaultValue={current.title} />
      <TextAreaField label="Prompt" name="prompt" defaultValue={current.prompt} />
      <TextField
        label="Suggested minutes"
        name="suggestedMinutes"
        type="number"
        min={3}
        max={20}
        defaultValue={current.suggestedMinutes}
      />
      <TextAreaField
        label="Signals"
        hint="One per line (4–7)."
        name="signals"
        rows={6}
        defaultValue={current.signals.join("\n")}
      />
      <TextAreaField
        label="Red flags"
        hint="One per line (2–4)."
        name="redFlags"
        defaultValue={current.redFlags.join("\n")}
      />
      <TextAreaField
        label="Follow-ups"
        hint="One per line (2–4)."
        name="followUps"
        defaultValue={current.followUps.join("\n")}
      />
      {rubricKeys.map((key) => (
        <fieldset key={key} className="stack-form">
          <legend>Anchors — {key === "default" ? "all levels" : LEVEL_LABELS[key]}</legend>
          {([1, 2, 3, 4] as const).map((score) => (
            <TextAreaField
              key={score}
              label={`Score ${score}`}
              name={`${key}-${score}`}
              rows={2}
              defaultValue={current.rubric[key]?.[score]}
            />
          ))}
        </fieldset>
      ))}
      <TextField
        label="What changed"
        name="changeNote"
        required
        hint="Shown in the version history."
      />
      <div className="button-row">
        <button type="submit" className="button-primary">
          Save new version
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
