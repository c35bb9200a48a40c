import { z } from "zod";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";
import { ZCompetencyId, ZCultureFacetId } from "../roles/templates/competencies.js";
import { ZLevel } from "../roles/templates/levels.js";
import { ZQuestionArea, ZQuestionId, ZQuestionRubric } from "./bank/index.js";

const ZChecklistItem = z.string().trim().min(5).max(200);

/**
 * The editable content of a question. Mirrors ZQuestionSeed field for field; the seed schema's
 * cross-field rules (no duplicates, per-level anchors only for asked levels) run in the service.
 */
export const ZQuestionContent = z.strictObject({
  area: ZQuestionArea,
  title: z.string().trim().min(3).max(80),
  prompt: z.string().trim().min(40).max(1200),
  competencies: z.array(ZCompetencyId).min(1).max(4),
  levels: z.array(ZLevel).min(1).max(3),
  cultureFacets: z.array(ZCultureFacetId).min(1).max(2).optional(),
  suggestedMinutes: z.int().min(3).max(20),
  signals: z.array(ZChecklistItem).min(4).max(7),
  redFlags: z.array(ZChecklistItem).min(2).max(4),
  followUps: z.array(ZChecklistItem).min(2).max(4),
  rubric: ZQuestionRubric,
});
export type TQuestionContent = z.infer<typeof ZQuestionContent>;

export const ZQuestionVersion = z.object({
  id: ZUuid,
  questionId: z.string(),
  version: z.number().int(),
  area: ZQuestionArea,
  title: z.string(),
  prompt: z.string(),
  competencies: z.array(ZCompetencyId),
  levels: z.array(ZLevel),
  cultureFacets: z.array(ZCultureFacetId).nullable(),
  suggestedMinutes: z.number().int(),
  signals: z.array(z.string()),
  redFlags: z.array(z.string()),
  followUps: z.array(z.string()),
  rubric: ZQuestionRubric,
  changeNote: z.string().nullable(),
  createdAt: ZIsoDateTime,
});
export type TQuestionVersion = z.infer<typeof ZQuestionVersion>;

export const ZQuestion = z.object({
  id: z.string(),
  latestVersion: z.number().int(),
  current: ZQuestionVersion,
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZListQuestionsQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  competency: ZCompetencyId.optional(),
  level: ZLevel.optional(),
  area: ZQuestionArea.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type TListQuestionsQuery = z.infer<typeof ZListQuestionsQuery>;

export const ZListQuestionsResponse = z.object({
  questions: z.array(ZQuestion),
  total: z.number().int(),
});

export const ZQuestionIdParams = z.strictObject({ questionId: ZQuestionId });
export const ZQuestionVersionIdParams = z.strictObject({ versionId: ZUuid });

export const ZQuestionDetailResponse = z.object({
  question: ZQuestion,
  versions: z.array(
    z.object({
      id: ZUuid,
      version: z.number().int(),
      changeNote: z.string().nullable(),
      createdAt: ZIsoDateTime,
    }),
  ),
});

export const ZQuestionVersionResponse = z.object({ questionVersion: ZQuestionVersion });

export const ZCreateQuestionRequest = z.strictObject({
  id: ZQuestionId,
  content: ZQuestionContent,
});

export const ZReviseQuestionRequest = z.strictObject({
  content: ZQuestionContent,
  changeNote: z.string().trim().min(3).max(500),
});

export const ZQuestionResponse = z.object({ question: ZQuestion });
