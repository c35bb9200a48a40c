import { Link } from "react-router";
import type { TCandidate } from "../api/hiring-types";
import { DECISION_LABELS, STATUS_LABELS } from "../api/hiring-types";
import { ApplicationTimeline } from "./ApplicationTimeline";
import { InterviewList } from "./InterviewList";
import { ScorecardView } from "./ScorecardView";
import { useApplication, useApplicationScorecards, useDecision } from "../applications/queries";

/** One application on the candidate page: timeline, interviews, the scorecards the API sends. */
export function CandidateApplication({ summary }: { summary: TCandidate["applications"][number] }) {
  const applicationId = summary.id;
  const detail = useApplication(applicationId).data;
  const cards = useApplicationScorecards(applicationId).data;
  const canDecide = detail?.permissions.canDecide ?? false;
  const decisions = useDecision(applicationId, canDecide).data?.decisions;

  return (
    <section className="card" aria-labelledby={`app-${applicationId}`}>
      <div className="section-head">
        <h2 id={`app-${applicationId}`}>
          <Link to={`/applications/${applicationId}`}>{summary.roleTitle}</Link>
        </h2>
        <span className="badge">
          {STATUS_LABELS[summary.status]} · {summary.currentStageName}
        </span>
      </div>
      {detail && (
        <div className="two-columns">
          <div>
            <h3 className="subhead">Timeline</h3>
            <ApplicationTimeline history={detail.history} />
          </div>
          <div>
            <h3 className="subhead">Interviews</h3>
            <InterviewList interviews={detail.interviews} />
            {decisions && decisions.length > 0 && (
              <>
                <h3 className="subhead">Decisions</h3>
                <ul className="small">
                  {decisions.map((d) => (
                    <li key={d.id}>
                      <strong>{DECISION_LABELS[d.decision]}</strong> ({d.stageName}): {d.rationale}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
      )}
      {cards && (cards.scorecards.length > 0 || cards.withheldStageIds.length > 0) && (
        <>
          <h3 className="subhead">Scorecards</h3>
          {cards.withheldStageIds.length > 0 && (
            <p className="hidden-note small">
              Some scorecards are hidden until you submit your own for that stage.
            </p>
          )}
          <div className="side-by-side">
            {cards.scorecards.map((s) => (
              <ScorecardView key={s.id} scorecard={s} compact />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
