import {
  findAddressRanges,
  findAgeRanges,
  findBirthDateRanges,
  findGraduationDateRanges,
  findHeadingName,
  findNameRanges,
  findPersonalDetailRanges,
  findPhotoReferenceRanges,
  type TRange,
} from "./blind-mask-detectors.js";
import { extractResumeFields, type TResumeFields } from "./resume-fields.js";
import type { TLinkKind } from "./resume-links.js";
import { detectSections, type TSection } from "./resume-sections.js";

/**
 * Blind review: hides who the candidate is while keeping what they can do. Masked are the name
 * (the known candidate name and the name heading the résumé), e-mail, phone, links, street
 * addresses, dates of birth and age, nationality/gender-style personal details, photo references
 * and graduation dates; each becomes a fixed token such as "[name]". Skills, versions ("Python
 * 3.12") and employment dates stay. Evidence for blind review is computed on the masked text, so a
 * passage can never show what was masked (see proposeScreen's `blind` option).
 */

export type TMaskKind =
  | "name"
  | "email"
  | "phone"
  | "link"
  | "address"
  | "birth_date"
  | "age"
  | "personal_detail"
  | "graduation_date"
  | "photo";

export type TMaskedSpan = {
  kind: TMaskKind;
  token: string;
  /** Range in the original text. */
  start: number;
  end: number;
  /** Range of the token in the masked text. */
  maskedStart: number;
  maskedEnd: number;
};

export type TMaskResult = { text: string; maskedSpans: TMaskedSpan[] };

export type TMaskInput = {
  /** The name the candidate applied with; the heading name is masked even without it. */
  candidateName?: string;
  /** Fields already extracted from the same text; extracted here when absent. */
  fields?: TResumeFields;
  sections?: TSection[];
};

const LINK_TOKENS: Partial<Record<TLinkKind, string>> = {
  github: "[github-link]",
  gitlab: "[gitlab-link]",
  bitbucket: "[bitbucket-link]",
  linkedin: "[linkedin-link]",
  portfolio: "[portfolio-link]",
};
const TOKENS: Readonly<Record<Exclude<TMaskKind, "link">, string>> = {
  name: "[name]",
  email: "[email]",
  phone: "[phone]",
  address: "[address]",
  birth_date: "[date-of-birth]",
  age: "[age]",
  personal_detail: "[personal-detail]",
  graduation_date: "[graduation-date]",
  photo: "[photo]",
};
// When two detections overlap, the merged span takes the kind that says more about why it was hidden.
const PRIORITY: readonly TMaskKind[] = [
  "email",
  "link",
  "phone",
  "birth_date",
  "address",
  "name",
  "graduation_date",
  "age",
  "personal_detail",
  "photo",
];
const HEADER_CHARS = 600;

type TCandidateSpan = TRange & { kind: TMaskKind; token: string };

export function maskResume(text: string, input: TMaskInput = {}): TMaskResult {
  const sections = input.sections ?? detectSections(text);
  const fields = input.fields ?? extractResumeFields(text, { sections });
  const spans: TCandidateSpan[] = [];
  const add = (ranges: readonly TRange[], kind: Exclude<TMaskKind, "link">): void => {
    for (const range of ranges)
      if (range.end > range.start) spans.push({ ...range, kind, token: TOKENS[kind] });
  };

  const headingName = findHeadingName(text);
  const names = [
    input.candidateName ?? "",
    headingName === undefined ? "" : text.slice(headingName.start, headingName.end),
  ].filter((name) => name.trim() !== "");
  if (headingName !== undefined) add([headingName], "name");
  add(findNameRanges(text, names), "name");
  add(fields.emails, "email");
  add(fields.phones, "phone");
  for (const link of fields.links)
    spans.push({
      start: link.start,
      end: link.end,
      kind: "link",
      token: LINK_TOKENS[link.kind] ?? "[link]",
    });
  add(findAddressRanges(text, Math.min(text.length, HEADER_CHARS)), "address");
  add(findBirthDateRanges(text), "birth_date");
  add(findAgeRanges(text), "age");
  add(findPersonalDetailRanges(text), "personal_detail");
  add(findGraduationDateRanges(text, sections), "graduation_date");
  add(findPhotoReferenceRanges(text), "photo");

  return applyMasks(text, mergeOverlaps(spans));
}

function mergeOverlaps(spans: readonly TCandidateSpan[]): TCandidateSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TCandidateSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start < last.end) {
      const winner = PRIORITY.indexOf(span.kind) < PRIORITY.indexOf(last.kind) ? span : last;
      merged[merged.length - 1] = {
        start: last.start,
        end: Math.max(last.end, span.end),
        kind: winner.kind,
        token: winner.token,
      };
    } else merged.push(span);
  }
  return merged;
}

function applyMasks(text: string, spans: readonly TCandidateSpan[]): TMaskResult {
  let masked = "";
  let cursor = 0;
  const maskedSpans: TMaskedSpan[] = [];
  for (const span of spans) {
    masked += text.slice(cursor, span.start);
    const maskedStart = masked.length;
    masked += span.token;
    maskedSpans.push({
      kind: span.kind,
      token: span.token,
      start: span.start,
      end: span.end,
      maskedStart,
      maskedEnd: masked.length,
    });
    cursor = span.end;
  }
  masked += text.slice(cursor);
  return { text: masked, maskedSpans };
}

/**
 * Maps a range of the original text onto the masked text. A range touching a masked span widens to
 * cover the whole token, so a highlight never cuts a token or reveals part of what it hides.
 */
export function mapRangeToMasked(
  maskedSpans: readonly TMaskedSpan[],
  start: number,
  end: number,
): { start: number; end: number } {
  return { start: mapOffset(maskedSpans, start, "start"), end: mapOffset(maskedSpans, end, "end") };
}

function mapOffset(
  maskedSpans: readonly TMaskedSpan[],
  offset: number,
  side: "start" | "end",
): number {
  let shift = 0;
  for (const span of maskedSpans) {
    if (offset <= span.start) break;
    if (offset < span.end) return side === "start" ? span.maskedStart : span.maskedEnd;
    shift = span.maskedEnd - span.end;
  }
  return offset + shift;
}
