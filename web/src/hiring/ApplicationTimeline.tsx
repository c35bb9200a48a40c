import type { TApplication } from "../api/hiring-types";
import { formatDateTime, STATUS_LABELS } from "../api/hiring-types";

/** The stage history, oldest first: every move, rejection and withdrawal with who and why. */
export function ApplicationTimeline({ history }: { history: TApplication["history"] }) {
  return (
    <ol className="timeline">
      {history.map((event) => (
        <li key={event.id}>
          <span className="timeline-what">
            {event.fromStage === null
              ? `Added at ${event.toStage?.name ?? "the first stage"}`
              : event.statusAfter !== "active"
                ? `${STATUS_LABELS[event.statusAfter]} at ${event.fromStage.name}`
                : `${event.fromStage.name} → ${event.toStage?.name ?? ""}`}
          </span>
          <span className="muted small">
            {formatDateTime(event.at)}
            {event.by && ` · ${event.by.name}`}
          </span>
          {event.reason && <p className="small prewrap">{event.reason}</p>}
        </li>
      ))}
    </ol>
  );
}
