import type { TLevel, TQuestionVersion } from "../api/hiring-types";
import { LEVEL_LABELS, SCORE_LABELS } from "../api/hiring-types";
import { useCompetencyNames } from "../roles/queries";
import { ScrollRegion } from "../components/ScrollRegion";

/**
 * A question version in full: prompt, what to listen for, and the anchors for every level. Its
 * headings are h2: it sits directly under the question page's h1.
 */
export function QuestionVersionView({ version }: { version: TQuestionVersion }) {
  const competencyName = useCompetencyNames();
  const anchorsFor = (level: TLevel) => version.rubric[level] ?? version.rubric.default;
  return (
    <>
      <p className="prompt">{version.prompt}</p>
      <p className="tags">
        {version.competencies.map((c) => (
          <span key={c} className="badge badge-muted">
            {competencyName(c)}
          </span>
        ))}
      </p>
      <div className="three-columns">
        <div>
          <h2 className="subhead">Signals</h2>
          <ul className="small">
            {version.signals.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
        <div>
          <h2 className="subhead">Red flags</h2>
          <ul className="small red-flags">
            {version.redFlags.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
        <div>
          <h2 className="subhead">Follow-ups</h2>
          <ul className="small">
            {version.followUps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      </div>
      <h2 className="subhead">Rubric anchors</h2>
      {/* Focusable, so a keyboard can scroll the anchors sideways on a phone. */}
      <ScrollRegion label="Rubric anchors">
        <table className="anchors-table">
          <thead>
            <tr>
              <th scope="col">Score</th>
              {version.levels.map((l) => (
                <th key={l} scope="col">
                  {LEVEL_LABELS[l]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {([1, 2, 3, 4] as const).map((score) => (
              <tr key={score}>
                <th scope="row">{SCORE_LABELS[score]}</th>
                {version.levels.map((l) => (
                  <td key={l} className="small">
                    {anchorsFor(l)[score]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
