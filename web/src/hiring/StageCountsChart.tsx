import { Link } from "react-router";
import type { TDashboard } from "../api/hiring-types";
import { LEVEL_LABELS } from "../api/hiring-types";

type TRoleCounts = TDashboard["roles"][number];

/** One role's active applications per stage: a table whose middle column is drawn as a bar. */
export function StageCountsChart({ role }: { role: TRoleCounts }) {
  const max = Math.max(1, ...role.stages.map((s) => s.activeApplications));
  const total = role.stages.reduce((sum, s) => sum + s.activeApplications, 0);
  return (
    <figure className="card stage-chart">
      <table>
        <caption>
          <Link to={`/roles/${role.id}`}>{role.title}</Link>{" "}
          <span className="badge badge-muted">{LEVEL_LABELS[role.level]}</span>
          {role.status === "closed" && <span className="badge badge-muted">Closed</span>}
          <span className="muted small"> · {total} active</span>
        </caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Share</th>
            <th scope="col">Active applications</th>
          </tr>
        </thead>
        <tbody>
          {role.stages.map((stage) => (
            <tr key={stage.id}>
              <th scope="row">{stage.name}</th>
              <td className="bar-cell" aria-hidden="true">
                <span
                  className="bar"
                  style={{ width: `${(stage.activeApplications / max) * 100}%` }}
                />
              </td>
              <td className="count">{stage.activeApplications}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
