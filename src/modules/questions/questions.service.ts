import type { TDatabase } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import { questionBank, ZQuestionSeed } from "./bank/index.js";
import type { TQuestionSeed } from "./bank/index.js";
import { presentQuestion, presentQuestionVersion } from "./question-presenter.js";
import type { TQuestionsRepo } from "./questions.repo.js";
import type { TListQuestionsQuery, TQuestionContent } from "./questions.schema.js";

function versionValues(content: Omit<TQuestionSeed, "id">) {
  return {
    area: content.area,
    title: content.title,
    prompt: content.prompt,
    competencies: content.competencies,
    levels: content.levels,
    cultureFacets: content.cultureFacets ?? null,
    suggestedMinutes: content.suggestedMinutes,
    signals: content.signals,
    redFlags: content.redFlags,
    followUps: content.followUps,
    rubric: content.rubric as unknown as Record<string, Record<string, string>>,
  };
}

/** Runs the seed schema's cross-field rules on edited content; reports fields under `content.`. */
function validateContent(questionId: string, content: TQuestionContent): TQuestionSeed {
  const parsed = ZQuestionSeed.safeParse({ id: questionId, ...content });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({
      field: ["content", ...issue.path.map(String)].join("."),
      message: issue.message,
    }));
    throw new AppError(
      "VALIDATION_FAILED",
      `Please check the question: ${fields[0]?.field ?? ""} ${fields[0]?.message ?? ""}.`,
      {
        fields,
      },
    );
  }
  return parsed.data;
}

export function createQuestionsService(deps: {
  db: TDatabase;
  questionsRepo: TQuestionsRepo;
  auditService: Pick<TAuditService, "recordEvent">;
}) {
  return {
    /**
     * Copies the built-in bank into the database the first time Shortlist starts, and adds
     * questions a newer release ships. Existing questions are never touched: once seeded, the
     * database (with its edit history) is the source of truth.
     */
    async ensureQuestionBankSeeded(): Promise<{ inserted: number }> {
      const existing = new Set(await deps.questionsRepo.listQuestionIds());
      const missing = questionBank.filter((q) => !existing.has(q.id));
      if (missing.length === 0) return { inserted: 0 };
      let inserted = 0;
      await deps.db.transaction(async (tx) => {
        for (const seed of missing) {
          const row = await deps.questionsRepo.insertQuestion(
            seed.id,
            { ...versionValues(seed), changeNote: "Seeded from the built-in question bank" },
            tx,
          );
          if (row) inserted++;
        }
      });
      return { inserted };
    },

    async searchQuestions(query: TListQuestionsQuery) {
      const { rows, total } = await deps.questionsRepo.searchCurrentVersions(query);
      return { questions: rows.map(presentQuestion), total };
    },

    async getQuestion(questionId: string) {
      const versions = await deps.questionsRepo.listVersionsOf(questionId);
      const latest = versions.at(-1);
      if (!latest) throw notFound("That question");
      return {
        question: presentQuestion(latest),
        versions: versions.map((v) => ({
          id: v.id,
          version: v.version,
          changeNote: v.changeNote,
          createdAt: v.createdAt.toISOString(),
        })),
      };
    },

    async getQuestionVersion(versionId: string) {
      const [row] = await deps.questionsRepo.findVersionsByIds([versionId]);
      if (!row) throw notFound("That question version");
      return { questionVersion: presentQuestionVersion(row) };
    },

    async createQuestion(questionId: string, content: TQuestionContent, actor: TActor) {
      const seed = validateContent(questionId, content);
      return deps.db.transaction(async (tx) => {
        const row = await deps.questionsRepo.insertQuestion(
          questionId,
          { ...versionValues(seed), changeNote: "Created", createdBy: actor.userId },
          tx,
        );
        if (!row)
          throw new AppError("CONFLICT", `A question with the id ${questionId} already exists.`, {
            fields: [{ field: "id", message: "is already taken" }],
          });
        const question = presentQuestion(row);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "question.created",
            entityType: "question",
            entityId: questionId,
            after: question,
          },
          tx,
        );
        return question;
      });
    },

    /** An edit never changes a version in place: it appends version n+1. */
    async reviseQuestion(
      questionId: string,
      input: { content: TQuestionContent; changeNote: string },
      actor: TActor,
    ) {
      const seed = validateContent(questionId, input.content);
      return deps.db.transaction(async (tx) => {
        const locked = await deps.questionsRepo.lockQuestion(questionId, tx);
        if (!locked) throw notFound("That question");
        const row = await deps.questionsRepo.insertVersion(
          {
            ...versionValues(seed),
            questionId,
            version: locked.latestVersion + 1,
            changeNote: input.changeNote,
            createdBy: actor.userId,
          },
          tx,
        );
        const question = presentQuestion(row);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "question.revised",
            entityType: "question",
            entityId: questionId,
            before: { version: locked.latestVersion },
            after: question,
          },
          tx,
        );
        return question;
      });
    },
  };
}
export type TQuestionsService = ReturnType<typeof createQuestionsService>;
