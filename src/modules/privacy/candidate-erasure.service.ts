import type { TDatabase, TExecutor } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TFairnessRepo } from "../fairness/fairness.repo.js";
import { anonymousName } from "./privacy.repo.js";
import type { TPrivacyRepo } from "./privacy.repo.js";
import type { TEraseCandidateRequest } from "./privacy.schema.js";

type TErasureRepo = Pick<
  TPrivacyRepo,
  | "lockCandidate"
  | "applicationIdsOf"
  | "auditEntityIdsOf"
  | "anonymizeCandidate"
  | "deleteResumes"
  | "wipeSubmissionFiles"
  | "scrubFreeText"
  | "scrubIntakeResults"
  | "scrubAuditPayloads"
  | "scrubMail"
  | "getSettings"
  | "listDueForRetention"
>;

const normalized = (text: string) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase();

/**
 * Erasure (GDPR art. 17) and the retention rule that applies it automatically. One transaction:
 * the person's data goes, an anonymous record stays with its ratings, stage history and grading
 * scores, so the pipeline counts, the shortlist and analytics do not change.
 */
export function createCandidateErasureService(deps: {
  db: TDatabase;
  privacyRepo: TErasureRepo;
  auditService: Pick<TAuditService, "recordEvent">;
  /** Voluntary self-identification is kept apart, and goes whole with the person. */
  selfIdentification: Pick<TFairnessRepo, "deleteAnswers">;
}) {
  const repo = deps.privacyRepo;

  async function eraseLocked(
    tx: TExecutor,
    row: { id: string; name: string; email: string; phone: string | null },
    input: { reason: string; actor: TActor; trigger: "admin" | "retention" },
  ) {
    const applicationIds = await repo.applicationIdsOf(row.id, tx);
    // Collected before the résumés go: their ids are entities in the audit trail too.
    const entityIds = await repo.auditEntityIdsOf(row.id, applicationIds, tx);
    const resumes = await repo.deleteResumes(row.id, tx);
    const submissionFiles = await repo.wipeSubmissionFiles(applicationIds, tx);
    await repo.scrubFreeText(applicationIds, tx);
    await repo.scrubIntakeResults(row.id, tx);
    const selfIdentification = await deps.selfIdentification.deleteAnswers(row.id, tx);
    const auditPayloads = await repo.scrubAuditPayloads(
      { entityIds, quoted: [row.email, ...(row.phone ? [row.phone] : [])] },
      tx,
    );
    const mailMessages = await repo.scrubMail(
      { email: row.email, name: row.name, anonymousName: anonymousName(row.id) },
      tx,
    );
    await repo.anonymizeCandidate(row.id, tx);
    const removed = { resumes, submissionFiles, auditPayloads, selfIdentification, mailMessages };
    // The erasure's own entry names who and why, never whom: only the (now anonymous) id.
    await deps.auditService.recordEvent(
      input.actor,
      {
        action: "candidate.erased",
        entityType: "candidate",
        entityId: row.id,
        after: { reason: input.reason, trigger: input.trigger, removed },
      },
      tx,
    );
    return removed;
  }

  return {
    /** Admins only (the route says so); the typed name guards against erasing the wrong person. */
    async eraseCandidate(input: TEraseCandidateRequest & { candidateId: string; actor: TActor }) {
      const erasedAt = new Date();
      const removed = await deps.db.transaction(async (tx) => {
        const row = await repo.lockCandidate(input.candidateId, tx);
        if (!row) throw notFound("That candidate");
        if (row.erasedAt)
          throw new AppError("CONFLICT", "This candidate's personal data was already erased.");
        if (normalized(input.confirmName) !== normalized(row.name))
          throw new AppError("VALIDATION_FAILED", "The name you typed does not match.", {
            fields: [{ field: "confirmName", message: "must be the candidate's name as shown" }],
          });
        const reason = normalized(input.reason);
        if (reason.includes(normalized(row.name)) || reason.includes(row.email))
          throw new AppError(
            "VALIDATION_FAILED",
            "Leave the candidate's name and e-mail out of the reason: it is kept after the erasure.",
            { fields: [{ field: "reason", message: "must not name the candidate" }] },
          );
        return eraseLocked(tx, row, {
          reason: input.reason,
          actor: input.actor,
          trigger: "admin",
        });
      });
      return { candidateId: input.candidateId, erasedAt: erasedAt.toISOString(), removed };
    },

    /**
     * The retention rule: anonymizes every candidate due under the organisation's setting, each
     * in its own transaction, re-checked under the row lock (an application reopened since the
     * list was read keeps the candidate). Off (no setting) it does nothing.
     */
    async runRetentionSweep(): Promise<{ months: number | null; erased: number }> {
      const months = (await repo.getSettings())?.retentionMonths ?? null;
      if (months === null) return { months, erased: 0 };
      const actor: TActor = { userId: null, label: "retention rule" };
      const reason = `Retention rule: more than ${months} months after the last rejection or withdrawal.`;
      let erased = 0;
      for (;;) {
        const due = await repo.listDueForRetention(months, 100);
        if (due.length === 0) break;
        let progressed = false;
        for (const candidate of due) {
          const done = await deps.db.transaction(async (tx) => {
            const row = await repo.lockCandidate(candidate.id, tx);
            if (!row || row.erasedAt) return false;
            const still = await repo.listDueForRetention(months, 1, tx, candidate.id);
            if (still.length === 0) return false;
            await eraseLocked(tx, row, { reason, actor, trigger: "retention" });
            return true;
          });
          if (done) {
            erased += 1;
            progressed = true;
          }
        }
        if (!progressed) break;
      }
      return { months, erased };
    },
  };
}
export type TCandidateErasureService = ReturnType<typeof createCandidateErasureService>;
