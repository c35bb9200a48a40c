import type { TKit } from "../api/hiring-types";
import { useCurrentUser } from "../session";
import { ScorecardView } from "./ScorecardView";
import { useApplicationScorecards } from "../applications/queries";

/** Independence: the other interviewers' scorecards for this stage, only once yours is in. */
export function OthersScorecards({ kit, mineSubmitted }: { kit: TKit; mineSubmitted: boolean }) {
  const me = useCurrentUser();
  const applicationId = kit.interview.applicationId;
  const { data } = useApplicationScorecards(applicationId, kit.stage.id);
  if (!data) return null;
  const others = data.scorecards.filter((s) => s.interviewer.id !== me.id);
  return (
    <section className="card" aria-labelledby="others-heading">
      <h2 id="others-heading">Other interviewers’ scorecards</h2>
      {!mineSubmitted || data.withheldStageIds.includes(kit.stage.id) ? (
        <p className="hidden-note">
          <span aria-hidden="true">🔒 </span>Hidden until you submit your own scorecard, so every
          opinion stays independent.
          {data.withheldStageIds.includes(kit.stage.id) && " At least one is already in."}
        </p>
      ) : others.length === 0 ? (
        <p className="muted small">No one else has submitted a scorecard for this stage yet.</p>
      ) : (
        <div className="side-by-side">
          {others.map((s) => (
            <ScorecardView key={s.id} scorecard={s} compact />
          ))}
        </div>
      )}
    </section>
  );
}
