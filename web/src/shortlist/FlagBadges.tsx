import { FLAG_LABELS } from "./evidence-format";
import type { TFlag } from "./queries";

/** Each flag as a badge whose label says what it is and whose title says which competency. */
export function FlagBadges({ flags }: { flags: readonly TFlag[] }) {
  if (flags.length === 0) return <span className="muted small">None</span>;
  return (
    <ul className="flag-list">
      {flags.map((flag, i) => (
        <li key={i} className={`badge flag flag-${flag.kind}`} title={flag.message}>
          <span aria-hidden="true">{FLAG_LABELS[flag.kind]}</span>
          <span className="visually-hidden">{flag.message}</span>
        </li>
      ))}
    </ul>
  );
}
