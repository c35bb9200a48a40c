import type { ReactNode } from "react";

/**
 * A wide table's horizontal scroller. On a phone the table overflows, and a scrolling box must be
 * reachable by keyboard (axe: scrollable-region-focusable), so the box itself takes focus and is
 * named for screen readers. Arrow keys then scroll it.
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={className ? `table-scroll ${className}` : "table-scroll"}
      tabIndex={0}
      role="group"
      aria-label={label}
    >
      {children}
    </div>
  );
}
