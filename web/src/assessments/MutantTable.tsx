import type { TGradeReport } from "./types";
import { ScrollRegion } from "../components/ScrollRegion";

type TDetails = Extract<NonNullable<TGradeReport["details"]>, { kind: "mutation-testing" }>;

const STATUS_TEXT: Record<TDetails["mutants"][number]["status"], string> = {
  caught: "Caught",
  survived: "Survived",
  "broke-suite": "Suite could not run (not counted)",
  "timed-out": "Ran out of time (not counted)",
  "not-run": "Not run",
};

const GATE_TEXT: Record<TDetails["gate"]["runs"][number]["status"], string> = {
  passed: "passed",
  failed: "failed",
  "timed-out": "ran out of time",
  broken: "could not run",
  tampered: "tampered with the run",
  "changed-files": "changed the app's files",
};

const percent = (part: number, whole: number) =>
  whole === 0 ? "n/a" : `${Math.round((part / whole) * 1000) / 10}%`;

/**
 * The write-the-tests pack for the hiring team: whether the suite can be trusted (the gate), then
 * each curated bug and which test caught it, then coverage. The candidate never sees this table:
 * the bugs are the pack's hidden material.
 */
export function MutantTable({ details }: { details: TDetails }) {
  const gateFailure = details.gate.runs.find((run) => run.status !== "passed");
  const apart = details.mutants.filter(
    (row) => row.status === "broke-suite" || row.status === "timed-out",
  ).length;
  return (
    <section aria-label="Mutation testing" className="mutation-details" data-testid="mutant-table">
      <h4>Is the suite trustworthy?</h4>
      <p data-testid="gate-result">
        {details.gate.passed ? (
          <>
            <strong>Gate passed.</strong> {details.tests} tests passed three times on our
            implementation and once on a second, differently written one.
          </>
        ) : (
          <>
            <strong>
              Gate failed: the suite is{" "}
              {gateFailure?.target === "alternative" ? "over-specified" : "flaky or unsafe"}
            </strong>{" "}
            ({gateFailure?.target} run {gateFailure?.run}:{" "}
            {gateFailure ? GATE_TEXT[gateFailure.status] : ""}). No thoroughness score is given.
          </>
        )}
      </p>
      <ul className="gate-runs">
        {details.gate.runs.map((run) => (
          <li
            key={`${run.target}-${run.run}`}
            className={run.status === "passed" ? "pass" : "fail"}
          >
            {run.target === "reference" ? "Our implementation" : "Second implementation"}, run{" "}
            {run.run}: {GATE_TEXT[run.status]} ({run.seconds} s)
            {run.failing.length > 0 && (
              <ul aria-label={`Failing tests in ${run.target} run ${run.run}`}>
                {run.failing.slice(0, 10).map((test) => (
                  <li key={test}>
                    <code>{test}</code>
                  </li>
                ))}
              </ul>
            )}
            {run.status !== "passed" && run.failing.length === 0 && (
              <pre className="check-message">{run.message}</pre>
            )}
          </li>
        ))}
      </ul>

      <h4>Bugs planted in the code ({details.mutants.length})</h4>
      <p>
        <strong data-testid="mutants-caught">
          {details.caught} of {details.mutants.length} caught
        </strong>
        {details.score !== null && ` (${details.score}%)`}
        {apart > 0 && ` · ${apart} shown apart: the suite could not run or ran out of time`}
      </p>
      <ScrollRegion label="Planted bugs">
        <table className="mutant-table">
          <caption className="visually-hidden">
            Each planted bug and the test that caught it
          </caption>
          <thead>
            <tr>
              <th scope="col">The bug</th>
              <th scope="col">Area</th>
              <th scope="col">Result</th>
              <th scope="col">Caught by</th>
            </tr>
          </thead>
          <tbody>
            {details.mutants.map((row) => (
              <tr key={row.id} className={`mutant-${row.status}`}>
                <td>{row.title}</td>
                <td>{row.group}</td>
                <td>{STATUS_TEXT[row.status]}</td>
                <td>
                  {row.caughtBy.length === 0
                    ? "—"
                    : row.caughtBy.slice(0, 2).map((test) => (
                        <code key={test} className="test-id">
                          {test}
                        </code>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h4>Coverage of our implementation under the suite</h4>
      {details.coverage === null ? (
        <p className="muted">Not measured (the suite did not run on it).</p>
      ) : (
        <p data-testid="coverage">
          Lines {percent(details.coverage.lines.covered, details.coverage.lines.total)} (
          {details.coverage.lines.covered}/{details.coverage.lines.total}) · branches{" "}
          {percent(details.coverage.branches.covered, details.coverage.branches.total)} (
          {details.coverage.branches.covered}/{details.coverage.branches.total})
        </p>
      )}
    </section>
  );
}
