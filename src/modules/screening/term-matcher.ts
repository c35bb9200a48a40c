import { readMention, type TMentionPolarity } from "./mention-polarity.js";
import { sectionAt, type TSectionKind } from "./resume-sections.js";
import { toOriginalRange, type TResumeTextIndex } from "./resume-text-index.js";
import { isCaseSensitive, termText, type TTermSpec } from "./synonyms.js";

export type TMention = {
  /** Offsets into the extracted (original) text. */
  start: number;
  end: number;
  matched: string;
  polarity: TMentionPolarity;
  cue?: string;
  /** Start of the clause the mention was read in (original offset), so a passage can show the cue. */
  clauseStart: number;
  section: TSectionKind;
};

const WORD_CHAR = /[\p{L}\p{N}_]/u;
// Spaces and hyphens inside a term match any run of them, including a line break.
const TERM_SEPARATOR = "[\\s\\-\\u2010\\u2011]*";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export function termPattern(term: string): string {
  const body = term
    .trim()
    .split(/[\s\-\u2010\u2011]+/)
    .map(escapeRegExp)
    .join(TERM_SEPARATOR);
  const first = term.trim()[0] ?? "";
  const last = term.trim().slice(-1);
  const before = WORD_CHAR.test(first) ? "(?<![\\p{L}\\p{N}_])" : "";
  // A plain word may take a plural ("REST APIs", "Celery workers"); its end must be a word boundary.
  const plural = /^\p{L}{3,}$/u.test(term.trim().split(/\s+/).pop() ?? "") ? "(?:e?s)?" : "";
  const after = WORD_CHAR.test(last) ? "(?![\\p{L}\\p{N}_])" : "";
  return `${before}(?:${body})${plural}${after}`;
}

type TCompiled = { regexes: RegExp[] };
const compiledCache = new Map<string, TCompiled>();
const MAX_CACHED = 500;

function compileTerms(terms: readonly TTermSpec[]): TCompiled {
  const key = JSON.stringify(terms);
  const cached = compiledCache.get(key);
  if (cached !== undefined) return cached;
  const byLength = (a: string, b: string): number => b.length - a.length;
  const insensitive = terms
    .filter((spec) => !isCaseSensitive(spec))
    .map(termText)
    .sort(byLength);
  const sensitive = terms.filter(isCaseSensitive).map(termText).sort(byLength);
  const regexes: RegExp[] = [];
  if (insensitive.length > 0)
    regexes.push(new RegExp(insensitive.map(termPattern).join("|"), "giu"));
  if (sensitive.length > 0) regexes.push(new RegExp(sensitive.map(termPattern).join("|"), "gu"));
  const compiled = { regexes };
  if (compiledCache.size >= MAX_CACHED) compiledCache.clear();
  compiledCache.set(key, compiled);
  return compiled;
}

/** Every mention of any of the terms, in text order, each read for negation and hedging. */
export function findMentions(index: TResumeTextIndex, terms: readonly TTermSpec[]): TMention[] {
  if (terms.length === 0) return [];
  const found = new Map<number, TMention>();
  for (const regex of compileTerms(terms).regexes) {
    regex.lastIndex = 0;
    for (const match of index.search.matchAll(regex)) {
      const searchStart = match.index;
      const searchEnd = searchStart + match[0].length;
      const existing = found.get(searchStart);
      if (existing !== undefined && existing.end - existing.start >= match[0].length) continue;
      const range = toOriginalRange(index, searchStart, searchEnd);
      const reading = readMention(index, searchStart, searchEnd);
      found.set(searchStart, {
        ...range,
        matched: index.original.slice(range.start, range.end),
        polarity: reading.polarity,
        ...(reading.cue === undefined ? {} : { cue: reading.cue }),
        clauseStart: index.toOriginal[reading.clauseStart] ?? range.start,
        section: sectionAt(index.sections, range.start)?.kind ?? "other",
      });
    }
  }
  return dropContained([...found.values()].sort((a, b) => a.start - b.start || b.end - a.end));
}

/** "Django REST Framework" and "REST" may both match; the longer mention wins. */
function dropContained(mentions: readonly TMention[]): TMention[] {
  const kept: TMention[] = [];
  for (const mention of mentions) {
    const previous = kept[kept.length - 1];
    if (previous !== undefined && mention.start >= previous.start && mention.end <= previous.end)
      continue;
    kept.push(mention);
  }
  return kept;
}
