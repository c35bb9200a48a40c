import { z } from "zod";
import { RESUME_EXTRACT_ERROR_CODES } from "./resume-extract-error.js";
import { LINK_KINDS, ZChecklistItemId } from "./screening-checklist.js";

/**
 * Response schemas for what this module returns, for the HTTP layer (OpenAPI is generated from them).
 * The TypeScript types live beside the code that builds the values; screen-resume.test.ts parses a
 * real proposal with ZScreenProposal so the two cannot drift apart.
 */

const MAX_TEXT = 2_000_000;
const ZOffset = z.int().min(0).max(MAX_TEXT);
const ZPolarity = z.enum(["positive", "negated", "hedged"]);

export const ZResumeExtractErrorCode = z.enum(RESUME_EXTRACT_ERROR_CODES);

export const ZHighlight = z.object({ start: ZOffset, end: ZOffset, polarity: ZPolarity });

export const ZPassage = z.object({
  text: z.string().max(2000),
  start: ZOffset,
  end: ZOffset,
  highlights: z.array(ZHighlight).max(50),
  polarity: ZPolarity,
  cutBefore: z.boolean().optional(),
  cutAfter: z.boolean().optional(),
});

export const ZItemProposal = z.object({
  itemId: ZChecklistItemId,
  verdict: z.enum(["met", "not_met", "unclear"]),
  confidence: z.number().min(0).max(1),
  reason: z.string().max(500),
  passages: z.array(ZPassage).max(10),
});

const ZContact = z.object({ value: z.string().max(320), start: ZOffset, end: ZOffset });

export const ZResumeFields = z.object({
  emails: z.array(ZContact).max(50),
  phones: z.array(ZContact).max(50),
  links: z
    .array(
      z.object({
        kind: z.enum(LINK_KINDS),
        url: z.string().max(2048),
        start: ZOffset,
        end: ZOffset,
      }),
    )
    .max(200),
  experience: z.object({
    years: z.number().min(0).max(100).nullable(),
    source: z.enum(["date_ranges", "explicit_statement", "both", "none"]),
    explanation: z.string().max(1000),
    statements: z
      .array(
        z.object({ text: z.string().max(300), start: ZOffset, end: ZOffset, years: z.number() }),
      )
      .max(100),
    ranges: z
      .array(
        z.object({
          text: z.string().max(100),
          start: ZOffset,
          end: ZOffset,
          from: z.string().max(7),
          to: z.string().max(7),
          months: z.int().min(0),
          counted: z.boolean(),
          excludedBecause: z.string().max(200).optional(),
        }),
      )
      .max(200),
  }),
});

export const ZMaskedSpan = z.object({
  kind: z.enum([
    "name",
    "email",
    "phone",
    "link",
    "address",
    "birth_date",
    "age",
    "personal_detail",
    "graduation_date",
    "photo",
  ]),
  token: z.string().max(40),
  start: ZOffset,
  end: ZOffset,
  maskedStart: ZOffset,
  maskedEnd: ZOffset,
});

export const ZScreenSummary = z.object({
  met: z.int().min(0),
  notMet: z.int().min(0),
  unclear: z.int().min(0),
  knockoutsNotMet: z.array(ZChecklistItemId).max(50),
  requiredNotMet: z.array(ZChecklistItemId).max(50),
  headline: z.string().max(1000),
  disclaimer: z.string().max(500),
});

export const ZScreenProposal = z.object({
  text: z.string().max(MAX_TEXT),
  blind: z.boolean(),
  // In blind review the original offsets of masked spans are kept server-side; they reveal lengths only.
  maskedSpans: z.array(ZMaskedSpan).max(1000),
  fields: ZResumeFields,
  items: z.array(ZItemProposal).max(50),
  summary: ZScreenSummary,
});
export type TScreenProposalResponse = z.infer<typeof ZScreenProposal>;
