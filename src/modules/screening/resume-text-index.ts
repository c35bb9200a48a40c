import { detectSections, type TSection } from "./resume-sections.js";
import { VOCABULARY_WORDS } from "./synonyms.js";

/**
 * A résumé text prepared for searching. `search` is the text with soft hyphens removed, words that
 * were hyphenated across a line break joined ("Post-\ngreSQL" → "PostgreSQL") and typographic quotes
 * straightened; `toOriginal[i]` maps every `search` offset back to the extracted text, so highlights
 * always point into the text the reviewer sees.
 */
export type TResumeTextIndex = {
  original: string;
  search: string;
  toOriginal: Int32Array;
  sections: TSection[];
  /** Sorted `search` offsets where a clause ends (sentence end, list item, table cell, "but"...). */
  clauseBreaks: number[];
};

const QUOTES: Readonly<Record<string, string>> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
};
const LETTER = /\p{L}/u;
const LOWERCASE = /\p{Ll}/u;

export function indexResumeText(original: string): TResumeTextIndex {
  const chars: string[] = [];
  const map: number[] = [];
  for (let index = 0; index < original.length; index++) {
    const char = original[index] ?? "";
    if (char === "\u00ad") continue;
    if ((char === "-" || char === "\u2010") && LETTER.test(original[index - 1] ?? "")) {
      const rest = /^-?[ \t]*\n[ \t]*/.exec(original.slice(index, index + 12));
      const next = rest === null ? undefined : original[index + rest[0].length];
      if (rest !== null && next !== undefined && LOWERCASE.test(next)) {
        // "Django-\nbased" is a compound broken at its own hyphen and keeps it; "Post-\ngreSQL" does not.
        if (isCompoundBreak(original, index, index + rest[0].length)) {
          chars.push("-");
          map.push(index);
        }
        index += rest[0].length - 1;
        continue;
      }
    }
    chars.push(QUOTES[char] ?? char);
    map.push(index);
  }
  map.push(original.length);
  const search = chars.join("");
  return {
    original,
    search,
    toOriginal: Int32Array.from(map),
    sections: detectSections(original),
    clauseBreaks: findClauseBreaks(search),
  };
}

const COMPOUND_SECOND_PART =
  /^(?:based|driven|related|oriented|level|side|end|stack|time|scale|first|like|style|friendly|ready|powered|compatible|specific|facing|focused|heavy|native|source|grade|term|owned|made|free|rich|aware|centric)\b/;

function isCompoundBreak(original: string, hyphenAt: number, nextWordAt: number): boolean {
  const before =
    /[\p{L}\p{N}.+#]+$/u.exec(original.slice(Math.max(0, hyphenAt - 40), hyphenAt))?.[0] ?? "";
  const after = original.slice(nextWordAt, nextWordAt + 20);
  return VOCABULARY_WORDS.has(before.toLowerCase()) || COMPOUND_SECOND_PART.test(after);
}

const BULLET_START = /^[ \t]*(?:[•·▪◦*\-–]|\d{1,2}[.)])\s/;
// A line ending in one of these words obviously goes on: "no experience with\nDjango".
const DANGLING_END =
  /\b(?:with|in|of|and|or|nor|the|a|an|no|not|never|to|for|using|without|on|by|as|including)$/i;
const HARD_BREAK = /[!?;|•]|\.(?=\s|$)|\n/g;
const CONNECTIVE = /\b(?:but|however|although|though|whereas)\b/gi;

/**
 * A line break ends a clause unless the line looks wrapped: PDF text wraps sentences at the page
 * width, and "I have no experience with\nDjango" must stay one clause. A line is taken as wrapped
 * when it is nearly as long as the document's long lines and the next line does not start a list item.
 */
function findClauseBreaks(search: string): number[] {
  const lineLengths = search.split("\n").map((line) => line.trimEnd().length);
  const sorted = lineLengths.filter((length) => length > 0).sort((a, b) => a - b);
  const typicalLong = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  const breaks: number[] = [];
  let lineStart = 0;
  for (const match of search.matchAll(HARD_BREAK)) {
    const at = match.index;
    if (match[0] === "\n") {
      const lineLength = search.slice(lineStart, at).trimEnd().length;
      lineStart = at + 1;
      const nextLine = search.slice(at + 1, at + 40);
      const line = search.slice(at - lineLength, at);
      const continues = !nextLine.startsWith("\n") && !BULLET_START.test(nextLine);
      const wrapped =
        continues &&
        ((typicalLong >= 40 && lineLength >= typicalLong * 0.7) || DANGLING_END.test(line));
      if (wrapped) continue;
    }
    breaks.push(at);
  }
  for (const match of search.matchAll(CONNECTIVE)) breaks.push(match.index);
  return breaks.sort((a, b) => a - b);
}

/** The clause [start, end) of `search` around a position. */
export function clauseAround(
  index: TResumeTextIndex,
  start: number,
  end: number,
): { start: number; end: number } {
  const breaks = index.clauseBreaks;
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((breaks[middle] ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  const before = low > 0 ? (breaks[low - 1] ?? -1) + 1 : 0;
  let after = low;
  while (after < breaks.length && (breaks[after] ?? 0) < end) after++;
  return { start: before, end: breaks[after] ?? index.search.length };
}

export function toOriginalRange(
  index: TResumeTextIndex,
  start: number,
  end: number,
): { start: number; end: number } {
  const originalStart = index.toOriginal[start] ?? index.original.length;
  const originalEnd =
    end > start ? (index.toOriginal[end - 1] ?? index.original.length - 1) + 1 : originalStart;
  return { start: originalStart, end: originalEnd };
}
