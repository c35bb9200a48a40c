import type { TDecisionSummary } from "../api/hiring-types";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS } from "../api/hiring-types";
import { useCompetencyNames } from "../roles/queries";

type TTally = TDecisionSummary["tally"];

/** Recommendation counts and competency averages as tables whose bars are decoration. */
export function TallyCharts({ tally }: { tally: TTally }) {
  const competencyName = useCompetencyNames();
  const maxVotes = Math.max(1, ...RECOMMENDATIONS.map((r) => tally.recommendations[r]));
  const rated = tally.competencies.filter((c) => c.average !== null || c.weight > 0);
  return (
    <div className="two-columns">
      <table className="chart-table">
        <caption>Recommendations</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Recommendation</th>
            <th scope="col">Bar</th>
            <th scope="col">Scorecards</th>
          </tr>
        </thead>
        <tbody>
          {RECOMMENDATIONS.map((r) => (
            <tr key={r}>
              <th scope="row">{RECOMMENDATION_LABELS[r]}</th>
              <td className="bar-cell" aria-hidden="true">
                <span
                  className={`bar rec-bar-${r}`}
                  style={{ width: `${(tally.recommendations[r] / maxVotes) * 100}%` }}
                />
              </td>
              <td className="count">{tally.recommendations[r]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="chart-table">
        <caption>
          Competency averages (1–4)
          {tally.weightedAverage !== null && (
            <span className="muted small"> · weighted {tally.weightedAverage.toFixed(2)}</span>
          )}
        </caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Competency (weight)</th>
            <th scope="col">Bar</th>
            <th scope="col">Average</th>
          </tr>
        </thead>
        <tbody>
          {rated.map((c) => (
            <tr key={c.competencyId}>
              <th scope="row">
                {competencyName(c.competencyId)} <span className="muted small">({c.weight}%)</span>
              </th>
              <td className="bar-cell" aria-hidden="true">
                <span className="bar" style={{ width: `${((c.average ?? 0) / 4) * 100}%` }} />
              </td>
              <td className="count">
                {c.average === null ? "—" : c.average.toFixed(1)}
                <span className="visually-hidden"> from {c.ratings} ratings</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
