import type { ReactNode } from "react";

/** A titled list of things waiting for the reader, with a friendly empty state. */
export function WaitingList<T>({
  id,
  title,
  items,
  empty,
  render,
}: {
  id: string;
  title: string;
  items: readonly T[];
  empty: string;
  render: (item: T) => ReactNode;
}) {
  return (
    <section className="card waiting" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count-pill">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="plain-list">{items.map(render)}</ul>
      )}
    </section>
  );
}
