import { redactFieldsForBlindReview } from "./blind-fields.js";
import { mapRangeToMasked, maskResume, type TMaskedSpan } from "./blind-mask.js";
import { proposeItemVerdict, type TItemProposal, type TProfileLink } from "./evidence-matcher.js";
import { extractResumeFields, type TResumeFields } from "./resume-fields.js";
import { indexResumeText } from "./resume-text-index.js";
import {
  LEVEL_EXPERIENCE_YEARS,
  type TChecklistItem,
  type TSeniorityLevel,
} from "./screening-checklist.js";

/**
 * One call for the screening page: fields, a proposed verdict per checklist item with evidence
 * passages, and a summary. Everything here is a proposal for the reviewer, who makes every decision;
 * nothing in this module rejects a candidate, and a knockout item that looks unmet is surfaced, not
 * acted on.
 */

export type TScreenInput = {
  text: string;
  checklist: readonly TChecklistItem[];
  level: TSeniorityLevel;
  /** Blind review: mask identity first and cut every passage from the masked text. */
  blind?: { candidateName?: string };
  /** "Present" in date ranges means this date. */
  now?: Date;
  /** Links typed on the candidate's profile (GitHub, portfolio, LinkedIn). */
  profileLinks?: readonly TProfileLink[];
};

export type TScreenSummary = {
  met: number;
  notMet: number;
  unclear: number;
  /** Knockout items proposed as not met: the reviewer should look at these first. */
  knockoutsNotMet: string[];
  requiredNotMet: string[];
  headline: string;
  disclaimer: string;
};

export type TScreenProposal = {
  /** The text every passage and field offset points into (the masked text in blind review). */
  text: string;
  blind: boolean;
  maskedSpans: TMaskedSpan[];
  fields: TResumeFields;
  items: TItemProposal[];
  summary: TScreenSummary;
};

export const SCREENING_DISCLAIMER =
  "Proposals only: verdicts are suggested from the résumé text to help the reviewer, who decides. Wording the matcher does not know reads as “not mentioned”.";

/** Far beyond any résumé (a dense two-page one is ~8,000 characters); bounds the work per call. */
export const MAX_SCREEN_TEXT_CHARS = 200_000;

export function proposeScreen(input: TScreenInput): TScreenProposal {
  const text =
    input.text.length > MAX_SCREEN_TEXT_CHARS
      ? input.text.slice(0, MAX_SCREEN_TEXT_CHARS)
      : input.text;
  const originalIndex = indexResumeText(text);
  const originalFields = extractResumeFields(text, {
    ...(input.now === undefined ? {} : { now: input.now }),
    sections: originalIndex.sections,
  });

  let index = originalIndex;
  let fields = originalFields;
  let maskedSpans: TMaskedSpan[] = [];
  let mapFieldRange: ((start: number, end: number) => { start: number; end: number }) | undefined;
  if (input.blind !== undefined) {
    const masked = maskResume(text, {
      ...(input.blind.candidateName === undefined
        ? {}
        : { candidateName: input.blind.candidateName }),
      fields: originalFields,
      sections: originalIndex.sections,
    });
    maskedSpans = masked.maskedSpans;
    index = indexResumeText(masked.text);
    fields = redactFieldsForBlindReview(originalFields, maskedSpans);
    mapFieldRange = (start, end) => mapRangeToMasked(maskedSpans, start, end);
  }

  // Field offsets were computed on the original text; in blind review they are mapped on the fly.
  const items = input.checklist.map((item) =>
    proposeItemVerdict(item, {
      index,
      fields: originalFields,
      ...(mapFieldRange === undefined ? {} : { mapFieldRange }),
      ...(input.profileLinks === undefined ? {} : { profileLinks: input.profileLinks }),
    }),
  );
  return {
    text: index.original,
    blind: input.blind !== undefined,
    maskedSpans,
    fields,
    items,
    summary: summarize(items, input.checklist, input.level, originalFields),
  };
}

function summarize(
  items: readonly TItemProposal[],
  checklist: readonly TChecklistItem[],
  level: TSeniorityLevel,
  fields: TResumeFields,
): TScreenSummary {
  const kindOf = new Map(checklist.map((item) => [item.id, item.kind]));
  const notMet = items.filter((item) => item.verdict === "not_met");
  const knockoutsNotMet = notMet
    .filter((item) => kindOf.get(item.itemId) === "knockout")
    .map((item) => item.itemId);
  const requiredNotMet = notMet
    .filter((item) => kindOf.get(item.itemId) === "required")
    .map((item) => item.itemId);
  const met = items.filter((item) => item.verdict === "met").length;
  const unclear = items.filter((item) => item.verdict === "unclear").length;
  const band = LEVEL_EXPERIENCE_YEARS[level];
  const years = fields.experience.years;
  const experience =
    years === null
      ? "experience not estimated"
      : `≈${years} years of experience (${level}: ${band.max === undefined ? `${band.min}+` : `${band.min}–${band.max}`})`;
  const attention =
    knockoutsNotMet.length > 0
      ? `; check knockout item${knockoutsNotMet.length === 1 ? "" : "s"}: ${knockoutsNotMet.join(", ")}`
      : unclear > 0
        ? "; some items need a closer look"
        : "";
  return {
    met,
    notMet: notMet.length,
    unclear,
    knockoutsNotMet,
    requiredNotMet,
    headline: `${met} of ${items.length} items look met, ${experience}${attention}.`,
    disclaimer: SCREENING_DISCLAIMER,
  };
}
