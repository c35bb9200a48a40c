import { useEffect, useMemo, useState } from "react";
import { ROLE_LABELS } from "../api/client";
import type { TPerson, TTeamRole } from "../api/hiring-types";
import { TEAM_ROLE_LABELS } from "../api/hiring-types";
import { ShowMore } from "../components/ShowMore";
import { usePeople } from "../roles/queries";

export type TTeamChoice = Record<string, TTeamRole | "">;

/** Someone the picker can name: from the people list, or a current member of the role's team. */
type TKnownPerson = { id: string; name: string; role?: TPerson["role"] };

const SEARCH_DELAY_MS = 250;

/**
 * The hiring team: who is on it first, then everyone else in alphabetical order, 50 at a time with
 * a search by name or e-mail, so an organisation of any size can build a team.
 */
export function TeamPicker({
  team,
  onChange,
  members = [],
  hideId,
}: {
  team: TTeamChoice;
  onChange: (team: TTeamChoice) => void;
  /** The team as saved, with names (people beyond the first page still show). */
  members?: readonly TKnownPerson[];
  /** Someone not to offer (the creator, who joins by themselves). */
  hideId?: string;
}) {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const people = usePeople(q);
  const loaded = useMemo(
    () => people.data?.pages.flatMap((page) => page.people) ?? [],
    [people.data],
  );
  const total = people.data?.pages[0]?.total ?? 0;
  // Names of everyone seen so far, so a choice stays listed when a search hides its page.
  const [known, setKnown] = useState<Map<string, TKnownPerson>>(
    () => new Map(members.map((m) => [m.id, m])),
  );
  useEffect(() => {
    if (loaded.length === 0) return;
    setKnown((before) => {
      const next = new Map(before);
      for (const person of loaded) next.set(person.id, person);
      return next.size === before.size ? before : next;
    });
  }, [loaded]);

  const chosen = Object.entries(team)
    .filter(([id, teamRole]) => teamRole && id !== hideId)
    .map(([id]) => known.get(id) ?? { id, name: "Someone on the team" })
    .sort((a, b) => a.name.localeCompare(b.name));
  const others = loaded.filter((p) => !team[p.id] && p.id !== hideId);

  const row = (person: TKnownPerson) => (
    <li key={person.id}>
      <span>
        {person.name}{" "}
        {person.role && <span className="muted small">{ROLE_LABELS[person.role]}</span>}
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
  );

  return (
    <fieldset className="team-picker">
      <legend>Hiring team</legend>
      <p className="hint">
        Interviewers see only the candidates they interview; recruiters and hiring managers run the
        pipeline; hiring managers read every scorecard and decide.
      </p>
      {chosen.length > 0 && (
        <>
          <h3 className="small">On the team ({chosen.length})</h3>
          <ul className="plain-list" aria-label="On the team">
            {chosen.map(row)}
          </ul>
        </>
      )}
      <div className="field search-field">
        <label htmlFor="team-picker-search">Find people by name or e-mail</label>
        <input
          id="team-picker-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {people.data && others.length === 0 && (
        <p className="muted small">{q ? `Nobody else matches “${q}”.` : "Nobody else to add."}</p>
      )}
      <ul className="plain-list" aria-label="Everyone else">
        {others.map(row)}
      </ul>
      <ShowMore
        shown={loaded.length}
        total={total}
        noun="people"
        query={people}
        testId="team-picker-count"
      />
    </fieldset>
  );
}

export function defaultTeamRole(person: TPerson): TTeamRole | "" {
  if (person.role === "hiring_manager") return "hiring_manager";
  if (person.role === "recruiter") return "recruiter";
  if (person.role === "interviewer") return "interviewer";
  return "";
}
