import { z } from "zod";
import { ZTextPageQuery, ZTimePageQuery } from "../../shared/keyset-cursor.js";
import { STAGE_KINDS, TEAM_ROLES, USER_ROLES } from "../../db/schema/index.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";
import { ZQuestionId } from "../questions/bank/index.js";
import { ZCompetencyId } from "./templates/competencies.js";
import { ZCompetencyWeights } from "./templates/level-templates.js";
import { ZLevel } from "./templates/levels.js";

export const ZTeamRole = z.enum(TEAM_ROLES);
export const ZStageKind = z.enum(STAGE_KINDS);
export const ZRoleStatus = z.enum(["open", "closed"]);

const ZTitle = z.string().trim().min(3).max(120);
const ZScope = z.string().trim().min(20).max(2000);
const ZStackTags = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(40)
      .regex(/^[a-z0-9][a-z0-9.+#-]*$/, "must be a short tag such as django or postgresql"),
  )
  .max(30)
  .refine((tags) => new Set(tags).size === tags.length, "has duplicates");

export const ZStageKitItem = z.strictObject({
  questionId: ZQuestionId,
  minutes: z.int().min(1).max(60),
});

export const ZStageInput = z
  .strictObject({
    /** Keep an existing stage's id to keep its applications and interviews; omit for a new one. */
    id: ZUuid.optional(),
    kind: ZStageKind,
    name: z.string().trim().min(3).max(80),
    purpose: z.string().trim().max(400).default(""),
    durationMinutes: z.int().min(5).max(480),
    competencies: z.array(ZCompetencyId).max(9).default([]),
    questions: z.array(ZStageKitItem).max(15).default([]),
    checklist: z.array(z.string().trim().min(3).max(200)).max(15).default([]),
  })
  .refine((s) => new Set(s.questions.map((q) => q.questionId)).size === s.questions.length, {
    message: "lists a question twice",
    path: ["questions"],
  })
  .refine((s) => new Set(s.competencies).size === s.competencies.length, {
    message: "has duplicates",
    path: ["competencies"],
  });
export type TStageInput = z.infer<typeof ZStageInput>;

export const ZStagesInput = z
  .array(ZStageInput)
  .min(1)
  .max(12)
  .refine(
    (stages) => {
      const ids = stages.flatMap((s) => (s.id ? [s.id] : []));
      return new Set(ids).size === ids.length;
    },
    { message: "lists a stage id twice" },
  );

export const ZTeamMemberInput = z.strictObject({ userId: ZUuid, teamRole: ZTeamRole });
export const ZTeamInput = z
  .array(ZTeamMemberInput)
  .max(50)
  .refine((m) => new Set(m.map((x) => x.userId)).size === m.length, "lists a person twice");
export type TTeamMemberInput = z.infer<typeof ZTeamMemberInput>;

export const ZCreateRoleRequest = z.strictObject({
  title: ZTitle,
  level: ZLevel,
  /** Fill scope, stack tags, weights and the interview plan from the level template. */
  fromTemplate: z.boolean().default(false),
  scope: ZScope.optional(),
  stackTags: ZStackTags.optional(),
  competencyWeights: ZCompetencyWeights.optional(),
  stages: ZStagesInput.optional(),
  /** The creator is added as hiring manager or recruiter (by their role) unless listed here. */
  team: ZTeamInput.optional(),
});
export type TCreateRoleRequest = z.infer<typeof ZCreateRoleRequest>;

export const ZUpdateRoleRequest = z
  .strictObject({
    title: ZTitle.optional(),
    level: ZLevel.optional(),
    status: ZRoleStatus.optional(),
    scope: ZScope.optional(),
    stackTags: ZStackTags.optional(),
    competencyWeights: ZCompetencyWeights.optional(),
    /** The shortlist's bar on the 1–4 scale (default 3). */
    bar: z.number().min(1).max(4).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: "give at least one field to change",
  });
export type TUpdateRoleRequest = z.infer<typeof ZUpdateRoleRequest>;

export const ZReplaceStagesRequest = z.strictObject({ stages: ZStagesInput });
export const ZReplaceTeamRequest = z.strictObject({ members: ZTeamInput });

export const ZRoleStage = z.object({
  id: ZUuid,
  position: z.number().int(),
  kind: ZStageKind,
  name: z.string(),
  purpose: z.string(),
  durationMinutes: z.number().int(),
  competencies: z.array(ZCompetencyId),
  questions: z.array(z.object({ questionId: z.string(), minutes: z.number().int() })),
  checklist: z.array(z.string()),
  /** Active applications currently in this stage. */
  activeApplications: z.number().int(),
});

export const ZTeamMember = z.object({
  userId: ZUuid,
  name: z.string(),
  email: z.string(),
  teamRole: ZTeamRole,
});

export const ZApplicationCounts = z.object({
  active: z.number().int(),
  rejected: z.number().int(),
  withdrawn: z.number().int(),
  hired: z.number().int(),
});

export const ZRole = z.object({
  id: ZUuid,
  title: z.string(),
  level: ZLevel,
  status: ZRoleStatus,
  scope: z.string(),
  stackTags: z.array(z.string()),
  competencyWeights: z.record(z.string(), z.number().int()),
  /** The shortlist's bar on the 1–4 scale: P(above the bar) is measured against it. */
  bar: z.number(),
  team: z.array(ZTeamMember),
  stages: z.array(ZRoleStage),
  counts: ZApplicationCounts,
  /** The caller's place on the team, null for admins who are not on it. */
  myTeamRole: ZTeamRole.nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
});
export type TRole = z.infer<typeof ZRole>;

export const ZRoleIdParams = z.strictObject({ roleId: ZUuid });
export const ZRoleResponse = z.object({ role: ZRole });
export const ZListRolesQuery = z.strictObject({
  ...ZTimePageQuery.shape,
  status: ZRoleStatus.optional(),
  /** Part of the title. */
  q: z.string().trim().max(200).optional(),
});
export const ZListRolesResponse = z.object({
  roles: z.array(ZRole),
  /** Roles the caller may see with this filter, on every page. */
  total: z.number().int().min(0),
  /** Pass as `after` for the next (older) page; null on the last. */
  nextCursor: z.string().nullable(),
});

export const ZRoleTemplatesResponse = z.object({
  templates: z.array(
    z.object({
      level: ZLevel,
      title: z.string(),
      scope: z.string(),
      stackTags: z.array(z.string()),
      competencyWeights: z.record(z.string(), z.number().int()),
      stages: z.array(ZRoleStage.omit({ id: true, position: true, activeApplications: true })),
    }),
  ),
  competencies: z.array(z.object({ id: ZCompetencyId, name: z.string(), description: z.string() })),
});

export const ZListPeopleQuery = z.strictObject({
  ...ZTextPageQuery.shape,
  /** Part of a name or e-mail address. */
  q: z.string().trim().max(200).optional(),
});
export const ZListPeopleResponse = z.object({
  people: z.array(
    z.object({ id: ZUuid, name: z.string(), email: z.string(), role: z.enum(USER_ROLES) }),
  ),
  /** Enabled people matching `q`, on every page. */
  total: z.number().int().min(0),
  nextCursor: z.string().nullable(),
});
