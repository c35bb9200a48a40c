import { Link } from "react-router";
import { ROLE_LABELS } from "../api/client";
import { PageTitle } from "../components/Layout";
import { useCurrentUser } from "../session";

const STAGES = [
  { name: "Define the role", text: "Level, stack and the competencies that matter, weighted." },
  { name: "Resume screen", text: "A checklist per role, with the evidence for every item." },
  { name: "Screening call", text: "Focused questions with the signals of a strong answer." },
  { name: "Practical assessment", text: "A time-boxed Django task, graded in a sandbox." },
  {
    name: "Technical deep dive",
    text: "Architecture, performance and security, on anchored rubrics.",
  },
  { name: "Team fit", text: "Collaboration, ownership and how they handle the unknown." },
  { name: "Decision", text: "Independent scorecards side by side, then a reasoned call." },
];

export function HomePage() {
  const user = useCurrentUser();
  return (
    <>
      <PageTitle>Welcome, {user.name.split(" ")[0]}</PageTitle>
      <p className="muted">
        You are signed in as {ROLE_LABELS[user.role]}. Shortlist runs the structured screen for
        Django hires, stage by stage.
      </p>
      <ol className="stages" aria-label="The structured screen">
        {STAGES.map((stage, index) => (
          <li key={stage.name} className="card stage">
            <span className="stage-number" aria-hidden="true">
              {index + 1}
            </span>
            <h2>{stage.name}</h2>
            <p>{stage.text}</p>
          </li>
        ))}
      </ol>
      {user.role === "admin" && (
        <p>
          Start by <Link to="/team">inviting your hiring team</Link>.
        </p>
      )}
    </>
  );
}
