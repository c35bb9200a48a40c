import type { TDatabase, TExecutor } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import { assertLeadsRole, assertSeesApplication } from "../access/viewer-scope.js";
import type { TViewer, TViewerScope } from "../access/viewer-scope.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import { draftFeedback } from "./feedback-draft.js";
import type { TFeedbackEvidence } from "./feedback-draft.js";
import type { TFeedbackRepo } from "./feedback.repo.js";
import type { TFeedback } from "./feedback.schema.js";
import type { TCandidatesRepo } from "../candidates/candidates.repo.js";
import type { TMailService } from "../mail/mail.service.js";

type TFound = NonNullable<Awaited<ReturnType<TFeedbackRepo["findForApplication"]>>>;

function presentFeedback(row: TFound): TFeedback {
  const f = row.feedback;
  return {
    id: f.id,
    applicationId: f.applicationId,
    status: f.status,
    body: f.body,
    revision: f.revision,
    editedBy: f.editedBy && row.editorName ? { id: f.editedBy, name: row.editorName } : null,
    editedAt: f.editedAt.toISOString(),
    approvedBy:
      f.approvedBy && row.approverName ? { id: f.approvedBy, name: row.approverName } : null,
    approvedAt: f.approvedAt?.toISOString() ?? null,
    sentAt: f.sentAt?.toISOString() ?? null,
  };
}

/** The competency-level evidence of one application; the shortlist owns how it is combined. */
export type TFeedbackEvidenceSource = (input: {
  applicationId: string;
  roleId: string;
  scope: TViewerScope;
  executor: TExecutor;
}) => Promise<TFeedbackEvidence[]>;

type TCall = { applicationId: string; viewer: TViewer };
type TChange = TCall & { actor: TActor };

export function createFeedbackService(deps: {
  db: TDatabase;
  feedbackRepo: TFeedbackRepo;
  applicationsRepo: Pick<TApplicationsRepo, "findById" | "lockById" | "findSummary">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  feedbackEvidence: TFeedbackEvidenceSource;
  candidatesRepo: Pick<TCandidatesRepo, "findById">;
  mail: Pick<TMailService, "enqueueMail" | "wake">;
}) {
  const repo = deps.feedbackRepo;

  async function present(applicationId: string, executor?: TExecutor) {
    const row = await repo.findForApplication(applicationId, executor);
    if (!row) throw new Error("feedback vanished inside its own transaction");
    return presentFeedback(row);
  }

  /** Team leads of the role only: the draft is built from every scorecard's ratings. */
  async function lockForChange(call: TCall, tx: TExecutor) {
    const scope = await deps.viewerScopeRepo.loadScope(call.viewer, tx);
    const application = await deps.applicationsRepo.lockById(call.applicationId, tx);
    assertSeesApplication(scope, application);
    assertLeadsRole(scope, application.roleId);
    if (application.status !== "rejected")
      throw new AppError(
        "CONFLICT",
        `Feedback is written for rejected candidates; this application is ${application.status}.`,
        { details: { status: application.status } },
      );
    return { application, scope };
  }

  function assertRevision(current: { revision: number }, sent: number) {
    if (current.revision !== sent)
      throw new AppError(
        "CONFLICT",
        "Someone else changed this feedback since you opened it; reload to see their version.",
        { details: { currentRevision: current.revision } },
      );
  }

  return {
    async getFeedback(call: TCall) {
      const scope = await deps.viewerScopeRepo.loadScope(call.viewer);
      const application = await deps.applicationsRepo.findById(call.applicationId);
      assertSeesApplication(scope, application);
      assertLeadsRole(scope, application.roleId);
      const row = await repo.findForApplication(call.applicationId);
      return {
        feedback: row ? presentFeedback(row) : null,
        canDraft: application.status === "rejected",
      };
    },

    async draftFeedback(call: TChange & { regenerate: boolean }) {
      return deps.db.transaction(async (tx) => {
        const { application, scope } = await lockForChange(call, tx);
        const summary = await deps.applicationsRepo.findSummary(call.applicationId, tx);
        if (!summary) throw notFound("That application");
        const existing = await repo.lockForApplication(call.applicationId, tx);
        if (existing?.status === "approved")
          throw new AppError(
            "CONFLICT",
            "This feedback is already approved; edit it instead of drafting it again.",
          );
        if (existing && !call.regenerate)
          throw new AppError(
            "CONFLICT",
            "A draft already exists; edit it, or ask to regenerate it.",
          );
        const body = draftFeedback({
          candidateName: summary.candidate.name,
          roleTitle: summary.role.title,
          level: summary.role.level,
          evidence: await deps.feedbackEvidence({
            applicationId: call.applicationId,
            roleId: application.roleId,
            scope,
            executor: tx,
          }),
        });
        const now = new Date();
        const row = existing
          ? await repo.updateFeedback(
              existing.id,
              { body, revision: existing.revision + 1, editedBy: call.viewer.id, editedAt: now },
              tx,
            )
          : await repo.insertFeedback(
              { applicationId: call.applicationId, body, editedBy: call.viewer.id, editedAt: now },
              tx,
            );
        await deps.auditService.recordEvent(
          call.actor,
          {
            action: existing ? "feedback.regenerated" : "feedback.drafted",
            entityType: "application",
            entityId: call.applicationId,
            after: { feedbackId: row.id, revision: row.revision },
          },
          tx,
        );
        return present(call.applicationId, tx);
      });
    },

    async updateFeedback(call: TChange & { body: string; revision: number }) {
      return deps.db.transaction(async (tx) => {
        await lockForChange(call, tx);
        const existing = await repo.lockForApplication(call.applicationId, tx);
        if (!existing) throw notFound("The feedback for this application");
        assertRevision(existing, call.revision);
        // An edit to approved feedback is a new text nobody approved yet.
        const row = await repo.updateFeedback(
          existing.id,
          {
            body: call.body,
            revision: existing.revision + 1,
            status: "draft",
            editedBy: call.viewer.id,
            editedAt: new Date(),
            approvedBy: null,
            approvedAt: null,
            // A changed text is a new one: once approved again it may be sent again.
            sentAt: null,
            sentBy: null,
          },
          tx,
        );
        await deps.auditService.recordEvent(
          call.actor,
          {
            action: "feedback.edited",
            entityType: "application",
            entityId: call.applicationId,
            before: { revision: existing.revision, status: existing.status },
            after: { revision: row.revision, status: row.status },
          },
          tx,
        );
        return present(call.applicationId, tx);
      });
    },

    async approveFeedback(call: TChange & { revision: number }) {
      return deps.db.transaction(async (tx) => {
        await lockForChange(call, tx);
        const existing = await repo.lockForApplication(call.applicationId, tx);
        if (!existing) throw notFound("The feedback for this application");
        assertRevision(existing, call.revision);
        if (existing.status === "approved")
          throw new AppError("CONFLICT", "This feedback is already approved.");
        const row = await repo.updateFeedback(
          existing.id,
          { status: "approved", approvedBy: call.viewer.id, approvedAt: new Date() },
          tx,
        );
        await deps.auditService.recordEvent(
          call.actor,
          {
            action: "feedback.approved",
            entityType: "application",
            entityId: call.applicationId,
            after: { feedbackId: row.id, revision: row.revision, body: row.body },
          },
          tx,
        );
        return present(call.applicationId, tx);
      });
    },

    /**
     * E-mails the approved text to the candidate, once, through the outbox in this transaction.
     * A draft, a text changed since the caller read it, or one already sent is a 409.
     */
    async sendFeedback(call: TChange & { revision: number }) {
      const sent = await deps.db.transaction(async (tx) => {
        const { application } = await lockForChange(call, tx);
        const existing = await repo.lockForApplication(call.applicationId, tx);
        if (!existing) throw notFound("The feedback for this application");
        assertRevision(existing, call.revision);
        if (existing.status !== "approved")
          throw new AppError("CONFLICT", "Approve the feedback before sending it.");
        if (existing.sentAt)
          throw new AppError(
            "CONFLICT",
            `This feedback was already sent to the candidate on ${existing.sentAt.toUTCString()}.`,
          );
        const candidate = await deps.candidatesRepo.findById(application.candidateId, tx);
        const summary = await deps.applicationsRepo.findSummary(call.applicationId, tx);
        if (!candidate) throw notFound("The candidate");
        await deps.mail.enqueueMail(
          {
            kind: "rejection_feedback",
            to: candidate.email,
            values: {
              candidateName: candidate.name,
              roleTitle: summary?.role.title ?? "the role",
              feedback: existing.body,
            },
          },
          tx,
        );
        await repo.updateFeedback(existing.id, { sentAt: new Date(), sentBy: call.viewer.id }, tx);
        await deps.auditService.recordEvent(
          call.actor,
          {
            action: "feedback.sent",
            entityType: "application",
            entityId: call.applicationId,
            after: { feedbackId: existing.id, revision: existing.revision },
          },
          tx,
        );
        return present(call.applicationId, tx);
      });
      await deps.mail.wake();
      return sent;
    },

    /** The approved text as a Markdown file; a draft is not something to hand out. */
    async downloadFeedback(call: TChange) {
      return deps.db.transaction(async (tx) => {
        const scope = await deps.viewerScopeRepo.loadScope(call.viewer, tx);
        const application = await deps.applicationsRepo.findById(call.applicationId, tx);
        assertSeesApplication(scope, application);
        assertLeadsRole(scope, application.roleId);
        const row = await repo.findForApplication(call.applicationId, tx);
        if (!row) throw notFound("The feedback for this application");
        if (row.feedback.status !== "approved")
          throw new AppError("CONFLICT", "Approve the feedback before downloading it.");
        const summary = await deps.applicationsRepo.findSummary(call.applicationId, tx);
        await deps.auditService.recordEvent(
          call.actor,
          {
            action: "feedback.downloaded",
            entityType: "application",
            entityId: call.applicationId,
            after: { feedbackId: row.feedback.id, revision: row.feedback.revision },
          },
          tx,
        );
        const slug = (summary?.candidate.name ?? "candidate")
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "");
        return { filename: `feedback-${slug || "candidate"}.md`, body: row.feedback.body };
      });
    },
  };
}
export type TFeedbackService = ReturnType<typeof createFeedbackService>;
