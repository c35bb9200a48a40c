import { useState } from "react";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import type { TRole } from "../api/hiring-types";
import { ErrorBanner, SelectField, TextField } from "../components/form";
import { TeamPicker } from "../hiring/TeamPicker";
import type { TTeamChoice } from "../hiring/TeamPicker";
import { TextAreaField } from "../hiring/TextAreaField";
import { WeightsEditor } from "../hiring/WeightsEditor";
import { useRoleTemplates, useSaveTeam, useUpdateRole } from "./queries";

type TDraft = {
  title: string;
  status: TRole["status"];
  scope: string;
  tags: string;
  bar: string;
  weights: Record<string, number>;
};

function draftOf(role: TRole): TDraft {
  return {
    title: role.title,
    status: role.status,
    scope: role.scope,
    tags: role.stackTags.join(", "),
    bar: String(role.bar),
    weights: { ...role.competencyWeights },
  };
}

/** The role's own fields: title, open or closed, scope, stack, weights and the shortlist bar. */
export function RoleDetailsForm({ role, onDone }: { role: TRole; onDone: () => void }) {
  const templates = useRoleTemplates().data;
  const updateRole = useUpdateRole(role.id);
  const [draft, setDraft] = useState<TDraft>(() => draftOf(role));
  const errors = fieldErrors(updateRole.error);
  const template = templates?.templates.find((t) => t.level === role.level);

  function save(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    updateRole.mutate(
      {
        title: draft.title,
        status: draft.status,
        scope: draft.scope,
        stackTags: draft.tags
          .split(",")
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean),
        competencyWeights: draft.weights,
        bar: Number(draft.bar),
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="stack-form" onSubmit={save} noValidate aria-label="Role details">
      <ErrorBanner error={updateRole.error} />
      <TextField
        label="Title"
        value={draft.title}
        onChange={(e) => setDraft({ ...draft, title: e.target.value })}
        error={errors.title}
        required
      />
      <SelectField
        label="Status"
        hint="A closed role takes no new candidates; its pipeline and scorecards stay."
        value={draft.status}
        onChange={(e) => setDraft({ ...draft, status: e.target.value as TRole["status"] })}
      >
        <option value="open">Open</option>
        <option value="closed">Closed</option>
      </SelectField>
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
      <TextField
        label="Shortlist bar"
        hint="On the 1–4 scorecard scale; the shortlist shows how likely each candidate is above it."
        type="number"
        inputMode="decimal"
        min={1}
        max={4}
        step={0.1}
        value={draft.bar}
        onChange={(e) => setDraft({ ...draft, bar: e.target.value })}
        error={errors.bar}
      />
      {templates && (
        <WeightsEditor
          competencies={templates.competencies}
          weights={draft.weights}
          proposal={template?.competencyWeights ?? role.competencyWeights}
          onChange={(weights) => setDraft({ ...draft, weights })}
          error={errors.competencyWeights}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={updateRole.isPending}>
          Save the role
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Who is on the hiring team and in which part. */
export function RoleTeamForm({ role, onDone }: { role: TRole; onDone: () => void }) {
  const saveTeam = useSaveTeam(role.id);
  const [team, setTeam] = useState<TTeamChoice>(() =>
    Object.fromEntries(role.team.map((m) => [m.userId, m.teamRole])),
  );

  function save(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const members = Object.entries(team).flatMap(([userId, teamRole]) =>
      teamRole ? [{ userId, teamRole }] : [],
    );
    saveTeam.mutate({ members }, { onSuccess: onDone });
  }

  return (
    <form className="stack-form" onSubmit={save} noValidate aria-label="Hiring team">
      <ErrorBanner error={saveTeam.error} />
      <TeamPicker
        team={team}
        onChange={setTeam}
        members={role.team.map((m) => ({ id: m.userId, name: m.name }))}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={saveTeam.isPending}>
          Save the team
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
