import { z } from "zod";
import { ZUuid } from "../../shared/schema-primitives.js";

export const ZSimilarityParams = z.strictObject({ submissionId: ZUuid });

const ZRegionLine = z.object({
  number: z.number().int().nonnegative(),
  text: z.string().max(2000),
  /** Inside the shared region (the rest is context around it). */
  matched: z.boolean(),
});

const ZRegionSide = z.object({
  path: z.string().max(1000),
  startLine: z.number().int().nonnegative(),
  endLine: z.number().int().nonnegative(),
  /** Empty when the file could not be read back (binary, too large). */
  lines: z.array(ZRegionLine).max(200),
  /** The region was longer than what is shown. */
  truncated: z.boolean(),
});

export const ZSimilarityMatch = z.object({
  percent: z.number().int().min(0).max(100),
  sharedFingerprints: z.number().int().nonnegative(),
  /**
   * The other candidate, only when the caller may see that application; otherwise null and
   * the panel says "another candidate on a role you cannot see".
   */
  candidate: z
    .object({
      applicationId: ZUuid,
      name: z.string().max(300),
      roleTitle: z.string().max(300),
      submissionVersion: z.number().int().positive(),
    })
    .nullable(),
  regions: z
    .array(
      z.object({
        fingerprints: z.number().int().positive(),
        this: ZRegionSide,
        other: ZRegionSide,
      }),
    )
    .max(20),
});
export type TSimilarityMatch = z.infer<typeof ZSimilarityMatch>;

export const ZSimilarityResponse = z.object({
  similarity: z.object({
    /**
     * `pending` until the grading job has fingerprinted the submission; `not-applicable` for a
     * pack without Python (a design document) or a project with too little code of its own.
     */
    status: z.enum(["pending", "compared", "not-applicable"]),
    fingerprints: z.number().int().nonnegative(),
    /** The percentage from which the shortlist flags a match. */
    flagPercent: z.number().int().min(0).max(100),
    matches: z.array(ZSimilarityMatch).max(5),
  }),
});
export type TSimilarityResponse = z.infer<typeof ZSimilarityResponse>;
