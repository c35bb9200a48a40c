import type { TGradeReport } from "./types";
import { ScrollRegion } from "../components/ScrollRegion";

type TDetails = Extract<NonNullable<TGradeReport["details"]>, { kind: "fail-to-pass" }>;
type TChange = TDetails["locality"]["changes"][number];

const RESULT_TEXT: Record<TDetails["result"], string> = {
  full: "Full fix",
  partial: "Partial fix",
  none: "Not fixed",
};

const lines = (rows: TChange[]) => rows.reduce((sum, row) => sum + row.added + row.removed, 0);

function Changes({ label, rows }: { label: string; rows: TChange[] }) {
  return (
    <div>
      <h5>{label}</h5>
      {rows.length === 0 ? (
        <p className="muted small">No code changed.</p>
      ) : (
        <ul className="plain-list" aria-label={label}>
          {rows.map((row) => (
            <li key={row.path}>
              <code>{row.path}</code>
              <span className="muted small">
                +{row.added} −{row.removed}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The debugging pack for the hiring team: the hidden tests of the bug (fail-to-pass) and the
 * project's own suite (pass-to-pass) test by test, the result, and what is reported but not
 * scored: a regression test of the candidate's and how local the change is.
 */
export function TestOutcomes({ details }: { details: TDetails }) {
  const tests = details.tests ?? [];
  const table = (kind: "fail-to-pass" | "pass-to-pass", caption: string) => {
    const rows = tests.filter((test) => test.kind === kind);
    if (rows.length === 0) return null;
    return (
      <ScrollRegion label={caption}>
        <table className="outcome-table" aria-label={caption}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Test</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((test) => (
              <tr key={test.name} className={test.passed ? "pass" : "fail"}>
                <td>
                  <code className="test-id">{test.name}</code>
                  {!test.passed && test.message && (
                    <pre className="check-message">{test.message}</pre>
                  )}
                </td>
                <td>{test.passed ? "passes" : "fails"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    );
  };
  return (
    <section
      aria-label="Fix and regressions"
      className="outcome-details"
      data-testid="test-outcomes"
    >
      <h4>
        Result: <span data-testid="fix-result">{RESULT_TEXT[details.result]}</span>
      </h4>
      <p>
        Hidden tests of the bug:{" "}
        <strong data-testid="fail-to-pass">
          {details.failToPass.passed}/{details.failToPass.total}
        </strong>{" "}
        pass · the project&apos;s own suite, restored from the starter:{" "}
        <strong data-testid="pass-to-pass">
          {details.passToPass.passed}/{details.passToPass.total}
        </strong>{" "}
        pass
      </p>
      {table("fail-to-pass", "Fail-to-pass: hidden variants of the reported bug")}
      {table("pass-to-pass", "Pass-to-pass: the existing suite")}
      <h4>Reported, not scored</h4>
      <p data-testid="regression-test">
        <strong>Regression test: </strong>
        {details.regressionTest.message}
      </p>
      {details.regressionTest.tests.length > 0 && (
        <ul aria-label="The candidate's regression tests">
          {details.regressionTest.tests.slice(0, 5).map((test) => (
            <li key={test}>
              <code className="test-id">{test}</code>
            </li>
          ))}
        </ul>
      )}
      <p>
        <strong>Locality: </strong>
        {details.locality.changes.length} file{details.locality.changes.length === 1 ? "" : "s"},{" "}
        {lines(details.locality.changes)} lines touched; our fix:{" "}
        {details.locality.reference.length} file{details.locality.reference.length === 1 ? "" : "s"}
        , {lines(details.locality.reference)} lines.
      </p>
      <div className="side-by-side-changes">
        <Changes label="The candidate's change" rows={details.locality.changes} />
        <Changes label="Our reference fix" rows={details.locality.reference} />
      </div>
    </section>
  );
}
