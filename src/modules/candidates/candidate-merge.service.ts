import type { TDatabase } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import type { TScreeningRepo } from "../screening/screening.repo.js";
import { appendedNotes, missingContactDetails } from "./candidate-records.js";
import type { TCandidatesRepo } from "./candidates.repo.js";

/**
 * An admin folds one candidate record into another (a possible duplicate into its original).
 * Applications and résumés move; the record that stays keeps every contact detail and note it
 * has, gaining only what it lacked, and the other record's notes are appended, never swapped in.
 */
export function createCandidateMergeService(deps: {
  db: TDatabase;
  candidatesRepo: Pick<
    TCandidatesRepo,
    "findById" | "updateCandidate" | "deleteCandidate" | "repointDuplicates" | "listApplicationsOf"
  >;
  applicationsRepo: Pick<TApplicationsRepo, "moveToCandidate">;
  screeningRepo: Pick<TScreeningRepo, "moveResumes">;
  auditService: Pick<TAuditService, "recordEvent">;
}) {
  const repo = deps.candidatesRepo;
  return {
    async mergeCandidates(input: { candidateId: string; intoCandidateId: string; actor: TActor }) {
      if (input.candidateId === input.intoCandidateId)
        throw new AppError("VALIDATION_FAILED", "A candidate cannot be merged into itself.", {
          fields: [{ field: "intoCandidateId", message: "is the candidate being merged" }],
        });
      return deps.db.transaction(async (tx) => {
        const [from, into] = await Promise.all([
          repo.findById(input.candidateId, tx),
          repo.findById(input.intoCandidateId, tx),
        ]);
        if (!from) throw notFound("That candidate");
        if (!into)
          throw new AppError("VALIDATION_FAILED", "The candidate to merge into does not exist.", {
            fields: [{ field: "intoCandidateId", message: "is not a known candidate" }],
          });
        // An erased record stays anonymous: merging would bring a person's data back into it.
        if (from.erasedAt || into.erasedAt)
          throw new AppError(
            "CONFLICT",
            "An erased candidate cannot be merged: their record stays anonymous.",
          );
        const apps = await repo.listApplicationsOf([from.id, into.id], tx);
        const intoRoles = new Set(
          apps.filter((a) => a.candidateId === into.id).map((a) => a.roleId),
        );
        const clash = apps.find((a) => a.candidateId === from.id && intoRoles.has(a.roleId));
        if (clash)
          throw new AppError(
            "CONFLICT",
            `Both records have applied for ${clash.roleTitle}. Withdraw or reject one of those applications, then merge.`,
            { details: { roleId: clash.roleId } },
          );
        await deps.applicationsRepo.moveToCandidate(from.id, into.id, tx);
        await deps.screeningRepo.moveResumes(from.id, into.id, tx);
        await repo.repointDuplicates(from.id, into.id, tx);
        await repo.deleteCandidate(from.id, tx);
        const merged =
          (await repo.updateCandidate(
            into.id,
            {
              ...missingContactDetails(into, from),
              notes: appendedNotes(into.notes, from.notes),
              ...(into.possibleDuplicateOf === from.id ? { possibleDuplicateOf: null } : {}),
            },
            tx,
          )) ?? into;
        await deps.auditService.recordEvent(
          input.actor,
          {
            action: "candidate.merged",
            entityType: "candidate",
            entityId: into.id,
            before: { kept: into, mergedAway: from },
            after: merged,
          },
          tx,
        );
        return merged;
      });
    },
  };
}
export type TCandidateMergeService = ReturnType<typeof createCandidateMergeService>;
