import { classifyHeading, type TSection } from "./resume-sections.js";
import { VOCABULARY_WORDS } from "./synonyms.js";

/** Finders for the personal details blind review hides; each returns [start, end) ranges of the text. */

export type TRange = { start: number; end: number };

function rangesOf(text: string, pattern: RegExp, group?: number): TRange[] {
  const ranges: TRange[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = group === undefined ? match[0] : match[group];
    if (value === undefined || value.trim() === "") continue;
    const offset = group === undefined ? 0 : match[0].indexOf(value);
    const start = match.index + offset;
    ranges.push({ start, end: start + value.trimEnd().length });
  }
  return ranges;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const NAME_PARTICLES = new Set([
  "van",
  "von",
  "de",
  "der",
  "den",
  "da",
  "di",
  "du",
  "del",
  "la",
  "le",
  "bin",
  "ibn",
  "al",
  "el",
  "y",
  "dos",
  "das",
]);
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)$/u;
const NOT_A_NAME_LINE = /^(?:curriculum vitae|cv|r[ée]sum[ée]|resume|profile|contact)$/i;
// "Senior Python Developer" is a title, not a name; "Ruby Chen" is a name even though Ruby is a language.
const TITLE_WORDS = new Set(
  "developer engineer software senior junior backend back-end frontend front-end full-stack fullstack stack programmer architect consultant lead manager resume cv curriculum vitae profile web python django".split(
    " ",
  ),
);
const NAME_SEGMENT_SPLIT = /\s*(?:[|·•,–—]|\s-\s)\s*/;

/**
 * The name shown as the first heading: the first non-empty line (after a "Curriculum Vitae" title)
 * up to a separator, if it reads like a name — two to five capitalised words, no digits.
 */
export function findHeadingName(text: string): TRange | undefined {
  let lineStart = 0;
  for (let lineNumber = 0; lineNumber < 4 && lineStart < text.length; lineNumber++) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trim();
    if (trimmed !== "" && !NOT_A_NAME_LINE.test(trimmed)) {
      const segment = trimmed.split(NAME_SEGMENT_SPLIT)[0] ?? "";
      const words = segment.split(/\s+/);
      const looksLikeName =
        words.length >= 2 &&
        words.length <= 5 &&
        segment.length <= 60 &&
        classifyHeading(segment) === undefined &&
        words.every((word) => NAME_WORD.test(word) || NAME_PARTICLES.has(word.toLowerCase())) &&
        !words.some((word) => TITLE_WORDS.has(word.toLowerCase())) &&
        !words.every((word) => VOCABULARY_WORDS.has(word.toLowerCase()));
      if (!looksLikeName) return undefined;
      const start = lineStart + line.indexOf(segment);
      return { start, end: start + segment.length };
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/**
 * Every occurrence of the full name (any spacing or case) and of each of its parts written as in the
 * name. A part that is also a technology word ("Ruby", "Rust", "Django") is masked only within the
 * full name, so the résumé's skills stay readable.
 */
export function findNameRanges(text: string, names: readonly string[]): TRange[] {
  const ranges: TRange[] = [];
  const parts = new Set<string>();
  for (const name of names) {
    const words = name
      .trim()
      .split(/\s+/)
      .filter((word) => word !== "");
    if (words.length === 0) continue;
    const full = new RegExp(
      `(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join("[\\s,]+")}(?![\\p{L}\\p{N}])`,
      "giu",
    );
    ranges.push(...rangesOf(text, full));
    if (words.length >= 2) {
      const reversed = new RegExp(
        `(?<![\\p{L}\\p{N}])${escapeRegExp(words[words.length - 1] ?? "")},\\s*${escapeRegExp(words[0] ?? "")}(?![\\p{L}\\p{N}])`,
        "giu",
      );
      ranges.push(...rangesOf(text, reversed));
    }
    for (const word of words) {
      const bare = word.replace(/[.,]$/, "");
      if (
        bare.length < 2 ||
        NAME_PARTICLES.has(bare.toLowerCase()) ||
        VOCABULARY_WORDS.has(bare.toLowerCase())
      )
        continue;
      parts.add(bare);
    }
  }
  for (const part of parts) {
    // Parts match as capitalised in the name, so "Will" or "May" as names do not hide "will" or "may".
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part)}(?![\\p{L}\\p{N}])`, "gu");
    ranges.push(...rangesOf(text, pattern));
    const upper = part.toUpperCase();
    if (upper !== part)
      ranges.push(
        ...rangesOf(
          text,
          new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(upper)}(?![\\p{L}\\p{N}])`, "gu"),
        ),
      );
  }
  return ranges;
}

const STREET_SUFFIX =
  "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Terrace|Close|Crescent|Parkway|Pkwy|Highway|Hwy|Gardens|Mews|Row|Hill|Grove";
const STREET_PATTERNS: readonly RegExp[] = [
  // 221B Baker Street, 1600 Pennsylvania Ave NW
  new RegExp(
    `\\b\\d{1,5}[A-Za-z]?,?\\s+(?:[A-Z][\\p{L}'’.-]*\\s+){1,4}(?:${STREET_SUFFIX})\\b\\.?(?:\\s+(?:NW|NE|SW|SE|N|S|E|W)\\b)?`,
    "gu",
  ),
  // Musterstraße 12, Hauptstr. 5a, Keizersgracht 123
  /\b\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|gracht|straat|laan|kade|vej|gatan|gata|veien)\s+\d{1,4}\s?[a-z]?\b/giu,
  // Rue de Rivoli 10 / Via Roma 12 / Calle Mayor 5 / ul. Długa 4
  /\b(?:Rue|Via|Viale|Piazza|Calle|Avenida|Rua|Ulica|ul\.)\s+(?:(?:de|del|della|di|la|le|du|des|da|do)\s+)*(?:\p{Lu}[\p{L}'’-]*\s+){0,3}?\p{Lu}[\p{L}'’-]*,?\s+\d{1,4}[a-z]?\b/gu,
  // 10 rue de Rivoli, 5 avenue Foch
  /\b\d{1,4},?\s+(?:rue|avenue|boulevard|bd|all[ée]e|place|chemin|impasse)\s+(?:(?:de|du|des|la|le|l')\s*)*\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}/giu,
];
const POSTCODE_PATTERNS: readonly RegExp[] = [
  /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g, // UK
  /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/g, // US state + ZIP
];
// Labels start a line or follow a separator ("Date of birth: … · Nationality: British").
const LABEL_START = "(?:^|(?<=[|·•;]))[ \\t]*";
const ADDRESS_LABEL = new RegExp(
  `${LABEL_START}(?:home\\s+)?(?:address|adresse|anschrift|domicile|residence)\\s*[:\\-–—]\\s*([^\\n|·•]+)`,
  "gim",
);
// An address runs on after the street through comma-separated city / postcode parts until a separator.
const ADDRESS_TAIL = /^(?:,\s*[^,|•·\n@]{1,40}){0,3}/;

export function findAddressRanges(text: string, headerEnd: number): TRange[] {
  const ranges = rangesOf(text, ADDRESS_LABEL, 1);
  for (const pattern of STREET_PATTERNS) {
    for (const range of rangesOf(text, pattern)) {
      const tail = ADDRESS_TAIL.exec(text.slice(range.end))?.[0] ?? "";
      ranges.push({ start: range.start, end: range.end + tail.trimEnd().length });
    }
  }
  // A postcode pins a home to a few houses; in the contact block it is masked even without a street.
  for (const pattern of POSTCODE_PATTERNS)
    ranges.push(...rangesOf(text.slice(0, headerEnd), pattern));
  return ranges;
}

const DATE_VALUE =
  "(?:\\d{1,2}[./-]\\d{1,2}[./-](?:19|20)?\\d{2}|(?:19|20)\\d{2}[./-]\\d{1,2}[./-]\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+\\p{L}+\\.?,?\\s+(?:19|20)\\d{2}|\\p{L}+\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}|(?:19|20)\\d{2})";
const DATE_OF_BIRTH = new RegExp(
  `\\b(?:date\\s+of\\s+birth|d\\.?o\\.?b\\.?|birth\\s*date|birthday|born(?:\\s+(?:on|in))?|geburtsdatum|geboren(?:\\s+am)?|n[ée]e?\\s+le|fecha\\s+de\\s+nacimiento)\\s*[:\\-–]?\\s*(${DATE_VALUE})`,
  "giu",
);
const AGE = /\bage\s*[:\-–]\s*(\d{2})\b|\b(\d{2}\s+(?:years|yrs)\s+old)\b/gi;
const PERSONAL_DETAIL = new RegExp(
  `${LABEL_START}(?:nationality|citizenship|gender|sex|marital\\s+status|family\\s+status|religion|place\\s+of\\s+birth)\\s*[:\\-–—]\\s*([^\\n|·•]+)`,
  "gim",
);

export function findBirthDateRanges(text: string): TRange[] {
  return rangesOf(text, DATE_OF_BIRTH, 1);
}

export function findAgeRanges(text: string): TRange[] {
  return [...text.matchAll(AGE)].map((match) => {
    const value = match[1] ?? match[2] ?? "";
    const start = match.index + match[0].indexOf(value);
    return { start, end: start + value.length };
  });
}

export function findPersonalDetailRanges(text: string): TRange[] {
  return rangesOf(text, PERSONAL_DETAIL, 1);
}

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const YEAR_OR_DATE = `(?:(?:${MONTH}\\s+|\\d{1,2}[./]\\s?)?(?:19|20)\\d{2})`;
const GRADUATION_DATE = new RegExp(
  `(?<![\\d.])${YEAR_OR_DATE}(?:\\s*(?:–|—|-|to|until)\\s*(?:${YEAR_OR_DATE}|present|now|expected\\s+(?:19|20)\\d{2}))?(?![\\d.])`,
  "gi",
);
const DEGREE_LINE =
  /\b(?:bachelor|master|b\.?\s?sc|m\.?\s?sc|b\.?\s?eng|m\.?\s?eng|b\.?a\.|m\.?a\.|ph\.?\s?d|mba|degree|diploma|graduat|class\s+of|a-levels?|abitur|high\s+school|gcse|baccalaur)/i;
const SCHOOL_LINE = /\b(?:universit|college|school|academy|institute|polytechnic|hochschule)/i;

/**
 * Graduation years and study periods give away age. Every date in the Education section is masked,
 * as is any date on a line naming a degree (or, outside Experience, a school); employment dates and
 * version numbers ("Python 3.12", "Django 5.2") are left alone.
 */
export function findGraduationDateRanges(text: string, sections: readonly TSection[]): TRange[] {
  const ranges: TRange[] = [];
  for (const section of sections) {
    if (section.kind === "education") {
      const body = text.slice(section.start, section.end);
      ranges.push(
        ...rangesOf(body, GRADUATION_DATE).map((r) => ({
          start: r.start + section.start,
          end: r.end + section.start,
        })),
      );
      continue;
    }
    let lineStart = section.start;
    while (lineStart < section.end) {
      const newline = text.indexOf("\n", lineStart);
      const lineEnd = newline === -1 || newline > section.end ? section.end : newline;
      const line = text.slice(lineStart, lineEnd);
      if (DEGREE_LINE.test(line) || (section.kind !== "experience" && SCHOOL_LINE.test(line))) {
        ranges.push(
          ...rangesOf(line, GRADUATION_DATE).map((r) => ({
            start: r.start + lineStart,
            end: r.end + lineStart,
          })),
        );
      }
      lineStart = lineEnd + 1;
    }
  }
  return ranges;
}

const PHOTO_REFERENCE =
  /\[image\]|<img\b[^>]*>|!\[[^\]]*\]\([^)]*\)|\b[\w-]+\.(?:jpe?g|png|gif|webp|heic|bmp)\b|^[ \t]*(?:photo|picture|headshot)\s*[:\-–].*$/gim;

export function findPhotoReferenceRanges(text: string): TRange[] {
  return rangesOf(text, PHOTO_REFERENCE);
}
