import type { TPassage } from "./screening-types";

/**
 * A passage with its matches in <mark>, built from offsets as React text nodes — never as HTML, so
 * nothing in a résumé can inject markup. Negated or hedged mentions get their own style.
 */
export function Highlighted({ passage }: { passage: TPassage }) {
  const parts: { text: string; mark?: string }[] = [];
  let cursor = 0;
  const highlights = [...passage.highlights].sort((a, b) => a.start - b.start);
  for (const h of highlights) {
    const start = Math.max(h.start - passage.start, cursor);
    const end = Math.min(h.end - passage.start, passage.text.length);
    if (end <= start) continue;
    if (start > cursor) parts.push({ text: passage.text.slice(cursor, start) });
    parts.push({ text: passage.text.slice(start, end), mark: h.polarity });
    cursor = end;
  }
  if (cursor < passage.text.length) parts.push({ text: passage.text.slice(cursor) });
  return (
    <blockquote className={`passage passage-${passage.polarity}`}>
      {passage.cutBefore && <span aria-hidden="true">…</span>}
      {parts.map((part, index) =>
        part.mark ? (
          <mark key={index} className={`mark-${part.mark}`}>
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
      {passage.cutAfter && <span aria-hidden="true">…</span>}
      {passage.polarity !== "positive" && (
        <span className="badge badge-muted passage-note">
          {passage.polarity === "negated" ? "negated" : "hedged"}
        </span>
      )}
    </blockquote>
  );
}
