const STAGES = [
  ["Define the role", "Level, stack and the competencies that matter, weighted."],
  ["Résumé screen", "A checklist per role, with the evidence for every item."],
  ["Screening call", "Focused questions with the signals of a strong answer."],
  ["Practical assessment", "A time-boxed Django task, graded in a sandbox."],
  ["Technical deep dive", "Architecture, performance and security, on anchored rubrics."],
  ["Team fit", "Collaboration, ownership and how they handle the unknown."],
  ["Decision", "Independent scorecards side by side, then a reasoned call."],
] as const;

/** The structured screen in one line per stage, folded away for people who know it. */
export function StagesOverview() {
  return (
    <details className="card stages-overview">
      <summary>How the structured screen works</summary>
      <ol>
        {STAGES.map(([name, text]) => (
          <li key={name}>
            <strong>{name}</strong> — <span className="muted">{text}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
