import type { ReactNode } from "react";

/**
 * A titled list of things waiting for the reader, with a friendly empty state. When the list is a
 * preview, `total` says how many wait in all and `more` leads to where the rest can be worked on.
 */
export function WaitingList<T>({
  id,
  title,
  items,
  total = items.length,
  more,
  empty,
  render,
}: {
  id: string;
  title: string;
  items: readonly T[];
  total?: number;
  more?: ReactNode;
  empty: string;
  render: (item: T) => ReactNode;
}) {
  return (
    <section className="card waiting" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count-pill">{total}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="plain-list">{items.map(render)}</ul>
      )}
      {total > items.length && (
        <p className="muted small" data-testid={`${id}-more`}>
          Showing {items.length} of {total}
          {more ? <>. {more}</> : "."}
        </p>
      )}
    </section>
  );
}
