import { detectSections, sectionAt, type TSection } from "./resume-sections.js";

/**
 * Estimates years of professional experience two ways and says which was used:
 *  - explicit statements ("7+ years of experience", "over five years in backend development",
 *    "8 years of Python", "Senior Django developer, 9 years"), taking the largest (a "+" or "over" counts as the number itself);
 *  - employment date ranges ("Jan 2018 – Mar 2021", "2019 – present", "03/2016 - 11/2017"), merged so
 *    overlapping jobs count once. A year without a month is taken as mid-year, so "2018 – 2021" is
 *    three years. Ranges under Education (or on a line naming a degree or school) are ignored; when
 *    the résumé has an Experience section, only ranges inside it count.
 * When both exist the larger is used, since résumés often list only recent jobs.
 */

export type TDateRange = {
  text: string;
  start: number;
  end: number;
  /** "YYYY-MM" */
  from: string;
  /** "YYYY-MM" or "present" */
  to: string;
  months: number;
  counted: boolean;
  excludedBecause?: string;
};

export type TExperienceStatement = { text: string; start: number; end: number; years: number };

export type TExperienceEstimate = {
  years: number | null;
  source: "date_ranges" | "explicit_statement" | "both" | "none";
  explanation: string;
  statements: TExperienceStatement[];
  ranges: TDateRange[];
};

const MONTH_NAMES = [
  "jan(?:uary)?",
  "feb(?:ruary)?",
  "mar(?:ch)?",
  "apr(?:il)?",
  "may",
  "june?",
  "july?",
  "aug(?:ust)?",
  "sep(?:t(?:ember)?)?",
  "oct(?:ober)?",
  "nov(?:ember)?",
  "dec(?:ember)?",
];
const MONTH = `(${MONTH_NAMES.join("|")})\\.?`;
const DATE = `(?:${MONTH}\\s+|(\\d{1,2})[/.](?=\\d{4}))?((?:19|20)\\d{2})(?:[-/.](\\d{1,2})(?!\\d))?`;
const PRESENT = "(present|current|now|today|ongoing|to\\s+date|date)";
const SEPARATOR = "\\s*(?:–|—|-|−|to|until|till|→)\\s*";
const DATE_RANGE = new RegExp(
  `(?<![\\d/.])${DATE}${SEPARATOR}(?:${DATE}|${PRESENT})(?![\\d])`,
  "gi",
);
const SINCE = new RegExp(`\\bsince\\s+${DATE}(?![\\d])`, "gi");

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
};
const COUNT = `(\\d{1,2}(?:[.,]5)?|${Object.keys(NUMBER_WORDS).join("|")})`;
const QUALIFIER =
  "(?:professional|commercial|industry|hands-on|software|development|engineering|programming|web|backend|back-end|full-stack|python|django|relevant|total|work|working|production|combined)";
const EXPERIENCE_STATEMENT = new RegExp(
  `\\b${COUNT}\\s*(?:\\+|plus)?\\s*(?:years?|yrs?)['’]?(?:\\s+of)?(?:\\s+${QUALIFIER})*\\s+(?:experience|exp\\b|in\\s+(?:software|the\\s+industry|web|backend|python|development|it\\b|tech|engineering)|developing|building|working|as\\s+an?\\b)`,
  "gi",
);
const EXPERIENCE_LABEL_STATEMENT = new RegExp(
  `\\bexperience\\s*[:\\-–—]\\s*${COUNT}\\s*(?:\\+|plus)?\\s*(?:years?|yrs?)\\b`,
  "gi",
);
// "8 years of Python", "6 years of Django in production": years with a stack named right after them.
const TECHNOLOGY =
  "(?:python|django(?:\\s+rest\\s+framework)?|drf|backend|back-end|software\\s+(?:development|engineering)|web\\s+development|full-stack)";
const EXPERIENCE_TECHNOLOGY_STATEMENT = new RegExp(
  `\\b${COUNT}\\s*(?:\\+|plus)?\\s*(?:years?|yrs?)['’]?\\s+(?:of\\s+)?(?:(?:professional|commercial|hands-on|production)\\s+)?${TECHNOLOGY}\\b`,
  "gi",
);
// "Senior Django developer, 9 years", "Backend engineer (5+ yrs)": years right after a job title.
const TITLE_YEARS_STATEMENT = new RegExp(
  `\\b(?:developer|engineer|programmer|architect)\\s*(?:[,:(–—-]\\s*|\\s+with\\s+|\\s+for\\s+)${COUNT}\\s*(?:\\+|plus)?\\s*(?:years?|yrs?)(?![\\w-])(?!\\s+(?:old|at\\b|ago\\b))`,
  "gi",
);
const EDUCATION_LINE =
  /\b(?:universit|college|school|bachelor|master|b\.?\s?sc|m\.?\s?sc|b\.?a\b|m\.?a\b|ph\.?d|degree|diploma|graduat|academy|institute of technology|coursework)/i;
const MIDYEAR = 6;
// No résumé lists more; the caps keep adversarial text (thousands of dates) cheap.
const MAX_RANGES = 100;
const MAX_STATEMENTS = 50;
const SAME_YEAR_MONTHS = 6;

export function estimateExperienceYears(
  text: string,
  now: Date = new Date(),
  sections?: TSection[],
): TExperienceEstimate {
  const resumeSections = sections ?? detectSections(text);
  const nowIndex = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const ranges = findDateRanges(text, nowIndex, resumeSections);
  const statements = findStatements(text);

  const counted = ranges.filter((range) => range.counted);
  const rangeMonths = mergedMonths(counted, nowIndex);
  const rangeYears = counted.length > 0 ? roundYears(rangeMonths / 12) : null;
  const statedYears =
    statements.length > 0 ? Math.max(...statements.map((statement) => statement.years)) : null;

  if (rangeYears === null && statedYears === null) {
    return {
      years: null,
      source: "none",
      explanation: "No experience statement or employment dates found.",
      statements,
      ranges,
    };
  }
  const fromRanges =
    rangeYears === null
      ? ""
      : `${rangeYears} years from ${counted.length} employment date range${counted.length === 1 ? "" : "s"} (overlaps merged)`;
  const fromStatement =
    statedYears === null
      ? ""
      : `${statedYears} years stated (“${statements.find((s) => s.years === statedYears)?.text ?? ""}”)`;
  if (rangeYears !== null && statedYears !== null) {
    return {
      years: Math.max(rangeYears, statedYears),
      source: "both",
      explanation: `${fromStatement}; ${fromRanges}; using the larger.`,
      statements,
      ranges,
    };
  }
  if (rangeYears !== null)
    return {
      years: rangeYears,
      source: "date_ranges",
      explanation: `${fromRanges}.`,
      statements,
      ranges,
    };
  return {
    years: statedYears,
    source: "explicit_statement",
    explanation: `${fromStatement}.`,
    statements,
    ranges,
  };
}

function roundYears(years: number): number {
  return Math.round(years * 10) / 10;
}

type TParsedDate = { index: number; hasMonth: boolean };

function parseDate(
  monthName: string | undefined,
  monthNumber: string | undefined,
  year: string | undefined,
  trailingMonth: string | undefined,
): TParsedDate | undefined {
  if (year === undefined) return undefined;
  const y = Number(year);
  let month: number | undefined;
  if (monthName !== undefined) {
    const lower = monthName.toLowerCase();
    month = MONTH_NAMES.findIndex((pattern) => new RegExp(`^${pattern}$`).test(lower));
  } else if (monthNumber !== undefined) month = Number(monthNumber) - 1;
  else if (trailingMonth !== undefined) month = Number(trailingMonth) - 1;
  if (month !== undefined && (month < 0 || month > 11)) return undefined;
  return month === undefined
    ? { index: y * 12 + MIDYEAR, hasMonth: false }
    : { index: y * 12 + month, hasMonth: true };
}

function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function findDateRanges(
  text: string,
  nowIndex: number,
  sections: readonly TSection[],
): TDateRange[] {
  const hasExperienceSection = sections.some((section) => section.kind === "experience");
  const ranges: TDateRange[] = [];
  const add = (
    matchText: string,
    start: number,
    from: TParsedDate,
    to: TParsedDate | "present",
  ): void => {
    const toIndex = to === "present" ? nowIndex + 1 : to.hasMonth ? to.index + 1 : to.index;
    let months = toIndex - from.index;
    if (to !== "present" && !from.hasMonth && !to.hasMonth && months === 0)
      months = SAME_YEAR_MONTHS;
    if (months < 0 || from.index > nowIndex + 1 || from.index < 1960 * 12) return;
    const excludedBecause = exclusionReason(text, start, sections, hasExperienceSection);
    ranges.push({
      text: matchText,
      start,
      end: start + matchText.length,
      from: monthLabel(from.index),
      to: to === "present" ? "present" : monthLabel(toIndex - 1),
      months,
      counted: excludedBecause === undefined,
      ...(excludedBecause === undefined ? {} : { excludedBecause }),
    });
  };
  for (const match of text.matchAll(DATE_RANGE)) {
    if (ranges.length >= MAX_RANGES) break;
    const from = parseDate(match[1], match[2], match[3], match[4]);
    const to =
      match[9] !== undefined ? "present" : parseDate(match[5], match[6], match[7], match[8]);
    if (from !== undefined && to !== undefined) add(match[0], match.index, from, to);
  }
  for (const match of text.matchAll(SINCE)) {
    if (ranges.length >= MAX_RANGES) break;
    const from = parseDate(match[1], match[2], match[3], match[4]);
    if (
      from !== undefined &&
      !ranges.some((range) => match.index >= range.start && match.index < range.end)
    ) {
      add(match[0], match.index, from, "present");
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

function exclusionReason(
  text: string,
  start: number,
  sections: readonly TSection[],
  hasExperienceSection: boolean,
): string | undefined {
  const section = sectionAt(sections, start)?.kind;
  if (section === "education" || section === "certifications") return `in the ${section} section`;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = text.indexOf("\n", start);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  if (EDUCATION_LINE.test(line)) return "on a line about education";
  if (hasExperienceSection && section !== "experience")
    return `outside the experience section (${section ?? "unknown"})`;
  return undefined;
}

function mergedMonths(ranges: readonly TDateRange[], nowIndex: number): number {
  const intervals = ranges
    .map((range) => {
      const [fromYear, fromMonth] = range.from.split("-").map(Number);
      const from = (fromYear ?? 0) * 12 + (fromMonth ?? 1) - 1;
      return [from, from + range.months] as const;
    })
    .filter(([from, to]) => to > from && from <= nowIndex + 1)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let currentStart = -1;
  let currentEnd = -1;
  for (const [from, to] of intervals) {
    if (from > currentEnd) {
      total += currentEnd - currentStart;
      currentStart = from;
      currentEnd = to;
    } else currentEnd = Math.max(currentEnd, to);
  }
  return total + (currentEnd - currentStart);
}

function findStatements(text: string): TExperienceStatement[] {
  const statements: TExperienceStatement[] = [];
  const patterns = [
    EXPERIENCE_STATEMENT,
    EXPERIENCE_LABEL_STATEMENT,
    EXPERIENCE_TECHNOLOGY_STATEMENT,
    TITLE_YEARS_STATEMENT,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      // Two patterns can read the same words; the first reading stands.
      if (statements.some((s) => match.index < s.end && match.index + match[0].length > s.start))
        continue;
      const raw = (match[1] ?? "").toLowerCase().replace(",", ".");
      const years = NUMBER_WORDS[raw] ?? Number(raw);
      if (!Number.isFinite(years) || years <= 0 || years > 50) continue;
      if (statements.length >= MAX_STATEMENTS) break;
      statements.push({
        text: match[0],
        start: match.index,
        end: match.index + match[0].length,
        years,
      });
    }
  }
  return statements.sort((a, b) => a.start - b.start);
}
