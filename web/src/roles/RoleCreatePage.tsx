import { useEffect, useState } from "react";
import type { SyntheticEvent } from "react";
import { useNavigate } from "react-router";
import { fieldErrors } from "../api/client";
import type { TLevel } from "../api/hiring-types";
import { LEVEL_LABELS, LEVELS } from "../api/hiring-types";
import { ErrorBanner, SelectField, TextField } from "../components/form";
import { PageTitle } from "../components/Layout";
import { TeamPicker } from "../hiring/TeamPicker";
import type { TTeamChoice } from "../hiring/TeamPicker";
import { TextAreaField } from "../hiring/TextAreaField";
import { WeightsEditor } from "../hiring/WeightsEditor";
import { useCurrentUser } from "../session";
import { useCreateRole, useRoleTemplates } from "./queries";

type TDraft = { title: string; scope: string; tags: string; weights: Record<string, number> };

export function RoleCreatePage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const templates = useRoleTemplates().data;
  const createRole = useCreateRole();
  const [level, setLevel] = useState<TLevel>("senior");
  const [draft, setDraft] = useState<TDraft>();
  const [team, setTeam] = useState<TTeamChoice>({});
  const error = createRole.error;
  const template = templates?.templates.find((t) => t.level === level);

  // Each level proposes its own scope, stack and weights; switching level takes the new proposal.
  useEffect(() => {
    if (!template) return;
    setDraft({
      title: template.title,
      scope: template.scope,
      tags: template.stackTags.join(", "),
      weights: { ...template.competencyWeights },
    });
  }, [template]);

  function create(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft) return;
    const members = Object.entries(team).flatMap(([userId, teamRole]) =>
      teamRole ? [{ userId, teamRole }] : [],
    );
    createRole.mutate(
      {
        title: draft.title,
        level,
        fromTemplate: true,
        scope: draft.scope,
        stackTags: draft.tags
          .split(",")
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean),
        competencyWeights: draft.weights,
        team: members,
      },
      { onSuccess: (data) => void navigate(`/roles/${data.role.id}`) },
    );
  }

  const errors = fieldErrors(error);
  return (
    <>
      <PageTitle>New role</PageTitle>
      <p className="muted">
        Start from a level template: it proposes the scope, stack, competency weights and a full
        interview plan. Change anything now or later.
      </p>
      <ErrorBanner error={error} />
      {!draft || !templates || !template ? (
        <p className="muted" role="status">
          Loading the level templates…
        </p>
      ) : (
        <form className="card stack-form" onSubmit={create} noValidate>
          <SelectField
            label="Level"
            value={level}
            onChange={(e) => setLevel(e.target.value as TLevel)}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Title"
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            error={errors.title}
            required
          />
          <TextField
            label="Stack tags"
            hint="Comma separated, e.g. django, postgresql, celery"
            value={draft.tags}
            onChange={(e) => setDraft({ ...draft, tags: e.target.value })}
            error={errors.stackTags}
          />
          <TextAreaField
            label="Scope"
            hint="What this person will own. At least 20 characters."
            value={draft.scope}
            onChange={(e) => setDraft({ ...draft, scope: e.target.value })}
            error={errors.scope}
          />
          <WeightsEditor
            competencies={templates.competencies}
            weights={draft.weights}
            proposal={template.competencyWeights}
            onChange={(weights) => setDraft({ ...draft, weights })}
            error={errors.competencyWeights}
          />
          <details className="plan-preview">
            <summary>
              The interview plan this template proposes ({template.stages.length} stages)
            </summary>
            <ol>
              {template.stages.map((s) => (
                <li key={s.name}>
                  <strong>{s.name}</strong> · {s.durationMinutes} min · {s.questions.length}{" "}
                  questions
                </li>
              ))}
            </ol>
          </details>
          <TeamPicker
            team={team}
            onChange={setTeam}
            hideId={me.role === "admin" ? undefined : me.id}
          />
          {me.role !== "admin" && (
            <p className="hint">You join the team yourself as {me.role.replace("_", " ")}.</p>
          )}
          <div>
            <button type="submit" className="button-primary" disabled={createRole.isPending}>
              Create role
            </button>
          </div>
        </form>
      )}
    </>
  );
}
