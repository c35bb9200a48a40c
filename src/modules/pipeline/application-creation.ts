import type { TExecutor } from "../../db/client.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TApplicationRow, TApplicationsRepo } from "./applications.repo.js";

/**
 * The one owner of what creating an application is: the row, its first stage-history row and the
 * audit event, in the caller's transaction. The team's form, CSV import and bulk intake all call it.
 */
export async function createApplicationRecord(
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
): Promise<
  | { created: true; application: TApplicationRow }
  | { created: false; existingApplicationId: string | null }
> {
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
    return { created: false, existingApplicationId: existing?.id ?? null };
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
  return { created: true, application: row };
}
