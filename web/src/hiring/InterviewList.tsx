import { Link } from "react-router";
import type { TInterviewSummary } from "../api/hiring-types";
import { formatDateTime } from "../api/hiring-types";
import { useCurrentUser } from "../session";
import { InterviewActions } from "./InterviewActions";

const SCORECARD_LABELS = { none: "No scorecard yet", draft: "Draft", submitted: "Submitted" };

export function InterviewList({
  interviews,
  canManage = false,
}: {
  interviews: readonly TInterviewSummary[];
  /** Recruiters and hiring managers of the role may reschedule or cancel open interviews. */
  canManage?: boolean;
}) {
  const me = useCurrentUser();
  if (interviews.length === 0) return <p className="muted small">No interviews scheduled.</p>;
  return (
    <ul className="plain-list">
      {interviews.map((i) => (
        <li key={i.id}>
          <span>
            {i.interviewer.id === me.id ? (
              <Link to={`/interviews/${i.id}`}>Your {i.stageName} interview kit</Link>
            ) : (
              <>
                {i.stageName} with {i.interviewer.name}
              </>
            )}
            <span className="muted small">
              {" "}
              · {formatDateTime(i.scheduledAt)} · {i.durationMinutes} min
              {i.timeZone !== "UTC" && <> · set in {i.timeZone.replace(/_/g, " ")}</>}
              {i.location && <> · {i.location}</>}
            </span>
            {i.meetingUrl && (
              <>
                {" "}
                <a href={i.meetingUrl} target="_blank" rel="noreferrer" className="small">
                  Join the call
                </a>
              </>
            )}
          </span>
          <span
            className={i.scorecardStatus === "submitted" ? "badge badge-ok" : "badge badge-muted"}
          >
            {SCORECARD_LABELS[i.scorecardStatus]}
          </span>
          {canManage && i.scorecardStatus !== "submitted" && <InterviewActions interview={i} />}
        </li>
      ))}
    </ul>
  );
}
