import { mapRangeToMasked, type TMaskedSpan } from "./blind-mask.js";
import type { TResumeFields } from "./resume-fields.js";

/**
 * The fields a blind reviewer may see: no e-mail or phone, links reduced to their kind and token,
 * and every offset moved onto the masked text. Date ranges that were masked (graduation dates) are
 * dropped, since their text is what the mask hides.
 */
export function redactFieldsForBlindReview(
  fields: TResumeFields,
  maskedSpans: readonly TMaskedSpan[],
): TResumeFields {
  const overlapsMask = (start: number, end: number): boolean =>
    maskedSpans.some((span) => start < span.end && end > span.start);
  const tokenAt = (start: number, end: number): string =>
    maskedSpans.find((span) => start < span.end && end > span.start)?.token ?? "[link]";
  return {
    emails: [],
    phones: [],
    links: fields.links.map((link) => ({
      ...link,
      url: tokenAt(link.start, link.end),
      ...mapRangeToMasked(maskedSpans, link.start, link.end),
    })),
    experience: {
      ...fields.experience,
      statements: fields.experience.statements
        .filter((statement) => !overlapsMask(statement.start, statement.end))
        .map((statement) => ({
          ...statement,
          ...mapRangeToMasked(maskedSpans, statement.start, statement.end),
        })),
      ranges: fields.experience.ranges
        .filter((range) => !overlapsMask(range.start, range.end))
        .map((range) => ({ ...range, ...mapRangeToMasked(maskedSpans, range.start, range.end) })),
    },
  };
}
