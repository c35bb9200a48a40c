import type { TDatabase, TExecutor } from "../../db/client.js";
import { encodeTextCursor, encodeTimeCursor, keysetPage } from "../../shared/keyset-cursor.js";
import type { TTextKey, TTimeKey } from "../../shared/keyset-cursor.js";
import type { TTeamRole } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import { assertLeadsRole, canSeeRole, visibleRoleIds } from "../access/viewer-scope.js";
import type { TViewer, TViewerScope } from "../access/viewer-scope.js";
import type { TQuestionsRepo } from "../questions/questions.repo.js";
import { competencies } from "./templates/competencies.js";
import { levelTemplates, levelTemplateByLevel } from "./templates/level-templates.js";
import type { TCompetencyWeights } from "./templates/level-templates.js";
import type { TLevel } from "./templates/levels.js";
import {
  assertKitQuestionsExist,
  assertTeamValid,
  stageValues,
  templateStages,
} from "./role-plan.js";
import type { TRolesRepo, TRoleWithDetails } from "./roles.repo.js";
import type {
  TCreateRoleRequest,
  TRole,
  TStageInput,
  TTeamMemberInput,
  TUpdateRoleRequest,
} from "./roles.schema.js";

export function createRolesService(deps: {
  db: TDatabase;
  rolesRepo: TRolesRepo;
  questionsRepo: Pick<TQuestionsRepo, "findCurrentVersions">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
}) {
  const { rolesRepo } = deps;

  function presentRole(row: TRoleWithDetails, scope: TViewerScope): TRole {
    const roleCounts = row.counts;
    const total = (status: string) =>
      roleCounts.filter((c) => c.status === status).reduce((sum, c) => sum + c.n, 0);
    return {
      id: row.id,
      title: row.title,
      level: row.level,
      status: row.status,
      scope: row.scope,
      stackTags: row.stackTags,
      competencyWeights: row.competencyWeights,
      bar: row.bar,
      team: row.team,
      stages: row.stages.map((s) => ({
        id: s.id,
        position: s.position,
        kind: s.kind,
        name: s.name,
        purpose: s.purpose,
        durationMinutes: s.durationMinutes,
        competencies: s.competencies as TStageInput["competencies"],
        questions: s.kit,
        checklist: s.checklist,
        activeApplications: roleCounts
          .filter((c) => c.stageId === s.id && c.status === "active")
          .reduce((sum, c) => sum + c.n, 0),
      })),
      counts: {
        active: total("active"),
        rejected: total("rejected"),
        withdrawn: total("withdrawn"),
        hired: total("hired"),
      },
      myTeamRole: scope.teamRoleByRole.get(row.id) ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function proposeStages(level: TLevel, executor?: TExecutor) {
    const ids = levelTemplateByLevel[level].stages.flatMap((s) => s.questionIds);
    const versions = await deps.questionsRepo.findCurrentVersions(ids, executor);
    const minutes = new Map(versions.map((v) => [v.questionId, v.suggestedMinutes]));
    return templateStages(level, (id) => minutes.get(id));
  }

  async function validateStages(stages: readonly TStageInput[], executor?: TExecutor) {
    const ids = stages.flatMap((s) => s.questions.map((q) => q.questionId));
    assertKitQuestionsExist(stages, await deps.questionsRepo.findCurrentVersions(ids, executor));
  }

  async function validateTeam(
    members: readonly TTeamMemberInput[],
    field: string,
    executor?: TExecutor,
  ) {
    const found = await rolesRepo.findUsers(
      members.map((m) => m.userId),
      executor,
    );
    assertTeamValid(members, found, field);
  }

  async function loadVisibleRole(roleId: string, viewer: TViewer, executor?: TExecutor) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer, executor);
    const row = await rolesRepo.findRole(roleId, executor);
    if (!row || !canSeeRole(scope, roleId)) throw notFound("That role");
    return { row, scope };
  }

  /** The role as it now reads (inside a write's transaction: with the write). */
  async function presentOne(roleId: string, scope: TViewerScope, executor?: TExecutor) {
    const row = await rolesRepo.findRoleWithDetails(roleId, executor);
    if (!row) throw notFound("That role");
    return presentRole(row, scope);
  }

  return {
    async listTemplates() {
      const templates = await Promise.all(
        levelTemplates.map(async (t) => ({
          level: t.level,
          title: t.title,
          scope: t.scope,
          stackTags: [...t.defaultStackTags],
          competencyWeights: { ...t.competencyWeights },
          stages: await proposeStages(t.level),
        })),
      );
      return { templates, competencies: competencies.map((c) => ({ ...c })) };
    },

    /** Enabled people a team can be built from (the full user admin stays admin-only). */
    async listPeople(query: {
      limit: number;
      after?: TTextKey | undefined;
      q?: string | undefined;
    }) {
      const { rows, total } = await rolesRepo.listEnabledUsers({
        ...query,
        q: query.q || undefined,
      });
      const { page, nextCursor } = keysetPage(rows, query.limit, (row) =>
        encodeTextCursor({ text: row.name, id: row.id }),
      );
      return { people: page, total, nextCursor };
    },

    async listRoles(
      viewer: TViewer,
      query: {
        status?: "open" | "closed" | undefined;
        q?: string | undefined;
        limit: number;
        after?: TTimeKey | undefined;
      },
    ) {
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      const visible = visibleRoleIds(scope);
      const list = { ...query, q: query.q || undefined };
      const [rows, total] = await Promise.all([
        rolesRepo.listRolesWithDetails(visible, list),
        rolesRepo.countRoles(visible, list),
      ]);
      const { page, nextCursor } = keysetPage(rows, query.limit, (row) =>
        encodeTimeCursor({ at: row.createdAt, id: row.id }),
      );
      return { roles: page.map((row) => presentRole(row, scope)), total, nextCursor };
    },

    async getRole(roleId: string, viewer: TViewer) {
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      if (!canSeeRole(scope, roleId)) throw notFound("That role");
      return presentOne(roleId, scope);
    },

    async createRole(input: TCreateRoleRequest, viewer: TViewer, actor: TActor) {
      const template = levelTemplateByLevel[input.level];
      const pick = <T>(given: T | undefined, fromTemplate: () => T, field: string): T => {
        if (given !== undefined) return given;
        if (input.fromTemplate) return fromTemplate();
        throw new AppError(
          "VALIDATION_FAILED",
          `Give ${field}, or set fromTemplate to propose it.`,
          {
            fields: [{ field, message: "is required unless fromTemplate is true" }],
          },
        );
      };
      const scopeText = pick(input.scope, () => template.scope, "scope");
      const stackTags = pick(input.stackTags, () => [...template.defaultStackTags], "stackTags");
      const weights: TCompetencyWeights = pick(
        input.competencyWeights,
        () => ({ ...template.competencyWeights }),
        "competencyWeights",
      );
      const stages =
        input.stages ?? (input.fromTemplate ? await proposeStages(input.level) : undefined);
      if (!stages) pick(undefined, () => undefined, "stages");
      const plan = stages ?? [];
      await validateStages(plan);
      const team: TTeamMemberInput[] = [...(input.team ?? [])];
      const creatorTeamRole: TTeamRole | undefined =
        viewer.role === "hiring_manager"
          ? "hiring_manager"
          : viewer.role === "recruiter"
            ? "recruiter"
            : undefined;
      if (creatorTeamRole && !team.some((m) => m.userId === viewer.id))
        team.push({ userId: viewer.id, teamRole: creatorTeamRole });
      await validateTeam(team, "team");

      return deps.db.transaction(async (tx) => {
        const row = await rolesRepo.insertRole(
          {
            title: input.title,
            level: input.level,
            scope: scopeText,
            stackTags,
            competencyWeights: weights,
            createdBy: viewer.id,
          },
          tx,
        );
        await rolesRepo.insertStages(
          row.id,
          plan.map((s, i) => stageValues(s, i)),
          tx,
        );
        await rolesRepo.replaceTeam(row.id, team, tx);
        const scope = await deps.viewerScopeRepo.loadScope(viewer, tx);
        const role = await presentOne(row.id, scope, tx);
        await deps.auditService.recordEvent(
          actor,
          { action: "role.created", entityType: "role", entityId: row.id, after: role },
          tx,
        );
        return role;
      });
    },

    async updateRole(roleId: string, patch: TUpdateRoleRequest, viewer: TViewer, actor: TActor) {
      return deps.db.transaction(async (tx) => {
        const { row: before, scope } = await loadVisibleRole(roleId, viewer, tx);
        assertLeadsRole(scope, roleId);
        const after = await rolesRepo.updateRole(
          roleId,
          Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
          tx,
        );
        if (!after) throw notFound("That role");
        await deps.auditService.recordEvent(
          actor,
          { action: "role.updated", entityType: "role", entityId: roleId, before, after },
          tx,
        );
        return presentOne(roleId, scope, tx);
      });
    },

    /**
     * Replaces the plan. Stages keep their ids (and so their applications and interviews) when the
     * client sends the id back; a stage that is left out is deleted, unless something points at it.
     */
    async replaceStages(roleId: string, stages: TStageInput[], viewer: TViewer, actor: TActor) {
      await validateStages(stages);
      return deps.db.transaction(async (tx) => {
        const { row, scope } = await loadVisibleRole(roleId, viewer, tx);
        assertLeadsRole(scope, roleId);
        const existing = await rolesRepo.listStages([roleId], tx);
        const existingIds = new Set(existing.map((s) => s.id));
        stages.forEach((stage, i) => {
          if (stage.id && !existingIds.has(stage.id))
            throw new AppError("VALIDATION_FAILED", "A stage id does not belong to this role.", {
              fields: [{ field: `stages.${i}.id`, message: "is not a stage of this role" }],
            });
        });
        const kept = new Set(stages.flatMap((s) => (s.id ? [s.id] : [])));
        const removed = existing.filter((s) => !kept.has(s.id));
        const inUse = await rolesRepo.findStagesInUse(
          removed.map((s) => s.id),
          tx,
        );
        const blocked = removed.filter((s) => inUse.has(s.id));
        if (blocked.length)
          throw new AppError(
            "CONFLICT",
            `The stage "${blocked[0]?.name ?? ""}" has applications, interviews or decisions; keep it in the plan (send its id) or move them first.`,
            { details: { stageIds: blocked.map((s) => s.id) } },
          );
        await rolesRepo.deleteStagesExcept(roleId, [...kept], tx);
        const fresh = [];
        for (const [i, stage] of stages.entries()) {
          if (stage.id) await rolesRepo.updateStage(stage.id, stageValues(stage, i), tx);
          else fresh.push(stageValues(stage, i));
        }
        await rolesRepo.insertStages(roleId, fresh, tx);
        const role = await presentOne(row.id, scope, tx);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "role.plan_updated",
            entityType: "role",
            entityId: roleId,
            before: existing,
            after: role.stages,
          },
          tx,
        );
        return role;
      });
    },

    async replaceTeam(roleId: string, members: TTeamMemberInput[], viewer: TViewer, actor: TActor) {
      await validateTeam(members, "members");
      return deps.db.transaction(async (tx) => {
        const { row, scope } = await loadVisibleRole(roleId, viewer, tx);
        assertLeadsRole(scope, roleId);
        const before = await rolesRepo.listTeams([roleId], tx);
        await rolesRepo.replaceTeam(roleId, members, tx);
        const after = await deps.viewerScopeRepo.loadScope(viewer, tx);
        const role = await presentOne(row.id, after, tx);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "role.team_updated",
            entityType: "role",
            entityId: roleId,
            before: before.map((m) => ({ userId: m.userId, teamRole: m.teamRole })),
            after: members,
          },
          tx,
        );
        return role;
      });
    },
  };
}
export type TRolesService = ReturnType<typeof createRolesService>;
