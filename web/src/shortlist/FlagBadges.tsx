import { FLAG_LABELS } from "./evidence-format";
import type { TFlag } from "./queries";

/**
 * One badge per kind of flag ("One source ×4"), its messages in the tooltip and, for screen
 * readers, read out in full; a row stays one line high however many competencies are flagged.
 */
export function FlagBadges({ flags }: { flags: readonly TFlag[] }) {
  // A block of its own, so it sits under the name as the badges do, not glued to it.
  if (flags.length === 0) return <div className="muted small">No evidence flags</div>;
  const byKind = new Map<TFlag["kind"], string[]>();
  for (const flag of flags) byKind.set(flag.kind, [...(byKind.get(flag.kind) ?? []), flag.message]);
  return (
    <ul className="flag-list">
      {[...byKind].map(([kind, messages]) => (
        <li key={kind} className={`badge flag flag-${kind}`} title={messages.join("\n")}>
          <span aria-hidden="true">
            {FLAG_LABELS[kind]}
            {messages.length > 1 ? ` ×${messages.length}` : ""}
          </span>
          <span className="visually-hidden">{messages.join(" ")}</span>
        </li>
      ))}
    </ul>
  );
}
