import { z } from "zod";
import { APPLICATION_STATUSES, RECOMMENDATIONS, SCREEN_OUTCOMES } from "../../db/schema/index.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";
import { ZCompetencyId } from "../roles/templates/competencies.js";

/**
 * The shortlist of a role and one application's evidence breakdown. Field meanings are in
 * README.md beside this file; the web builds on these shapes, so change them only by adding.
 */

export const SHORTLIST_SORTS = ["composite", "lower", "pAbove"] as const;
export const ZShortlistSort = z.enum(SHORTLIST_SORTS);
export type TShortlistSort = z.infer<typeof ZShortlistSort>;

export const SHORTLIST_VIEWS = ["none", "leniency"] as const;
export const ZShortlistView = z.enum(SHORTLIST_VIEWS);
export type TShortlistView = z.infer<typeof ZShortlistView>;

export const ZShortlistQuery = z.strictObject({
  /** composite: the estimate; lower: the 80% band's lower end; pAbove: P(above the bar). Best first. */
  sort: ZShortlistSort.default("composite"),
  /** Only applications currently in this stage of the role's plan. */
  stage: ZUuid.optional(),
  status: z.enum(APPLICATION_STATUSES).default("active"),
  /**
   * A page of the sorted rows: the best `limit` after `offset` (all are ranked either way). The
   * default is the page the shortlist page opens with (50 rows, web/src/shortlist/ShortlistPage.tsx).
   */
  limit: z.coerce.number().int().min(1).max(2000).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  /**
   * none: the ratings as given. leniency: each rater's scorecard ratings minus their shrunk
   * leniency estimate (organisation-wide calibration); hiring managers and admins only.
   */
  adjust: z.enum(SHORTLIST_VIEWS).default("none"),
});
export type TShortlistQuery = z.infer<typeof ZShortlistQuery>;

export const ZVarianceSource = z.enum(["role", "organisation", "default"]);

/** The variance components the estimates used, and where they came from. */
export const ZVariances = z.object({
  mu: z.number(),
  tau2: z.number().min(0),
  sigma2: z.number().min(0),
  source: ZVarianceSource,
});
export type TVariances = z.infer<typeof ZVariances>;

export const FLAG_KINDS = [
  /** A competency with ≥ 10% of the weight has no evidence at all. */
  "missing-evidence",
  /** A competency rests on one source only. */
  "single-source",
  /** The counting assessment's integrity verdict is not clean. */
  "integrity",
  /** The submission matches another candidate's (added when similarity checking lands). */
  "similarity",
  /** A stage of the plan before the current one was never entered. */
  "stage-skipped",
  /** Two raters are 2 or more points apart on one competency. */
  "rater-disagreement",
] as const;
export const ZFlagKind = z.enum(FLAG_KINDS);
export type TFlagKind = z.infer<typeof ZFlagKind>;

export const ZEvidenceFlag = z.object({
  kind: ZFlagKind,
  competencyId: ZCompetencyId.nullable(),
  stageId: ZUuid.nullable(),
  /** One sentence for people, e.g. "Testing (15% of the weight) has no evidence." */
  message: z.string().max(300),
});
export type TEvidenceFlag = z.infer<typeof ZEvidenceFlag>;

/** The combined estimate on the 1–4 scale, with its 80% band and P(above the role's bar). */
export const ZComposite = z.object({
  estimate: z.number(),
  sd: z.number().min(0),
  low80: z.number(),
  high80: z.number(),
  pAbove: z.number().min(0).max(1),
});
export type TComposite = z.infer<typeof ZComposite>;

export const ZScreenVerdict = z.object({
  outcome: z.enum(SCREEN_OUTCOMES),
  screenedAt: ZIsoDateTime,
});

export const ZRaterRating = z.object({
  raterId: ZUuid,
  /** 1–4: the rater's explicit competency rating, else the mean of their question ratings. */
  rating: z.number().min(1).max(4),
});

export const ZAssessmentRating = z.object({
  assessmentId: ZUuid,
  packId: z.string().max(64),
  /** 0–100, the counting grading's weighted group score for this competency. */
  score: z.number().min(0).max(100),
  /** 1 + 3·score/100. */
  rating: z.number().min(1).max(4),
});

export const ZReviewRating = z.object({
  reviewerId: ZUuid,
  assessmentId: ZUuid,
  packId: z.string().max(64),
  /** 1–4: the mean of the reviewer's rubric dimensions that map to this competency. */
  rating: z.number().min(1).max(4),
});

export const ZCompetencyEstimate = z.object({
  competencyId: ZCompetencyId,
  /** The role's weight, 0–100. */
  weight: z.number().min(0).max(100),
  raterRatings: z.array(ZRaterRating).max(50),
  assessmentRatings: z.array(ZAssessmentRating).max(20),
  /** Submitted design reviews, one per reviewer. */
  reviewRatings: z.array(ZReviewRating).max(50),
  /** Sources (raters + assessments + design reviewers); each counts once. */
  n: z.number().int().min(0),
  mean: z.number().nullable(),
  /** θ̂ after shrinkage toward the role mean, and its sd; null without evidence. */
  estimate: z.number().nullable(),
  sd: z.number().nullable(),
});
export type TCompetencyEstimate = z.infer<typeof ZCompetencyEstimate>;

export const ZStageRecommendations = z.object({
  stageId: ZUuid,
  /** Submitted scorecards only, one per independent rater. */
  recommendations: z
    .array(z.object({ raterId: ZUuid, recommendation: z.enum(RECOMMENDATIONS).nullable() }))
    .max(50),
});

export const ZShortlistRow = z.object({
  applicationId: ZUuid,
  candidate: z.object({ id: ZUuid, name: z.string().max(200) }),
  status: z.enum(APPLICATION_STATUSES),
  stageId: ZUuid,
  screen: ZScreenVerdict.nullable(),
  stages: z.array(ZStageRecommendations).max(12),
  /** The role's competencies with a weight or with evidence, in the role's order. */
  competencies: z.array(ZCompetencyEstimate).max(20),
  /** null when no weighted competency has evidence. */
  composite: ZComposite.nullable(),
  /** Share (0–1) of the role's total weight whose competencies have evidence. */
  coverage: z.number().min(0).max(1),
  /** The counting assessment's integrity verdict; null without a graded assessment. */
  integrity: z.enum(["clean", "suspicious", "tampered"]).nullable(),
  flags: z.array(ZEvidenceFlag).max(60),
  /** Submitted scorecards the caller may not read, left out of everything above. */
  withheldScorecards: z.number().int().min(0),
});
export type TShortlistRow = z.infer<typeof ZShortlistRow>;

export const ZShortlistRole = z.object({
  id: ZUuid,
  title: z.string().max(200),
  /** 1–4: P(above the bar) is measured against it. */
  bar: z.number().min(1).max(4),
  competencies: z
    .array(z.object({ id: ZCompetencyId, name: z.string().max(80), weight: z.number() }))
    .max(20),
  stages: z
    .array(
      z.object({
        id: ZUuid,
        name: z.string().max(80),
        kind: z.string().max(40),
        position: z.number().int(),
      }),
    )
    .max(12),
});

export const ZLeniencyOffset = z.object({
  raterId: ZUuid,
  /** The shrunk leniency estimate d·n/(n + λ), in rating points (positive: rates high). */
  offset: z.number().min(-3).max(3),
  /** Comparisons with other raters it rests on. */
  comparisons: z.number().int().min(0),
});

export const ZShortlistResponse = z.object({
  role: ZShortlistRole,
  variances: ZVariances,
  /** Names of everyone referred to by a raterId. */
  people: z.array(z.object({ id: ZUuid, name: z.string().max(200) })).max(1000),
  rows: z.array(ZShortlistRow).max(5000),
  /** Rows matching the filters before paging; `rows` holds `limit` of them from `offset`. */
  total: z.number().int().min(0),
  sort: ZShortlistSort,
  /** Which view the numbers are: the ratings as given, or adjusted for each rater's leniency. */
  view: ZShortlistView,
  /** In the leniency view, the offset subtracted from each of the page's raters' ratings. */
  leniency: z.array(ZLeniencyOffset).max(1000),
  /** How the numbers were made (independence assumed, where the variances came from...). */
  notes: z.array(z.string().max(400)).max(10),
});
export type TShortlistResponse = z.infer<typeof ZShortlistResponse>;

export const ZEvidenceSource = z.object({
  kind: z.enum(["rater", "assessment", "design-review"]),
  /** For a rater (their name and the stages they rated in), or a design review's reviewer. */
  rater: z.object({ id: ZUuid, name: z.string().max(200) }).nullable(),
  stageIds: z.array(ZUuid).max(12),
  /** For an assessment, or the assessment a design review is of. */
  assessment: z
    .object({ id: ZUuid, packId: z.string().max(64), packTitle: z.string().max(120) })
    .nullable(),
  /** 1–4 on the competency. */
  rating: z.number().min(1).max(4),
  /**
   * explicit: the rater's competency rating; questions: mean of their question ratings;
   * design-review: mean of the reviewer's rubric dimensions on this competency.
   */
  basis: z.enum(["explicit", "questions", "assessment", "design-review"]),
  /** An assessment's 0–100 score for the competency. */
  score: z.number().nullable(),
});

/** One readable scorecard's key takeaways: sent once, however many competencies it rated. */
export const ZTakeaway = z.object({
  raterId: ZUuid,
  stageId: ZUuid,
  text: z.string().max(5000),
});

export const ZCompetencyBreakdown = z.object({
  competencyId: ZCompetencyId,
  name: z.string().max(80),
  weight: z.number().min(0).max(100),
  sources: z.array(ZEvidenceSource).max(60),
  n: z.number().int().min(0),
  mean: z.number().nullable(),
  estimate: z.number().nullable(),
  sd: z.number().nullable(),
  /** Renormalized share (0–1) of the composite this competency carries; 0 without evidence. */
  share: z.number().min(0).max(1),
  /** share × estimate: the points this competency adds to the composite. */
  contribution: z.number(),
});

/** What the decision panel shows. */
export const ZEvidenceSummary = z.object({
  composite: ZComposite.nullable(),
  coverage: z.number().min(0).max(1),
  bar: z.number().min(1).max(4),
  flags: z.array(ZEvidenceFlag).max(60),
  variances: ZVariances,
  integrity: z.enum(["clean", "suspicious", "tampered"]).nullable(),
});
export type TEvidenceSummary = z.infer<typeof ZEvidenceSummary>;

export const ZApplicationEvidenceResponse = z.object({
  application: z.object({
    id: ZUuid,
    status: z.enum(APPLICATION_STATUSES),
    stageId: ZUuid,
    candidate: z.object({ id: ZUuid, name: z.string().max(200) }),
  }),
  role: ZShortlistRole,
  screen: ZScreenVerdict.nullable(),
  stages: z.array(ZStageRecommendations).max(12),
  people: z.array(z.object({ id: ZUuid, name: z.string().max(200) })).max(100),
  competencies: z.array(ZCompetencyBreakdown).max(20),
  /** Each rater's key takeaways, once per rater and stage, in the plan's order. */
  takeaways: z.array(ZTakeaway).max(100),
  summary: ZEvidenceSummary,
  withheldScorecards: z.number().int().min(0),
  notes: z.array(z.string().max(400)).max(10),
});
export type TApplicationEvidenceResponse = z.infer<typeof ZApplicationEvidenceResponse>;
