import type { TCalibrationReport } from "./queries";
import { fixed, interval, signed } from "./format";
import { LazyLeniencyChart } from "./LazyChart";
import { ScrollRegion } from "../components/ScrollRegion";

type TInterviewer = TCalibrationReport["interviewers"][number];

function FlagBadge({ interviewer }: { interviewer: TInterviewer }) {
  const { direction } = interviewer.leniency;
  if (direction === "none") return <span className="muted small">Calibrated</span>;
  return (
    <span className="badge badge-flag">
      {direction === "lenient" ? "Flagged: lenient" : "Flagged: severe"}
    </span>
  );
}

/** Interviewer calibration: leniency against the rest of the panel, with its interval. */
export function CalibrationSection({ report }: { report: TCalibrationReport }) {
  const compared = report.interviewers.filter((i) => i.leniency.mean !== null);
  const data = compared.map((i) => ({
    name: i.name,
    mean: i.leniency.mean ?? 0,
    error: [
      (i.leniency.mean ?? 0) - (i.leniency.low ?? i.leniency.mean ?? 0),
      (i.leniency.high ?? i.leniency.mean ?? 0) - (i.leniency.mean ?? 0),
    ],
  }));
  return (
    <section aria-labelledby="calibration-heading" className="analytics-section">
      <h2 id="calibration-heading">Interviewer calibration</h2>
      <p className="muted">
        Leniency is how far an interviewer&apos;s competency ratings sit from the other raters of
        the same candidate, on average, with a 95% interval clustered by candidate. An interviewer
        is flagged only when the interval excludes 0 and there are at least {report.minComparisons}{" "}
        comparisons. The adjusted value shrinks towards 0 when there is little evidence (d·n/(n+
        {report.lambda})).
      </p>
      <figure className="card analytics-chart">
        <figcaption>
          <h3 id="leniency-heading">Leniency per interviewer (rating points)</h3>
        </figcaption>
        {data.length > 0 && (
          <div aria-hidden="true" className="chart-box">
            <LazyLeniencyChart data={data} height={Math.max(160, 44 * data.length)} />
          </div>
        )}
        <ScrollRegion label="Rater leniency">
          <table aria-labelledby="leniency-heading" className="analytics-table">
            <thead>
              <tr>
                <th scope="col">Interviewer</th>
                <th scope="col">Scorecards</th>
                <th scope="col">Strong no / no / yes / strong yes</th>
                <th scope="col">Leniency</th>
                <th scope="col">95% interval</th>
                <th scope="col">Adjusted</th>
                <th scope="col">Comparisons</th>
                <th scope="col">Flag</th>
              </tr>
            </thead>
            <tbody>
              {report.interviewers.map((i) => (
                <tr key={i.interviewerId}>
                  <th scope="row">{i.name}</th>
                  <td>{i.scorecards}</td>
                  <td>
                    {i.recommendations.strong_no} / {i.recommendations.no} / {i.recommendations.yes}{" "}
                    / {i.recommendations.strong_yes}
                  </td>
                  <td>{signed(i.leniency.mean)}</td>
                  <td>{interval(i.leniency.low, i.leniency.high, signed)}</td>
                  <td>{signed(i.leniency.shrunk)}</td>
                  <td>
                    {i.leniency.n}{" "}
                    <span className="muted small">({i.leniency.candidates} candidates)</span>
                  </td>
                  <td>
                    <FlagBadge interviewer={i} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {report.interviewers.length === 0 && (
          <p className="muted">No submitted scorecards in this range.</p>
        )}
        <p className="muted small">Ratings run from 1 to 4; {fixed(0.5, 1)} is half a point.</p>
      </figure>
    </section>
  );
}
