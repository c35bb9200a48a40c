import { Link } from "react-router";
import type { TProcessReport } from "./queries";
import { days, duration, percent } from "./format";
import { LazyFunnelChart } from "./LazyChart";
import { ScrollRegion } from "../components/ScrollRegion";

/** Speed of the process: the funnel, time in stage, totals and where applications wait. */
export function ProcessSection({ report }: { report: TProcessReport }) {
  const { stages, totals, scorecards } = report;
  const interviewed = stages.filter((s) => s.kind !== "decision" || s.reached > 0);
  return (
    <section aria-labelledby="process-heading" className="analytics-section">
      <h2 id="process-heading">Speed of the process</h2>
      <div className="analytics-totals">
        <div className="card">
          <h3>Applications</h3>
          <p className="analytics-figure">{totals.applications}</p>
          <p className="muted small">created in the range</p>
        </div>
        <div className="card">
          <h3>Time to first screen</h3>
          <p className="analytics-figure">{days(totals.firstScreen.medianDays)}</p>
          <p className="muted small">
            median · p75 {days(totals.firstScreen.p75Days)} · {totals.firstScreen.count} screened
          </p>
        </div>
        <div className="card">
          <h3>Time to hire</h3>
          <p className="analytics-figure">{days(totals.hire.medianDays)}</p>
          <p className="muted small">
            median · p75 {days(totals.hire.p75Days)} · {totals.hire.count} hired
          </p>
        </div>
        <div className="card">
          <h3>Scorecards</h3>
          <p className="analytics-figure">{percent(scorecards.submissionRate)}</p>
          <p className="muted small">
            of {scorecards.held} held interviews submitted · {percent(scorecards.withinDayShare)}{" "}
            within 24 h
          </p>
        </div>
      </div>

      <figure className="card analytics-chart">
        <figcaption>
          <h3 id="funnel-heading">Funnel: applications that reached each stage</h3>
        </figcaption>
        <div aria-hidden="true" className="chart-box">
          <LazyFunnelChart data={interviewed} height={240} />
        </div>
        <ScrollRegion label="Stage funnel">
          <table aria-labelledby="funnel-heading" className="analytics-table">
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Reached</th>
                <th scope="col">Went further</th>
                <th scope="col">Pass-through</th>
                <th scope="col">Median time in stage</th>
                <th scope="col">p75</th>
                <th scope="col">Still in stage</th>
              </tr>
            </thead>
            <tbody>
              {stages.map((s) => (
                <tr key={s.key}>
                  <th scope="row">{s.name}</th>
                  <td>{s.reached}</td>
                  <td>{s.passed}</td>
                  <td>{percent(s.passThrough)}</td>
                  <td>{duration(s.medianHours)}</td>
                  <td>{duration(s.p75Hours)}</td>
                  <td>{s.stillIn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p className="muted small">
          A candidate rejected later still counts as having reached a stage. Time in stage covers
          visits that ended ({stages.reduce((n, s) => n + s.finishedVisits, 0)} in all).
        </p>
      </figure>

      <div className="card">
        <h3>Where applications wait longest</h3>
        {stages.every((s) => s.oldestWaiting.length === 0) ? (
          <p className="muted">No active application is waiting in this range.</p>
        ) : (
          <ScrollRegion label="Where applications wait longest">
            <table className="analytics-table">
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col">Candidate</th>
                  <th scope="col">Role</th>
                  <th scope="col">Waiting</th>
                </tr>
              </thead>
              <tbody>
                {stages.flatMap((s) =>
                  s.oldestWaiting.map((w) => (
                    <tr key={w.applicationId}>
                      <td>{s.name}</td>
                      <td>
                        <Link to={`/applications/${w.applicationId}`}>{w.candidateName}</Link>
                      </td>
                      <td>{w.roleTitle}</td>
                      <td>{days(w.days)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </div>
    </section>
  );
}
