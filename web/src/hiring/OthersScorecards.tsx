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
          {/* An SVG rather than the 🔒 emoji, which renders as a blank box without an emoji font. */}
          <svg
            className="lock-icon"
            aria-hidden="true"
            viewBox="0 0 16 16"
            width="14"
            height="14"
            fill="currentColor"
          >
            <path d="M5 7V5a3 3 0 0 1 6 0v2h1a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z" />
          </svg>{" "}
          Hidden until you submit your own scorecard, so every opinion stays independent.
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
