import type { TExecutor } from "../../db/client.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TCandidateRow, TCandidatesRepo } from "../candidates/candidates.repo.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";

type TContactColumns = {
  phone?: string | null | undefined;
  githubUrl?: string | null | undefined;
  portfolioUrl?: string | null | undefined;
  linkedinUrl?: string | null | undefined;
};

/**
 * A duplicate by e-mail is merged, not created twice: contact details the existing candidate lacks
 * are filled in, and nothing already on file is overwritten (a recruiter may have corrected it).
 */
export async function mergeContactDetails(
  candidatesRepo: Pick<TCandidatesRepo, "updateCandidate">,
  tx: TExecutor,
  existing: TCandidateRow,
  incoming: TContactColumns,
): Promise<TCandidateRow> {
  const patch: TContactColumns = {};
  for (const key of ["phone", "githubUrl", "portfolioUrl", "linkedinUrl"] as const) {
    const value = incoming[key];
    if (value && !existing[key]) patch[key] = value;
  }
  if (Object.keys(patch).length === 0) return existing;
  return (await candidatesRepo.updateCandidate(existing.id, patch, tx)) ?? existing;
}

/** Adds the candidate to a role at a stage unless already applied; history row and audit as usual. */
export async function applyToRole(
  deps: {
    applicationsRepo: Pick<
      TApplicationsRepo,
      "insertApplication" | "insertStageEvent" | "findByCandidateAndRole"
    >;
    auditService: Pick<TAuditService, "recordEvent">;
  },
  tx: TExecutor,
  input: {
    candidateId: string;
    roleId: string;
    stageId: string;
    createdBy: string | null;
    actor: TActor;
  },
): Promise<{ applicationId: string | null; created: boolean }> {
  const row = await deps.applicationsRepo.insertApplication(
    {
      candidateId: input.candidateId,
      roleId: input.roleId,
      currentStageId: input.stageId,
      createdBy: input.createdBy,
    },
    tx,
  );
  if (!row) {
    const existing = await deps.applicationsRepo.findByCandidateAndRole(
      input.candidateId,
      input.roleId,
      tx,
    );
    return { applicationId: existing?.id ?? null, created: false };
  }
  await deps.applicationsRepo.insertStageEvent(
    {
      applicationId: row.id,
      fromStageId: null,
      toStageId: input.stageId,
      statusAfter: "active",
      reason: null,
      byUserId: input.createdBy,
    },
    tx,
  );
  await deps.auditService.recordEvent(
    input.actor,
    { action: "application.created", entityType: "application", entityId: row.id, after: row },
    tx,
  );
  return { applicationId: row.id, created: true };
}
