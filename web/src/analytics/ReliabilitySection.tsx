import { Link } from "react-router";
import type { TQuestionQualityReport, TReliabilityReport } from "./queries";
import { BAND_LABELS, fixed, interval } from "./format";
import { ScrollRegion } from "../components/ScrollRegion";

type TRow = TReliabilityReport["competencies"][number];

function BandBadge({ band }: { band: TRow["band"] }) {
  if (!band) return <span className="muted small">Not enough pairs</span>;
  return <span className={`badge badge-band-${band}`}>{BAND_LABELS[band]}</span>;
}

function AlphaTable({ id, caption, rows }: { id: string; caption: string; rows: TRow[] }) {
  return (
    <div className="card">
      <h3 id={id}>{caption}</h3>
      {rows.length === 0 ? (
        <p className="muted">No candidate was rated by two interviewers here yet.</p>
      ) : (
        <ScrollRegion label={caption}>
          <table aria-labelledby={id} className="analytics-table">
            <thead>
              <tr>
                <th scope="col">
                  {caption.replace("Alpha per ", "").replace(/^./, (c) => c.toUpperCase())}
                </th>
                <th scope="col">Alpha</th>
                <th scope="col">95% interval</th>
                <th scope="col">Pairable ratings</th>
                <th scope="col">Reading</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td>{fixed(r.alpha)}</td>
                  <td>{interval(r.low, r.high)}</td>
                  <td>{r.pairable}</td>
                  <td>
                    <BandBadge band={r.band} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}

/** Inter-rater reliability (Krippendorff's alpha, ordinal) per competency, stage and question. */
export function ReliabilitySection({ report }: { report: TReliabilityReport }) {
  return (
    <section aria-labelledby="reliability-heading" className="analytics-section">
      <h2 id="reliability-heading">Do interviewers agree?</h2>
      <p className="muted">
        Krippendorff&apos;s alpha (ordinal) over candidates rated by at least two interviewers at
        the same stage, with a {report.resamples}-resample bootstrap interval. At 0.80 or above the
        ratings are reliable; from 0.67 to 0.80 draw tentative conclusions only; below that, do not
        rely on them.
      </p>
      <AlphaTable id="alpha-competency" caption="Alpha per competency" rows={report.competencies} />
      <AlphaTable id="alpha-stage" caption="Alpha per stage" rows={report.stages} />
      <details className="card">
        <summary>Alpha per question ({report.questions.length})</summary>
        <AlphaTable id="alpha-question" caption="Alpha per question" rows={report.questions} />
      </details>
    </section>
  );
}

/** Question quality per version: how hard it is and whether it tells candidates apart. */
export function QuestionQualitySection({ report }: { report: TQuestionQualityReport }) {
  const flagged = report.questions.filter((q) => q.flagged);
  return (
    <section aria-labelledby="questions-heading" className="analytics-section">
      <h2 id="questions-heading">Do the questions work?</h2>
      <p className="muted">
        Discrimination is the correlation between a question&apos;s rating and the same
        candidate&apos;s other ratings in the stage. Below {report.threshold.toFixed(2)}, with at
        least {report.minAsked} candidates, a question does not tell stronger candidates from weaker
        ones: revise or retire it. {flagged.length} flagged.
      </p>
      <ScrollRegion label="Question reliability" className="card">
        <table aria-labelledby="questions-heading" className="analytics-table">
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Asked</th>
              <th scope="col">Mean</th>
              <th scope="col">Difficulty</th>
              <th scope="col">Discrimination</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {report.questions.map((q) => (
              <tr key={q.questionVersionId} className={q.flagged ? "row-flagged" : undefined}>
                <th scope="row">
                  <Link to={`/questions/${q.questionId}`}>{q.title}</Link>{" "}
                  <span className="muted small">v{q.version}</span>
                </th>
                <td>{q.asked}</td>
                <td>{fixed(q.mean)}</td>
                <td>{fixed(q.difficulty)}</td>
                <td>{fixed(q.discrimination)}</td>
                <td>
                  {q.flagged ? (
                    <>
                      <span className="badge badge-flag">Weak question</span>{" "}
                      <Link to={`/questions/${q.questionId}`}>Revise or retire</Link>
                    </>
                  ) : (
                    <span className="muted small">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.questions.length === 0 && (
          <p className="muted">No rated questions in this range.</p>
        )}
      </ScrollRegion>
    </section>
  );
}
