import { ErrorBanner } from "../components/form";
import { BandBar } from "./BandBar";
import { describeComposite, formatPercent, formatScore } from "./evidence-format";
import { FlagBadges } from "./FlagBadges";
import { useApplicationEvidence } from "./queries";
import { ScrollRegion } from "../components/ScrollRegion";

const BASIS_LABELS = {
  explicit: "competency rating",
  questions: "mean of question ratings",
  assessment: "practical assessment",
  "design-review": "design review (rubric)",
} as const;

/** Each competency's sources: who said what, in their own key takeaways, and what it added. */
export function EvidenceBreakdown({ applicationId }: { applicationId: string }) {
  const { data, error } = useApplicationEvidence(applicationId);
  if (!data) return error ? <ErrorBanner error={error} /> : <p className="muted">Loading…</p>;
  const { summary } = data;
  const shown = data.competencies.filter((c) => c.weight > 0 || c.n > 0);
  const nameOf = (id: string) => data.people.find((p) => p.id === id)?.name ?? "A rater";
  const stageName = (id: string) => data.role.stages.find((st) => st.id === id)?.name ?? "a stage";
  return (
    <div className="breakdown">
      <p>
        <BandBar composite={summary.composite} bar={summary.bar} width={160} />{" "}
        <strong>{describeComposite(summary.composite)}</strong> · P(above the bar){" "}
        {summary.composite ? formatPercent(summary.composite.pAbove) : "—"} · coverage{" "}
        {formatPercent(summary.coverage)}
      </p>
      <FlagBadges flags={summary.flags} />
      {shown.map((c) => (
        <section key={c.competencyId} className="breakdown-competency" aria-label={c.name}>
          <h3 className="subhead">
            {c.name}{" "}
            <span className="muted small">
              weight {c.weight}% · {c.n} source{c.n === 1 ? "" : "s"} · mean {formatScore(c.mean)} ·
              estimate {formatScore(c.estimate)}
              {c.sd !== null ? ` ± ${c.sd.toFixed(2)}` : ""} · carries {formatPercent(c.share)} of
              the composite, adding {c.contribution.toFixed(2)} points
            </span>
          </h3>
          {c.sources.length === 0 ? (
            <p className="muted small">No evidence on this competency.</p>
          ) : (
            <ScrollRegion label={`Sources for ${c.name}`}>
              <table className="sources-table">
                <thead>
                  <tr>
                    <th scope="col">Source</th>
                    <th scope="col">Rating (1–4)</th>
                    <th scope="col">Basis</th>
                  </tr>
                </thead>
                <tbody>
                  {c.sources.map((s, i) => (
                    <tr key={i}>
                      <th scope="row">
                        {s.kind === "design-review"
                          ? `${s.rater?.name ?? "A reviewer"} · ${s.assessment?.packTitle ?? "design review"}`
                          : (s.rater?.name ?? s.assessment?.packTitle ?? "Source")}
                        {s.stageIds.length > 0 && (
                          <span className="muted small">
                            {" "}
                            ·{" "}
                            {s.stageIds
                              .map((id) => data.role.stages.find((st) => st.id === id)?.name)
                              .filter(Boolean)
                              .join(", ")}
                          </span>
                        )}
                      </th>
                      <td className="number">
                        {s.rating.toFixed(2)}
                        {s.score !== null && (
                          <span className="muted small"> (score {Math.round(s.score)})</span>
                        )}
                      </td>
                      <td>{BASIS_LABELS[s.basis]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>
      ))}
      <section className="breakdown-takeaways" aria-labelledby={`takeaways-${applicationId}`}>
        <h3 className="subhead" id={`takeaways-${applicationId}`}>
          Key takeaways
        </h3>
        {data.takeaways.length === 0 ? (
          <p className="muted small">No key takeaways you can read yet.</p>
        ) : (
          <ul className="takeaway-list">
            {data.takeaways.map((t) => (
              <li key={`${t.raterId}/${t.stageId}`}>
                <span className="small">
                  <strong>{nameOf(t.raterId)}</strong>
                  <span className="muted"> · {stageName(t.stageId)}</span>
                </span>
                <blockquote className="takeaway">{t.text}</blockquote>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
