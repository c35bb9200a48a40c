import { useState } from "react";
import { Link } from "react-router";
import type { TCompetencyId, TLevel, TQuestionArea } from "../api/hiring-types";
import { AREA_LABELS, LEVEL_LABELS, LEVELS } from "../api/hiring-types";
import { ErrorBanner, SelectField } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useRoleTemplates } from "../roles/queries";
import { useQuestions } from "./queries";
import { useWeakQuestions, WeakQuestionFlag } from "../analytics/WeakQuestionFlag";

export function QuestionsPage() {
  const templates = useRoleTemplates().data;
  const [filter, setFilter] = useState({ q: "", competency: "", level: "", area: "" });
  const query = {
    q: filter.q.trim() || undefined,
    competency: (filter.competency || undefined) as TCompetencyId | undefined,
    level: (filter.level || undefined) as TLevel | undefined,
    area: (filter.area || undefined) as TQuestionArea | undefined,
    limit: 200,
  };
  const { data, error } = useQuestions(query);
  const weak = useWeakQuestions();
  const set = (key: keyof typeof filter) => (value: string) =>
    setFilter({ ...filter, [key]: value });
  return (
    <>
      <PageTitle>Question bank</PageTitle>
      <p className="muted">
        Interview questions with the signals to listen for and anchored 1–4 rubrics.
      </p>
      <form className="card inline-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="question-search">Search</label>
          <input
            id="question-search"
            type="search"
            value={filter.q}
            onChange={(e) => set("q")(e.target.value)}
          />
        </div>
        <SelectField
          label="Competency"
          value={filter.competency}
          onChange={(e) => set("competency")(e.target.value)}
        >
          <option value="">Any</option>
          {templates?.competencies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Level"
          value={filter.level}
          onChange={(e) => set("level")(e.target.value)}
        >
          <option value="">Any</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Area" value={filter.area} onChange={(e) => set("area")(e.target.value)}>
          <option value="">Any</option>
          {(Object.keys(AREA_LABELS) as TQuestionArea[]).map((a) => (
            <option key={a} value={a}>
              {AREA_LABELS[a]}
            </option>
          ))}
        </SelectField>
      </form>
      <ErrorBanner error={error} />
      {data && (
        <section className="card" aria-live="polite" aria-label="Questions">
          <p className="muted small">{data.total} question(s)</p>
          <ul className="question-list">
            {data.questions.map((q) => (
              <li key={q.id}>
                <Link to={`/questions/${q.id}`}>{q.current.title}</Link>
                <span className="muted small">
                  {AREA_LABELS[q.current.area]} ·{" "}
                  {q.current.levels.map((l) => LEVEL_LABELS[l]).join(", ")} ·{" "}
                  {q.current.suggestedMinutes} min · v{q.latestVersion}
                </span>
                {weak.has(q.id) && (
                  <WeakQuestionFlag questionId={q.id} discrimination={weak.get(q.id) ?? null} />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
