import { Link } from "react-router";
import { ErrorBanner } from "../components/form";
import { BandBar } from "./BandBar";
import { describeComposite, formatPercent } from "./evidence-format";
import { FlagBadges } from "./FlagBadges";
import { useApplicationEvidence } from "./queries";

/** What the decision panel shows: the composite with its band, coverage and the flags. */
export function EvidenceSummary({
  applicationId,
  roleId,
}: {
  applicationId: string;
  roleId: string;
}) {
  const { data, error } = useApplicationEvidence(applicationId);
  if (!data) return <ErrorBanner error={error} />;
  const { summary } = data;
  return (
    <section className="evidence-summary" aria-labelledby="evidence-summary-heading">
      <h3 id="evidence-summary-heading" className="subhead">
        Combined evidence
      </h3>
      <dl className="evidence-figures">
        <div>
          <dt>Composite (1–4)</dt>
          <dd>
            <BandBar composite={summary.composite} bar={summary.bar} />{" "}
            {describeComposite(summary.composite)}
          </dd>
        </div>
        <div>
          <dt>P(above the bar of {summary.bar.toFixed(1)})</dt>
          <dd>{summary.composite ? formatPercent(summary.composite.pAbove) : "—"}</dd>
        </div>
        <div>
          <dt>Coverage</dt>
          <dd>{formatPercent(summary.coverage)} of the role&apos;s weight has evidence</dd>
        </div>
        <div>
          <dt>Flags</dt>
          <dd>
            <FlagBadges flags={summary.flags} />
          </dd>
        </div>
      </dl>
      <p className="muted small">
        <Link to={`/roles/${roleId}/shortlist?why=${applicationId}`}>
          See the breakdown on the shortlist
        </Link>
      </p>
    </section>
  );
}
