import type { TExecutor } from "../../db/client.js";
import type { TApplicationStatus } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TWebhookEmitter } from "../webhooks/webhooks.service.js";
import type { TApplicationRow, TApplicationsRepo } from "./applications.repo.js";

export type TTransitionDeps = {
  applicationsRepo: Pick<TApplicationsRepo, "updateApplication" | "insertStageEvent">;
  auditService: Pick<TAuditService, "recordEvent">;
  /** Each change is an `application.stage_changed` event for the endpoints subscribed to it. */
  webhooks?: Pick<TWebhookEmitter, "emit">;
};

/** Closed applications stay closed: reopening would rewrite a decision someone already made. */
export function assertActive(application: TApplicationRow) {
  if (application.status !== "active")
    throw new AppError(
      "CONFLICT",
      `This application is ${application.status}; a closed application cannot be moved or changed.`,
      { details: { status: application.status } },
    );
}

/**
 * The one way an application changes stage or status: updates the row, appends a history row and
 * an audit event, all on the caller's transaction.
 */
export async function transitionApplication(
  deps: TTransitionDeps,
  tx: TExecutor,
  change: {
    application: TApplicationRow;
    toStageId: string;
    status: TApplicationStatus;
    reason: string | null;
    action: string;
    actor: TActor;
  },
): Promise<TApplicationRow> {
  const { application: before } = change;
  const after = await deps.applicationsRepo.updateApplication(
    before.id,
    {
      currentStageId: change.toStageId,
      status: change.status,
      closedReason: change.status === "active" ? null : change.reason,
    },
    tx,
  );
  if (!after) throw new Error("application vanished inside its own transaction");
  await deps.applicationsRepo.insertStageEvent(
    {
      applicationId: before.id,
      fromStageId: before.currentStageId,
      toStageId: change.toStageId,
      statusAfter: change.status,
      reason: change.reason,
      byUserId: change.actor.userId,
    },
    tx,
  );
  await deps.auditService.recordEvent(
    change.actor,
    {
      action: change.action,
      entityType: "application",
      entityId: before.id,
      before: { stageId: before.currentStageId, status: before.status },
      after: { stageId: after.currentStageId, status: after.status, reason: change.reason },
    },
    tx,
  );
  // Ids and states only: a receiver reads names and reasons through the API with its own token.
  await deps.webhooks?.emit(
    "application.stage_changed",
    {
      applicationId: before.id,
      candidateId: before.candidateId,
      roleId: before.roleId,
      fromStageId: before.currentStageId,
      toStageId: after.currentStageId,
      statusBefore: before.status,
      status: after.status,
      changedBy: change.actor.userId,
    },
    tx,
  );
  return after;
}
