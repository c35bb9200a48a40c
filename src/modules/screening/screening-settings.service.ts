import type { TDatabase, TExecutor } from "../../db/client.js";
import { notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import { assertManagesPipeline, canSeeRole } from "../access/viewer-scope.js";
import type { TViewer } from "../access/viewer-scope.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import type { TRolesRepo } from "../roles/roles.repo.js";
import type {
  TScreeningSettings,
  TUpdateScreeningSettingsRequest,
} from "./screening-api.schema.js";
import {
  createCustomChecklistItem,
  proposeChecklist,
  ZChecklist,
  type TChecklistItem,
} from "./screening-checklist.js";
import type { TScreeningRepo } from "./screening.repo.js";

export type TEffectiveSettings = { checklist: TChecklistItem[]; blind: boolean; proposed: boolean };

/** The settings a screen uses: the saved ones, or the checklist proposed from level and stack. */
export async function loadEffectiveSettings(
  deps: { screeningRepo: Pick<TScreeningRepo, "findSettings"> },
  role: { id: string; level: "junior" | "mid" | "senior"; stackTags: string[] },
  executor?: TExecutor,
) {
  const saved = await deps.screeningRepo.findSettings(role.id, executor);
  if (saved) {
    return {
      checklist: ZChecklist.parse(saved.settings.checklist),
      blind: saved.settings.blind,
      proposed: false,
      row: saved,
    };
  }
  return {
    checklist: proposeChecklist({ level: role.level, stackTags: role.stackTags }),
    blind: false,
    proposed: true,
    row: undefined,
  };
}

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id.slice(0, 60)}-${n}`;
  taken.add(candidate);
  return candidate;
}

export function createScreeningSettingsService(deps: {
  db: TDatabase;
  screeningRepo: Pick<TScreeningRepo, "findSettings" | "upsertSettings">;
  rolesRepo: Pick<TRolesRepo, "findRole">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
}) {
  async function loadRole(roleId: string, viewer: TViewer) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    const role = await deps.rolesRepo.findRole(roleId);
    if (!role || !canSeeRole(scope, roleId)) throw notFound("That role");
    assertManagesPipeline(scope, roleId);
    return role;
  }

  async function read(role: Parameters<typeof loadEffectiveSettings>[1]) {
    const effective = await loadEffectiveSettings(deps, role);
    const settings: TScreeningSettings = {
      roleId: role.id,
      checklist: effective.checklist,
      blind: effective.blind,
      proposed: effective.proposed,
      updatedAt: effective.row?.settings.updatedAt.toISOString() ?? null,
      updatedBy:
        effective.row?.settings.updatedBy && effective.row.updatedByName
          ? { id: effective.row.settings.updatedBy, name: effective.row.updatedByName }
          : null,
    };
    return settings;
  }

  return {
    async getSettings(roleId: string, viewer: TViewer) {
      return read(await loadRole(roleId, viewer));
    },

    async updateSettings(
      roleId: string,
      input: TUpdateScreeningSettingsRequest,
      viewer: TViewer,
      actor: TActor,
    ) {
      const role = await loadRole(roleId, viewer);
      const taken = new Set(input.checklist.map((item) => item.id));
      const custom = (input.addCustomItems ?? []).map((raw) => {
        const item = createCustomChecklistItem(raw);
        return { ...item, id: uniqueId(item.id, taken) };
      });
      const checklist = ZChecklist.parse([...input.checklist, ...custom]);
      await deps.db.transaction(async (tx) => {
        const before = await deps.screeningRepo.findSettings(roleId, tx);
        const after = await deps.screeningRepo.upsertSettings(
          { roleId, checklist, blind: input.blind, updatedBy: viewer.id },
          tx,
        );
        await deps.auditService.recordEvent(
          actor,
          {
            action: "screening.settings_updated",
            entityType: "role",
            entityId: roleId,
            before: before
              ? { checklist: before.settings.checklist, blind: before.settings.blind }
              : null,
            after: { checklist: after.checklist, blind: after.blind },
          },
          tx,
        );
      });
      return read(role);
    },
  };
}
export type TScreeningSettingsService = ReturnType<typeof createScreeningSettingsService>;
