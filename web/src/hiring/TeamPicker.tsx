import { ROLE_LABELS } from "../api/client";
import type { TPerson, TTeamRole } from "../api/hiring-types";
import { TEAM_ROLE_LABELS } from "../api/hiring-types";

export type TTeamChoice = Record<string, TTeamRole | "">;

/** Everyone who can be on a hiring team, each with their place on this role's team. */
export function TeamPicker({
  people,
  team,
  onChange,
}: {
  people: readonly TPerson[];
  team: TTeamChoice;
  onChange: (team: TTeamChoice) => void;
}) {
  return (
    <fieldset className="team-picker">
      <legend>Hiring team</legend>
      <p className="hint">
        Interviewers see only the candidates they interview; recruiters and hiring managers run the
        pipeline; hiring managers read every scorecard and decide.
      </p>
      <ul className="plain-list">
        {people.map((person) => (
          <li key={person.id}>
            <span>
              {person.name} <span className="muted small">{ROLE_LABELS[person.role]}</span>
            </span>
            <select
              aria-label={`Team role for ${person.name}`}
              value={team[person.id] ?? ""}
              onChange={(e) => onChange({ ...team, [person.id]: e.target.value as TTeamRole | "" })}
            >
              <option value="">Not on the team</option>
              {(Object.keys(TEAM_ROLE_LABELS) as TTeamRole[]).map((r) => (
                <option key={r} value={r}>
                  {TEAM_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function defaultTeamRole(person: TPerson): TTeamRole | "" {
  if (person.role === "hiring_manager") return "hiring_manager";
  if (person.role === "recruiter") return "recruiter";
  if (person.role === "interviewer") return "interviewer";
  return "";
}
