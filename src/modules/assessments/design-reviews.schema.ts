import { z } from "zod";
import { DESIGN_REVIEW_STATUSES, MAX_ASSESSMENT_PARTS } from "../../db/schema/index.js";
import { ZDocumentDetails } from "../../grader/grade-report.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";
import { MAX_DOCUMENT_TEXT_BYTES } from "./design-reviews.document.js";

export const MIN_QUOTE_CHARS = 8;

/** A design review belongs to one part of an assessment, numbered as the candidate reads it. */
export const ZAssessmentPartParams = z.strictObject({
  assessmentId: ZUuid,
  part: z.coerce.number().int().min(1).max(MAX_ASSESSMENT_PARTS),
});
const MAX_QUOTE_CHARS = 2000;
const MAX_NOTE_CHARS = 2000;
const MAX_DIMENSIONS = 10;

const ZDimensionId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be a rubric dimension id");

/** One dimension as the reviewer scored it; drafts may leave any part empty. */
export const ZDesignReviewScore = z.object({
  dimensionId: ZDimensionId,
  rating: z.int().min(1).max(4).nullable(),
  /** An exact passage of the document (whitespace aside) that decided the rating. */
  quote: z.string().max(MAX_QUOTE_CHARS),
  note: z.string().max(MAX_NOTE_CHARS),
});
export type TDesignReviewScoreInput = z.infer<typeof ZDesignReviewScore>;

export const ZSaveDesignReviewDraftRequest = z.strictObject({
  /** The revision the client edited; 0 for a new draft. */
  revision: z.int().min(0).max(1_000_000),
  scores: z.array(ZDesignReviewScore).max(MAX_DIMENSIONS),
  summary: z.string().max(4000),
});
export type TSaveDesignReviewDraftRequest = z.infer<typeof ZSaveDesignReviewDraftRequest>;

export const ZSubmitDesignReviewRequest = z.strictObject({
  revision: z.int().min(1).max(1_000_000),
});

export const ZDesignReview = z.object({
  id: z.string(),
  reviewer: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(DESIGN_REVIEW_STATUSES),
  revision: z.int(),
  /** Which upload of the candidate's the review read. */
  submissionId: z.string(),
  scores: z.array(ZDesignReviewScore),
  summary: z.string(),
  submittedAt: ZIsoDateTime.nullable(),
  updatedAt: ZIsoDateTime,
});
export type TDesignReview = z.infer<typeof ZDesignReview>;

export const ZRubricDimension = z.object({
  id: z.string(),
  name: z.string(),
  competency: z.string(),
  /** The competency in words, from the catalogue. */
  competencyName: z.string(),
  anchors: z.object({ "1": z.string(), "2": z.string(), "3": z.string(), "4": z.string() }),
});

export const ZDesignReviewPage = z.object({
  assessmentId: z.string(),
  /** The part reviewed: its number in the assessment and how many parts there are. */
  part: z.object({ id: z.string(), position: z.int(), count: z.int() }),
  applicationId: z.string(),
  candidateName: z.string(),
  pack: z.object({ id: z.string(), title: z.string() }),
  /** The newest upload, rendered safely; null until the candidate has uploaded. */
  document: z
    .object({
      submissionId: z.string(),
      version: z.int(),
      filename: z.string(),
      submittedAt: ZIsoDateTime,
      isLate: z.boolean(),
      html: z.string(),
      /** Sections present and missing: shown to reviewers, never scored. */
      completeness: ZDocumentDetails,
    })
    .nullable(),
  rubric: z.array(ZRubricDimension),
  minQuoteChars: z.int(),
  /** Whether the caller may write a review (the role's hiring managers, assigned interviewers). */
  canReview: z.boolean(),
  mine: ZDesignReview.nullable(),
  /** Other reviewers' submitted reviews the caller may read. */
  reviews: z.array(ZDesignReview),
  /** Submitted reviews kept from the caller until they submit their own. */
  withheldCount: z.int(),
});
export type TDesignReviewPage = z.infer<typeof ZDesignReviewPage>;
export const ZDesignReviewPageResponse = z.object({ designReview: ZDesignReviewPage });
export const ZDesignReviewResponse = z.object({ review: ZDesignReview });

export const ZPortalDocumentTextRequest = z.strictObject({
  text: z
    .string()
    .max(MAX_DOCUMENT_TEXT_BYTES, "is longer than 1 MB of text; paste the design document alone"),
});
