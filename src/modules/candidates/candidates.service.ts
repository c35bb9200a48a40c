import type { TDatabase } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import { canManagePipeline, canSeeApplication, pipelineRoleIds } from "../access/viewer-scope.js";
import type { TViewer, TViewerScope } from "../access/viewer-scope.js";
import type { TCandidatesRepo, TCandidateRow, TCandidateVisibility } from "./candidates.repo.js";
import type {
  TCandidate,
  TCreateCandidateRequest,
  TUpdateCandidateRequest,
} from "./candidates.schema.js";

export function candidateVisibility(scope: TViewerScope): TCandidateVisibility {
  const roleIds = pipelineRoleIds(scope);
  if (roleIds === "all") return "all";
  return { userId: scope.userId, roleIds, applicationIds: [...scope.assignedApplicationIds] };
}

/**
 * Need to know: contact details and private notes go to admins, the candidate's creator and the
 * recruiters and hiring managers of a role the candidate applied to; an interviewer assigned to
 * one application sees the name and public links only. The API leaves out what may not be seen.
 */
export function canSeeContact(
  scope: TViewerScope,
  row: Pick<TCandidateRow, "createdBy">,
  applicationsOfCandidate: readonly { roleId: string }[],
): boolean {
  return (
    scope.isAdmin ||
    row.createdBy === scope.userId ||
    applicationsOfCandidate.some((a) => canManagePipeline(scope, a.roleId))
  );
}

function duplicateEmail(existingId: string, email: string) {
  return new AppError("CONFLICT", `A candidate with the e-mail ${email} is already on file.`, {
    fields: [{ field: "email", message: "is already on file" }],
    details: { existingCandidateId: existingId },
  });
}

function linkColumns(links: TCreateCandidateRequest["links"]) {
  if (!links) return {};
  return {
    ...(links.github === undefined ? {} : { githubUrl: links.github }),
    ...(links.portfolio === undefined ? {} : { portfolioUrl: links.portfolio }),
    ...(links.linkedin === undefined ? {} : { linkedinUrl: links.linkedin }),
  };
}

export function createCandidatesService(deps: {
  db: TDatabase;
  candidatesRepo: TCandidatesRepo;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
}) {
  const repo = deps.candidatesRepo;

  async function present(
    rows: readonly TCandidateRow[],
    scope: TViewerScope,
  ): Promise<TCandidate[]> {
    const apps = await repo.listApplicationsOf(rows.map((r) => r.id));
    return rows.map((row) => {
      const contactVisible = canSeeContact(
        scope,
        row,
        apps.filter((a) => a.candidateId === row.id),
      );
      return {
        id: row.id,
        name: row.name,
        contactVisible,
        email: contactVisible ? row.email : null,
        phone: contactVisible ? row.phone : null,
        links: { github: row.githubUrl, portfolio: row.portfolioUrl, linkedin: row.linkedinUrl },
        notes: contactVisible ? row.notes : null,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        applications: apps
          .filter((a) => a.candidateId === row.id && canSeeApplication(scope, a))
          .map((a) => ({
            id: a.id,
            roleId: a.roleId,
            roleTitle: a.roleTitle,
            status: a.status,
            currentStageId: a.currentStageId,
            currentStageName: a.currentStageName,
          })),
      };
    });
  }

  async function loadVisible(candidateId: string, viewer: TViewer) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    const row = await repo.findById(candidateId);
    if (!row || !(await repo.isVisible(candidateId, candidateVisibility(scope))))
      throw notFound("That candidate");
    return { row, scope };
  }

  async function presentOne(row: TCandidateRow, scope: TViewerScope) {
    const [candidate] = await present([row], scope);
    if (!candidate) throw notFound("That candidate");
    return candidate;
  }

  return {
    async createCandidate(input: TCreateCandidateRequest, viewer: TViewer, actor: TActor) {
      const row = await deps.db.transaction(async (tx) => {
        const inserted = await repo.insertCandidate(
          {
            name: input.name,
            email: input.email,
            phone: input.phone ?? null,
            notes: input.notes ?? null,
            ...linkColumns(input.links),
            createdBy: viewer.id,
          },
          tx,
        );
        if (!inserted) {
          const existing = await repo.findByEmail(input.email, tx);
          throw duplicateEmail(existing?.id ?? "", input.email);
        }
        await deps.auditService.recordEvent(
          actor,
          {
            action: "candidate.created",
            entityType: "candidate",
            entityId: inserted.id,
            after: inserted,
          },
          tx,
        );
        return inserted;
      });
      return presentOne(row, await deps.viewerScopeRepo.loadScope(viewer));
    },

    async listCandidates(
      query: { q?: string | undefined; limit: number; offset: number },
      viewer: TViewer,
    ) {
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      const { rows, total } = await repo.listCandidates({
        ...query,
        visibility: candidateVisibility(scope),
      });
      return { candidates: await present(rows, scope), total };
    },

    async getCandidate(candidateId: string, viewer: TViewer) {
      const { row, scope } = await loadVisible(candidateId, viewer);
      return presentOne(row, scope);
    },

    async updateCandidate(
      candidateId: string,
      patch: TUpdateCandidateRequest,
      viewer: TViewer,
      actor: TActor,
    ) {
      const { row: before, scope } = await loadVisible(candidateId, viewer);
      if (patch.email !== undefined && patch.email !== before.email) {
        const clash = await repo.findByEmail(patch.email);
        if (clash) throw duplicateEmail(clash.id, patch.email);
      }
      const after = await deps.db.transaction(async (tx) => {
        const updated = await repo.updateCandidate(
          candidateId,
          {
            ...(patch.name === undefined ? {} : { name: patch.name }),
            ...(patch.email === undefined ? {} : { email: patch.email }),
            ...(patch.phone === undefined ? {} : { phone: patch.phone }),
            ...(patch.notes === undefined ? {} : { notes: patch.notes }),
            ...linkColumns(patch.links),
          },
          tx,
        );
        if (!updated) throw notFound("That candidate");
        await deps.auditService.recordEvent(
          actor,
          {
            action: "candidate.updated",
            entityType: "candidate",
            entityId: candidateId,
            before,
            after: updated,
          },
          tx,
        );
        return updated;
      });
      return presentOne(after, scope);
    },
  };
}
export type TCandidatesService = ReturnType<typeof createCandidatesService>;
