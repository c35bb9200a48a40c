/** E-mail addresses and phone numbers, with their offsets so blind review can mask them. */

// Bounds the work on adversarial text; a résumé has a handful of each.
const MAX_CONTACTS = 20;

export type TContact = { value: string; start: number; end: number };

const EMAIL = /(?<![\w.+-])[a-z0-9](?:[a-z0-9._%+-]{0,63})@(?:[a-z0-9-]+\.)+[a-z]{2,24}(?![\w-])/gi;
// "jane [at] example [dot] com", written to dodge scrapers.
const OBFUSCATED_EMAIL =
  /(?<![\w.+-])[a-z0-9][a-z0-9._%+-]{0,63}\s*[[(]\s*at\s*[\])]\s*[a-z0-9-]+(?:\s*[[(]\s*dot\s*[\])]\s*[a-z0-9-]+)+/gi;

export function extractEmails(text: string): TContact[] {
  const found: TContact[] = [];
  for (const pattern of [EMAIL, OBFUSCATED_EMAIL]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      if (found.length >= MAX_CONTACTS) break;
      found.push({ value: normalizeEmail(match[0]), start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function normalizeEmail(raw: string): string {
  return raw
    .replace(/\s*[[(]\s*at\s*[\])]\s*/gi, "@")
    .replace(/\s*[[(]\s*dot\s*[\])]\s*/gi, ".")
    .toLowerCase();
}

/**
 * International and national formats: "+44 20 7946 0958", "+1 (415) 555-0132", "0044 …",
 * "(030) 1234567", "415.555.0132", "+49-30-1234-5678". Candidates are then checked so that years,
 * year ranges, dates and version numbers are not taken for phone numbers.
 */
const PHONE_CANDIDATE = /(?<![\w+.\/-])(?:\+|00)?\(?\d[\d\s().\-\/]{5,20}\d(?![\w.\/-]?\d)/g;
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;
const YEAR_RANGE = /^(?:19|20)\d\d\s*[-/–—]\s*(?:19|20)?\d\d$/;
const DATE_LIKE =
  /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{4}|\d{4}[./-]\d{1,2})$/;
// "03/2017 - 12/2019" is a pair of dates.
const MONTH_YEAR = /(?<!\d)(?:0?[1-9]|1[0-2])[/.](?:19|20)\d{2}(?!\d)/;
const PHONE_LABEL = /(?:phone|tel|mobile|mob|cell|whatsapp|telefon|handy|tél)\.?\s*[:.]?\s*$/i;

export function extractPhones(text: string): TContact[] {
  const found: TContact[] = [];
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const raw = match[0].replace(/[\s(\-./]+$/, "");
    const start = match.index;
    const digits = raw.replace(/\D/g, "");
    if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) continue;
    const compact = raw.replace(/\s+/g, "");
    if (YEAR_RANGE.test(raw.trim()) || DATE_LIKE.test(compact)) continue;
    if (!raw.startsWith("+") && (/\d{4}\s*[-–—]\s*\d{4}/.test(raw) || MONTH_YEAR.test(raw)))
      continue;
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const labelled = PHONE_LABEL.test(text.slice(lineStart, start));
    const international = raw.startsWith("+") || raw.startsWith("00");
    const grouped = /[\s().-]/.test(raw);
    // A long run of digits with no grouping and no label is more likely an id than a phone number.
    if (!labelled && !international && !grouped) continue;
    if (!labelled && !international && digits.length < 9) continue;
    if (found.length >= MAX_CONTACTS) break;
    found.push({
      value: (international ? "+" : "") + digits.replace(/^00/, ""),
      start,
      end: start + raw.length,
    });
  }
  return found;
}
