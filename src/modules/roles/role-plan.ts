import { AppError } from "../../errors.js";
import type { TFieldIssue } from "../../errors.js";
import type { TStageKitItem, TTeamRole } from "../../db/schema/index.js";
import type { TUserRole } from "../../db/schema/index.js";
import type { TQuestionVersionRow } from "../questions/questions.repo.js";
import type { TLevel } from "./templates/levels.js";
import { levelTemplateByLevel } from "./templates/level-templates.js";
import type { TStageInput, TTeamMemberInput } from "./roles.schema.js";

/** The level template's plan as editable stage input, with each question's suggested minutes. */
export function templateStages(
  level: TLevel,
  minutesOf: (questionId: string) => number | undefined,
): TStageInput[] {
  return levelTemplateByLevel[level].stages.map((stage) => ({
    kind: stage.id,
    name: stage.name,
    purpose: stage.purpose,
    durationMinutes: stage.durationMinutes,
    competencies: [...stage.competencies],
    questions: stage.questionIds.map((questionId) => ({
      questionId,
      minutes: minutesOf(questionId) ?? 5,
    })),
    checklist: [...stage.checklist],
  }));
}

export function stageValues(stage: TStageInput, position: number) {
  return {
    position,
    kind: stage.kind,
    name: stage.name,
    purpose: stage.purpose,
    durationMinutes: stage.durationMinutes,
    competencies: stage.competencies,
    kit: stage.questions satisfies TStageKitItem[],
    checklist: stage.checklist,
  };
}

/** Every kit question must exist in the bank; names the exact list entry that does not. */
export function assertKitQuestionsExist(
  stages: readonly TStageInput[],
  known: readonly TQuestionVersionRow[],
  fieldPrefix = "stages",
) {
  const ids = new Set(known.map((q) => q.questionId));
  const fields: TFieldIssue[] = stages.flatMap((stage, i) =>
    stage.questions.flatMap((q, j) =>
      ids.has(q.questionId)
        ? []
        : [
            {
              field: `${fieldPrefix}.${i}.questions.${j}.questionId`,
              message: `is not a question in the bank (${q.questionId})`,
            },
          ],
    ),
  );
  if (fields.length)
    throw new AppError("VALIDATION_FAILED", `Unknown question: ${fields[0]?.message ?? ""}.`, {
      fields,
    });
}

// A team role must be one the person's account can act in: route gates use the account role.
const ALLOWED_ACCOUNT_ROLES: Record<TTeamRole, readonly TUserRole[]> = {
  hiring_manager: ["admin", "hiring_manager"],
  recruiter: ["admin", "recruiter", "hiring_manager"],
  interviewer: ["admin", "recruiter", "hiring_manager", "interviewer"],
};

export function assertTeamValid(
  members: readonly TTeamMemberInput[],
  found: readonly { id: string; role: TUserRole; disabledAt: Date | null }[],
  fieldPrefix = "members",
) {
  const byId = new Map(found.map((u) => [u.id, u]));
  const fields: TFieldIssue[] = members.flatMap((member, i) => {
    const user = byId.get(member.userId);
    if (!user) return [{ field: `${fieldPrefix}.${i}.userId`, message: "is not a known user" }];
    if (user.disabledAt) return [{ field: `${fieldPrefix}.${i}.userId`, message: "is disabled" }];
    if (!ALLOWED_ACCOUNT_ROLES[member.teamRole].includes(user.role))
      return [
        {
          field: `${fieldPrefix}.${i}.teamRole`,
          message: `cannot be ${member.teamRole} for a user whose account role is ${user.role}`,
        },
      ];
    return [];
  });
  if (fields.length)
    throw new AppError(
      "VALIDATION_FAILED",
      `Please check the hiring team: ${fields[0]?.field ?? ""} ${fields[0]?.message ?? ""}.`,
      { fields },
    );
}
