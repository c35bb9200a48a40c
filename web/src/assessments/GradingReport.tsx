import { BlockingSteps, CheckGroups } from "./CheckGroups";
import { MutantTable } from "./MutantTable";
import { QueryPerformanceDetails } from "./QueryPerformanceDetails";
import { TestOutcomes } from "./TestOutcomes";
import { SimilarityPanel } from "./SimilarityPanel";
import type { TGradingDetail } from "./types";
import { formatDateTime } from "./types";

const VERDICT_TEXT = {
  clean: "Integrity: clean",
  suspicious: "Integrity: suspicious",
  tampered: "Integrity: tampered",
} as const;

const STEP_LABELS: Record<string, string> = {
  unpack: "Unpack",
  integrity: "Integrity scan",
  migrate: "Migrate",
  check: "manage.py check",
  makemigrations: "Migrations match models",
  tests: "Candidate's tests",
  server: "Server start",
  checks: "API checks",
  total: "Total",
};

/** A long error reads better with the list of what the environment has in its own paragraph. */
function paragraphsOf(message: string): string[] {
  return message
    .split(/\n+|(?<=\.) (?=The environment has)/)
    .map((text) => text.trim())
    .filter(Boolean);
}

/** The report of one grading: score with the integrity verdict beside it, then the evidence. */
export function GradingReport({ grading }: { grading: TGradingDetail }) {
  const report = grading.report;
  if (!report) return null;
  if (report.status === "error") {
    return (
      <div className="banner banner-error" role="alert" data-testid="grading-error">
        <p>
          <strong>Could not grade this submission.</strong>
        </p>
        {paragraphsOf(report.error?.message ?? "").map((text, n) => (
          <p key={n} className="error-message">
            {text}
          </p>
        ))}
        {report.error?.kind === "submission" && (
          <p className="small">
            Nothing was scored: the upload itself stopped the grading. The candidate can fix it and
            upload again.
          </p>
        )}
      </div>
    );
  }
  const verdict = report.integrity.verdict;
  return (
    <div className="grading-report" data-testid="grading-report">
      <div className="grade-score-row">
        <div className="grade-score" aria-label={`Score ${report.score} out of 100`}>
          <span className="grade-score-value" data-testid="score">
            {report.score}
          </span>
          <span className="muted"> / 100</span>
        </div>
        <div className={`grade-verdict grade-verdict-${verdict}`} data-testid="integrity">
          {VERDICT_TEXT[verdict]}
        </div>
        <div className="muted small">
          Version {grading.submissionVersion}
          {grading.isLate ? " (late)" : ""} · graded{" "}
          {grading.finishedAt ? formatDateTime(grading.finishedAt) : ""}
          {grading.requestedBy ? ` · re-grade by ${grading.requestedBy.name}` : ""}
        </div>
      </div>
      <BlockingSteps report={report} />
      {report.integrity.findings.length > 0 && (
        <section aria-label="Integrity findings" className="findings">
          <h4>What the integrity scan found</h4>
          <p className="muted small">
            Evidence for a reviewer; findings never change the score by themselves.
          </p>
          <ul>
            {report.integrity.findings.map((f, n) => (
              <li key={n}>
                <span className={`badge badge-${f.severity}`}>{f.severity}</span>{" "}
                <code>
                  {f.file}:{f.line}
                </code>{" "}
                {f.reason}
                {f.excerpt && <pre className="check-message">{f.excerpt}</pre>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <SimilarityPanel submissionId={grading.submissionId} />
      <section aria-label="Competencies">
        <h4>Competencies this result feeds</h4>
        <ul className="competency-list">
          {grading.competencies.map((c) => (
            <li key={c.competency}>
              <strong>{c.name}</strong>{" "}
              <span className="muted">{c.score === null ? "not measured" : `${c.score}%`}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Check groups">
        <h4>Checks</h4>
        <CheckGroups groups={report.groups} />
      </section>
      {report.details?.kind === "query-performance" && (
        <QueryPerformanceDetails details={report.details} />
      )}
      {report.details?.kind === "mutation-testing" && <MutantTable details={report.details} />}
      {report.details?.kind === "fail-to-pass" && <TestOutcomes details={report.details} />}
      <details className="timings">
        <summary>Timings</summary>
        <dl>
          {Object.entries(report.timings).map(([step, ms]) => (
            <div key={step}>
              <dt>{STEP_LABELS[step] ?? step}</dt>
              <dd>{(ms / 1000).toFixed(1)} s</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
