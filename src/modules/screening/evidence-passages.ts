import type { TMentionPolarity } from "./mention-polarity.js";

/**
 * Cuts the passages a reviewer sees next to a checklist item: the line holding each match (a list
 * item, a table row, a sentence of a paragraph), trimmed to a window around the match when the line
 * is long, with every match inside it highlighted. All offsets point into the text the passages
 * were cut from, so the UI can render <mark> without searching again.
 */

export type THighlight = { start: number; end: number; polarity: TMentionPolarity };

export type TPassage = {
  text: string;
  start: number;
  end: number;
  highlights: THighlight[];
  /** "negated"/"hedged" passages explain a verdict; they are never counted as evidence. */
  polarity: TMentionPolarity;
  /** The passage starts or ends inside a longer line (shown with an ellipsis). */
  cutBefore?: boolean;
  cutAfter?: boolean;
};

export type TEvidenceSpan = {
  start: number;
  end: number;
  polarity: TMentionPolarity;
  /** Where the clause starts; a passage for a denial starts there so the reviewer sees the "never". */
  contextStart?: number;
};

const MAX_PASSAGE_LENGTH = 280;
const CONTEXT_CHARS = 110;
// A lone list item or cell ("Django") says little; its line above ("Skills — Backend") gives context.
const SHORT_LINE = 30;

export function buildPassages(
  text: string,
  spans: readonly TEvidenceSpan[],
  limit: number,
): TPassage[] {
  const passages: TPassage[] = [];
  for (const span of spans) {
    const existing = passages.find(
      (passage) => span.start >= passage.start && span.end <= passage.end,
    );
    if (existing !== undefined) {
      if (!existing.highlights.some((h) => h.start < span.end && h.end > span.start)) {
        existing.highlights.push({ start: span.start, end: span.end, polarity: span.polarity });
        existing.highlights.sort((a, b) => a.start - b.start);
      }
      if (existing.polarity !== "positive" && span.polarity === "positive")
        existing.polarity = "positive";
      continue;
    }
    if (passages.length >= limit) continue;
    const contextStart =
      span.polarity === "positive"
        ? span.start
        : Math.min(span.start, span.contextStart ?? span.start);
    const bounds = passageBounds(text, contextStart, span.start, span.end);
    passages.push({
      text: text.slice(bounds.start, bounds.end),
      start: bounds.start,
      end: bounds.end,
      highlights: [{ start: span.start, end: span.end, polarity: span.polarity }],
      polarity: span.polarity,
      ...(bounds.cutBefore ? { cutBefore: true } : {}),
      ...(bounds.cutAfter ? { cutAfter: true } : {}),
    });
  }
  return passages;
}

function passageBounds(
  text: string,
  clauseStart: number,
  start: number,
  end: number,
): { start: number; end: number; cutBefore: boolean; cutAfter: boolean } {
  let contextStart = clauseStart;
  while (contextStart < start && /\s/.test(text[contextStart] ?? "")) contextStart++;
  let lineStart =
    text.lastIndexOf(
      "\n",
      (start - contextStart > MAX_PASSAGE_LENGTH / 2 ? start : contextStart) - 1,
    ) + 1;
  const newline = text.indexOf("\n", end);
  let lineEnd = newline === -1 ? text.length : newline;
  if (lineEnd - lineStart < SHORT_LINE && lineStart > 0) {
    const previousStart = text.lastIndexOf("\n", lineStart - 2) + 1;
    if (
      text.slice(previousStart, lineStart).trim() !== "" &&
      lineStart - previousStart < MAX_PASSAGE_LENGTH / 2
    ) {
      lineStart = previousStart;
    }
  }
  let cutBefore = false;
  let cutAfter = false;
  if (lineEnd - lineStart > MAX_PASSAGE_LENGTH) {
    const windowStart = Math.max(lineStart, start - CONTEXT_CHARS);
    const windowEnd = Math.min(lineEnd, end + CONTEXT_CHARS);
    cutBefore = windowStart !== lineStart;
    cutAfter = windowEnd !== lineEnd;
    lineStart = cutBefore ? snapForward(text, windowStart, start) : lineStart;
    lineEnd = cutAfter ? snapBackward(text, windowEnd, end) : lineEnd;
  }
  while (lineStart < start && /\s/.test(text[lineStart] ?? "")) lineStart++;
  while (lineEnd > end && /\s/.test(text[lineEnd - 1] ?? "")) lineEnd--;
  return { start: lineStart, end: lineEnd, cutBefore, cutAfter };
}

/** Moves a cut to just after the next space so no word is split, but never past the match. */
function snapForward(text: string, from: number, limit: number): number {
  const space = text.slice(from, limit).search(/\s/);
  return space === -1 ? from : from + space + 1;
}

function snapBackward(text: string, to: number, limit: number): number {
  const slice = text.slice(limit, to);
  const space = Math.max(slice.lastIndexOf(" "), slice.lastIndexOf("\n"));
  return space === -1 ? to : limit + space;
}
