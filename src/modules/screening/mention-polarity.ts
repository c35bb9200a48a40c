import { clauseAround, type TResumeTextIndex } from "./resume-text-index.js";
import { VOCABULARY_WORDS } from "./synonyms.js";

/**
 * Whether a mention of a skill is a claim ("built APIs with DRF"), a denial ("never used Celery",
 * "no Django experience", "without PostgreSQL") or a hedge ("currently learning Django"). Only the
 * words of the same clause count, so "Django, but no Celery" denies Celery and not Django.
 */
export type TMentionPolarity = "positive" | "negated" | "hedged";

export type TMentionReading = {
  polarity: TMentionPolarity;
  /** The words that made it a denial or a hedge, for the reason shown to the reviewer. */
  cue?: string;
  /** Where the clause holding the mention starts, in `search` offsets. */
  clauseStart: number;
};

const NEGATION_CUES = new Set([
  "no",
  "not",
  "never",
  "without",
  "none",
  "nor",
  "neither",
  "lack",
  "lacks",
  "lacking",
  "unfamiliar",
  "zero",
  "cannot",
]);
// These take only the next few words as their object: "built it without tests using Django".
const SHORT_SCOPE_CUES = new Set(["without", "nor", "lack", "lacks", "lacking"]);
const NOT_A_NEGATION_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  not: new Set(["only", "just", "limited", "merely"]),
  no: new Set(["longer", "matter", "less"]),
  never: new Set(["mind"]),
};

// Words that may sit between a negation and the skill it negates: "no professional experience with
// Django", "haven't really worked with Celery or Redis".
const FILLER_WORDS = new Set(
  (
    "experience exposure knowledge familiarity familiar expertise background skills skill with in of on " +
    "using use used worked work working any professional commercial production hands-on real-world real " +
    "prior previous or and nor the a an yet much significant deep i i've we have has had been do does did " +
    "know known really ever touched touch tried write writing written wrote build built building deploy " +
    "deployed managed run ran got get tools frameworks framework like such as e.g. etc either neither " +
    "extensive solid strong practical direct personally developing developed develop programming coding " +
    "configuring maintaining operating setting up at all"
  ).split(" "),
);

const HEDGE_CUES = new Set([
  "learning",
  "learn",
  "basic",
  "basics",
  "beginner",
  "exposure",
  "studying",
  "coursework",
  "course",
  "tutorial",
  "tutorials",
  "interested",
  "familiarity",
  "introductory",
  "hobby",
]);
const NOT_A_HEDGE_AFTER_WORD = new Set(["machine", "deep", "reinforcement", "e-learning"]);

// Every word between the cue and the skill must be a filler or another skill ("no Django, Flask or
// Celery experience"), so "no downtime using PostgreSQL" is not read as a denial.
const NEGATION_WINDOW = 14;
const SHORT_SCOPE_WINDOW = 4;
const HEDGE_WINDOW = 4;

const CLAUSE_WINDOW_CHARS = 300;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'+#./_-]*/gu;
const AFTER_NEGATION =
  /^\s*(?:[:(\-–—]\s*)?(?:none|n\/a|not used|never used|no experience|not familiar|no)\s*(?:[).,;|]|$)/i;
const AFTER_HEDGE =
  /^\s*[:(\-–—]?\s*(?:basic|beginner|learning|some exposure|familiar|coursework)\b/i;

export function readMention(index: TResumeTextIndex, start: number, end: number): TMentionReading {
  const clause = clauseAround(index, start, end);
  // Only the words near the mention matter; the cap keeps a résumé without punctuation linear.
  const clauseStartNear = Math.max(clause.start, start - CLAUSE_WINDOW_CHARS);
  const before = [...index.search.slice(clauseStartNear, start).matchAll(WORD)];
  const after = index.search.slice(end, Math.min(clause.end, end + CLAUSE_WINDOW_CHARS));
  const words = before.map((match) => match[0]);
  // The cue is quoted from its first word to a few words past the skill: “never used Celery in production”.
  const tidy = (text: string): string =>
    text
      .replace(/\s+/g, " ")
      .replace(/[\s,:;.!?(\-–—]+$/, "")
      .trim();
  const phraseFrom = (position: number): string =>
    tidy(
      index.search.slice(clauseStartNear + (before[position]?.index ?? 0), end) +
        (/^[^.;|\n]{0,30}?(?=\s|$)/.exec(after)?.[0] ?? ""),
    );
  const clauseStart = clause.start;

  const negationAt = findNegationBefore(words);
  if (negationAt !== undefined)
    return { polarity: "negated", cue: phraseFrom(negationAt), clauseStart };
  if (AFTER_NEGATION.test(after))
    return { polarity: "negated", cue: tidy(index.search.slice(start, clause.end)), clauseStart };
  const hedgeAt = findHedgeBefore(words);
  if (hedgeAt !== undefined) return { polarity: "hedged", cue: phraseFrom(hedgeAt), clauseStart };
  if (AFTER_HEDGE.test(after))
    return { polarity: "hedged", cue: tidy(index.search.slice(start, clause.end)), clauseStart };
  return { polarity: "positive", clauseStart };
}

function isListish(word: string): boolean {
  const lower = word.toLowerCase();
  return FILLER_WORDS.has(lower) || VOCABULARY_WORDS.has(lower) || /[\p{Lu}\p{N}.]/u.test(word);
}

/** Position in `words` of the cue that negates the skill following them, if any. */
function findNegationBefore(words: readonly string[]): number | undefined {
  for (let distance = 1; distance <= Math.min(words.length, NEGATION_WINDOW); distance++) {
    const position = words.length - distance;
    const word = words[position] ?? "";
    const lower = word.toLowerCase();
    const isCue = NEGATION_CUES.has(lower) || /n't$/.test(lower);
    if (!isCue) {
      if (!isListish(word)) return undefined;
      continue;
    }
    const next = words[position + 1];
    if (next !== undefined && NOT_A_NEGATION_AFTER[lower]?.has(next.toLowerCase()))
      return undefined;
    // "No Limits Ltd" is a company, "No Django experience" is a denial.
    if (
      word === "No" &&
      next !== undefined &&
      /^\p{Lu}/u.test(next) &&
      !VOCABULARY_WORDS.has(next.toLowerCase())
    ) {
      return undefined;
    }
    const window = SHORT_SCOPE_CUES.has(lower) ? SHORT_SCOPE_WINDOW : NEGATION_WINDOW;
    return distance <= window ? position : undefined;
  }
  return undefined;
}

function findHedgeBefore(words: readonly string[]): number | undefined {
  for (let distance = 1; distance <= Math.min(words.length, HEDGE_WINDOW); distance++) {
    const position = words.length - distance;
    const lower = (words[position] ?? "").toLowerCase();
    if (!HEDGE_CUES.has(lower)) continue;
    if (NOT_A_HEDGE_AFTER_WORD.has((words[position - 1] ?? "").toLowerCase())) continue;
    return position;
  }
  return undefined;
}
