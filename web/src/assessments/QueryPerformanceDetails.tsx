import type { TGradeReport } from "./types";
import { ScrollRegion } from "../components/ScrollRegion";

type TDetails = Extract<NonNullable<TGradeReport["details"]>, { kind: "query-performance" }>;

/**
 * The slow-query pack's evidence: for each endpoint, the statements the database server counted
 * for one request (call count first, so a query run once per book stands out), the plans
 * PostgreSQL chose for the date filter, and the timings next to our solution.
 */
export function QueryPerformanceDetails({ details }: { details: TDetails }) {
  return (
    <section aria-label="Queries and plans" className="query-details" data-testid="query-details">
      <h4>Queries counted by the database server</h4>
      {details.requests.map((request) => (
        <div key={request.endpoint} className="query-request">
          <p>
            <strong>{request.endpoint}</strong>: {request.queries} queries for{" "}
            <code>GET {request.url}</code> ({request.items} books, {request.booksInDatabase} in the
            database)
          </p>
          {request.grew && (
            <p className="query-grew" data-testid="query-grew">
              Grew with the data: <code>{request.grew.query}</code> ran {request.grew.calls} times,
              once per {request.grew.per}.
            </p>
          )}
          <ScrollRegion label={`Statements of ${request.endpoint}`}>
            <table className="query-table">
              <caption className="visually-hidden">Statements of {request.endpoint}</caption>
              <thead>
                <tr>
                  <th scope="col">Calls</th>
                  <th scope="col">Statement (as PostgreSQL normalised it)</th>
                </tr>
              </thead>
              <tbody>
                {request.statements.map((row) => (
                  <tr key={row.query} className={row.calls > 1 ? "query-repeated" : undefined}>
                    <td className="num">{row.calls}</td>
                    <td>
                      <code>{row.query}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      ))}
      {details.plans.length > 0 && (
        <>
          <h4>Plans for the date filter (50,000 books)</h4>
          <ul className="plan-list">
            {details.plans.map((plan, index) => (
              <li key={index}>
                <span className={plan.usesIndex ? "badge badge-ok" : "badge badge-tampering"}>
                  {plan.usesIndex ? "index" : "no index"}
                </span>{" "}
                <code>{plan.nodes}</code>
                <pre className="plan-query">{plan.query}</pre>
              </li>
            ))}
          </ul>
        </>
      )}
      {details.speed.length > 0 && (
        <>
          <h4>Speed next to our solution (p50, 20,000 books)</h4>
          <ScrollRegion label="Query statements">
            <table className="query-table">
              <thead>
                <tr>
                  <th scope="col">Endpoint</th>
                  <th scope="col">Candidate</th>
                  <th scope="col">Ours</th>
                  <th scope="col">URLs</th>
                </tr>
              </thead>
              <tbody>
                {details.speed.map((row) => (
                  <tr key={row.endpoint}>
                    <td>{row.endpoint}</td>
                    <td className="num">{row.candidateMs} ms</td>
                    <td className="num">{row.referenceMs} ms</td>
                    <td className="num">{row.urls}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
