import type { TExecutor } from "../../db/client.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import { BULK_LAWFUL_BASIS, recordConsent } from "../privacy/consent-records.js";
import type { TPrivacyRepo } from "../privacy/privacy.repo.js";
import type { TWebhookEmitter } from "../webhooks/webhooks.service.js";
import type { TCandidateRow, TCandidatesRepo, TCandidateVisibility } from "./candidates.repo.js";

/**
 * The one owner of how a candidate arriving in bulk (CSV import, résumé intake) meets the records
 * on file. Need to know decides: a record the uploader may see is matched and only its blanks
 * are filled; a record they may not see is never touched, revealed or attached to their role —
 * a separate record is made beside it, flagged as a possible duplicate for an admin to merge.
 */

export type TContactColumns = {
  phone?: string | null | undefined;
  githubUrl?: string | null | undefined;
  portfolioUrl?: string | null | undefined;
  linkedinUrl?: string | null | undefined;
};

export type TCandidateArrival = "imported" | "merged" | "possible-duplicate";

const CONTACT_KEYS = ["phone", "githubUrl", "portfolioUrl", "linkedinUrl"] as const;

/** Fills in contact details the record lacks; nothing already on file is overwritten. */
export function missingContactDetails(
  existing: Pick<TCandidateRow, (typeof CONTACT_KEYS)[number]>,
  incoming: TContactColumns,
): TContactColumns {
  const patch: TContactColumns = {};
  for (const key of CONTACT_KEYS) {
    const value = incoming[key];
    if (value && !existing[key]) patch[key] = value;
  }
  return patch;
}

/** Notes are appended, never replaced: the record's own notes stay as they were written. */
export function appendedNotes(existing: string | null, incoming: string | null): string | null {
  if (!incoming?.trim()) return existing;
  if (!existing?.trim()) return incoming;
  if (existing.includes(incoming.trim())) return existing;
  return `${existing}\n\n${incoming}`;
}

export async function receiveCandidate(
  deps: {
    candidatesRepo: Pick<
      TCandidatesRepo,
      "insertCandidate" | "findByEmail" | "updateCandidate" | "isVisible"
    >;
    auditService: Pick<TAuditService, "recordEvent">;
    privacyRepo: Pick<TPrivacyRepo, "getSettings" | "insertConsent">;
    webhooks?: Pick<TWebhookEmitter, "emit">;
  },
  tx: TExecutor,
  input: {
    name: string;
    email: string;
    contact: TContactColumns;
    createdBy: string | null;
    /** What the uploader may see: only such a record is ever matched. */
    visibility: TCandidateVisibility;
    actor: TActor;
    /** Where they came from, for the consent record every arrival (a merge included) gets. */
    source: "csv_import" | "bulk_intake";
  },
): Promise<{ candidate: TCandidateRow; arrival: TCandidateArrival }> {
  const received = await match();
  await recordConsent(deps, tx, {
    candidateId: received.candidate.id,
    lawfulBasis: BULK_LAWFUL_BASIS,
    source: input.source,
    recordedBy: input.createdBy,
  });
  return received;

  async function match(): Promise<{ candidate: TCandidateRow; arrival: TCandidateArrival }> {
    const repo = deps.candidatesRepo;
    const values = { name: input.name, email: input.email, ...input.contact };
    const inserted = await repo.insertCandidate({ ...values, createdBy: input.createdBy }, tx);
    if (inserted) {
      await recordCreated(inserted);
      return { candidate: inserted, arrival: "imported" };
    }
    const existing = await repo.findByEmail(input.email, tx);
    if (!existing) throw new Error("the e-mail is on file but no record owns it");
    if (await repo.isVisible(existing.id, input.visibility, tx)) {
      const patch = missingContactDetails(existing, input.contact);
      const candidate =
        Object.keys(patch).length === 0
          ? existing
          : ((await repo.updateCandidate(existing.id, patch, tx)) ?? existing);
      return { candidate, arrival: "merged" };
    }
    const separate = await repo.insertCandidate(
      { ...values, createdBy: input.createdBy, possibleDuplicateOf: existing.id },
      tx,
    );
    if (!separate) throw new Error("a flagged duplicate could not be stored");
    await recordCreated(separate);
    return { candidate: separate, arrival: "possible-duplicate" };
  }

  async function recordCreated(row: TCandidateRow) {
    await deps.auditService.recordEvent(
      input.actor,
      { action: "candidate.created", entityType: "candidate", entityId: row.id, after: row },
      tx,
    );
    await emitCandidateCreated(deps, tx, row, input.source);
  }
}

/**
 * `candidate.created` for the endpoints subscribed to it: the id and how they arrived, never
 * contact details (a receiver reads the record through the API, under its token's rights).
 */
export async function emitCandidateCreated(
  deps: { webhooks?: Pick<TWebhookEmitter, "emit"> },
  tx: TExecutor,
  row: Pick<TCandidateRow, "id" | "createdBy" | "possibleDuplicateOf">,
  source: "team_form" | "csv_import" | "bulk_intake",
) {
  await deps.webhooks?.emit(
    "candidate.created",
    {
      candidateId: row.id,
      source,
      createdBy: row.createdBy,
      possibleDuplicateOf: row.possibleDuplicateOf,
    },
    tx,
  );
}
