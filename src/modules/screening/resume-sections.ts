/**
 * Finds the usual résumé sections from their heading lines, so that a date range under "Education"
 * is not counted as work experience and graduation years can be told from employment dates.
 */

export type TSectionKind =
  | "header"
  | "summary"
  | "experience"
  | "education"
  | "projects"
  | "skills"
  | "certifications"
  | "other";

export type TSection = { kind: TSectionKind; heading: string; start: number; end: number };

const HEADING_PATTERNS: readonly (readonly [TSectionKind, RegExp])[] = [
  [
    "experience",
    /^(?:(?:professional|work|working|employment|relevant|career|industry)\s+)?(?:experience|history|employment|career)(?:\s+history)?$/,
  ],
  ["experience", /^(?:work|employment|career|professional)\s+(?:history|background)$/],
  [
    "education",
    /^(?:education|academic(?:\s+background|\s+history)?|studies|qualifications|education\s*(?:&|and)\s*\w+)$/,
  ],
  [
    "projects",
    /^(?:(?:selected|personal|side|key|notable)\s+)?projects$|^open[\s-]source(?:\s+\w+)?$|^portfolio$/,
  ],
  [
    "skills",
    /^(?:(?:technical|core|key)\s+)?(?:skills|competencies|technologies|expertise)(?:\s*(?:&|and)\s*\w+)?$|^tech(?:nology)?\s+stack$|^tools(?:\s*(?:&|and)\s*technologies)?$/,
  ],
  [
    "summary",
    /^(?:(?:professional\s+)?summary|profile|about(?:\s+me)?|objective|career\s+objective)$/,
  ],
  [
    "certifications",
    /^(?:certifications?|certificates|courses|training|licenses?(?:\s*(?:&|and)\s*certifications)?)$/,
  ],
  [
    "other",
    /^(?:languages|interests|hobbies|publications|awards|honou?rs|references|volunteer(?:ing)?(?:\s+experience)?|contact|personal\s+(?:details|information)|achievements)$/,
  ],
];

const MAX_HEADING_LENGTH = 48;

export function classifyHeading(line: string): TSectionKind | undefined {
  const normalized = line
    .trim()
    .replace(/^[#•\-–*\s]+/, "")
    .replace(/[:\s]+$/, "")
    .toLowerCase()
    .replace(/\s+/g, " ");
  if (normalized === "" || normalized.length > MAX_HEADING_LENGTH) return undefined;
  for (const [kind, pattern] of HEADING_PATTERNS) if (pattern.test(normalized)) return kind;
  return undefined;
}

export function detectSections(text: string): TSection[] {
  const sections: TSection[] = [];
  let current: TSection = { kind: "header", heading: "", start: 0, end: text.length };
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const kind = classifyHeading(text.slice(lineStart, lineEnd));
    if (kind !== undefined) {
      current.end = lineStart;
      if (current.end > current.start || current.kind !== "header") sections.push(current);
      current = {
        kind,
        heading: text.slice(lineStart, lineEnd).trim(),
        start: lineStart,
        end: text.length,
      };
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  sections.push(current);
  return sections;
}

/** The section holding an offset; sections are sorted and contiguous. */
export function sectionAt(sections: readonly TSection[], offset: number): TSection | undefined {
  let low = 0;
  let high = sections.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const section = sections[middle];
    if (section === undefined) return undefined;
    if (offset < section.start) high = middle - 1;
    else if (offset >= section.end && middle < sections.length - 1) low = middle + 1;
    else return section;
  }
  return undefined;
}
