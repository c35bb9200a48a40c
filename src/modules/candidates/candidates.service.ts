import type { TDatabase, TExecutor } from "../../db/client.js";
import type { TDataVersion } from "../../db/data-version.js";
import { createVersionedCache } from "../../shared/versioned-cache.js";
import type { TLawfulBasis } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import {
  canManagePipeline,
  canSeeApplication,
  canSeeRole,
  pipelineRoleIds,
} from "../access/viewer-scope.js";
import type { TViewer, TViewerScope } from "../access/viewer-scope.js";
import { encodeTextCursor } from "../../shared/keyset-cursor.js";
import { recordConsent } from "../privacy/consent-records.js";
import type { TPrivacyRepo } from "../privacy/privacy.repo.js";
import type { TWebhookEmitter } from "../webhooks/webhooks.service.js";
import type { TCandidateMergeService } from "./candidate-merge.service.js";
import { emitCandidateCreated } from "./candidate-records.js";
import type {
  TCandidateApplicationRow,
  TCandidatesRepo,
  TCandidateRow,
  TCandidateVisibility,
} from "./candidates.repo.js";
import { MAX_SAME_NAME } from "./candidates.schema.js";
import type {
  TCandidate,
  TCreateCandidateRequest,
  TListCandidatesQuery,
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

/** Whether a driver error (node-postgres or PGlite, maybe wrapped by drizzle) broke `constraint`. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: broken } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505") return broken === undefined || broken === constraint;
  }
  return false;
}

/**
 * A 409 names the existing record only to a caller who may see it; anyone else learns that the
 * address is taken (unavoidable with one record per e-mail) and whom to ask, never which record.
 */
function duplicateEmail(email: string, visibleExistingId: string | null) {
  if (visibleExistingId)
    return new AppError("CONFLICT", `A candidate with the e-mail ${email} is already on file.`, {
      fields: [{ field: "email", message: "is already on file" }],
      details: { existingCandidateId: visibleExistingId },
    });
  return new AppError(
    "CONFLICT",
    `The e-mail ${email} is already in use by a candidate you don't have access to. Ask an admin to add that candidate to your role.`,
    {
      fields: [{ field: "email", message: "is already in use; ask an admin for access" }],
      details: { askAdmin: true },
    },
  );
}

function linkColumns(links: TCreateCandidateRequest["links"]) {
  if (!links) return {};
  return {
    ...(links.github === undefined ? {} : { githubUrl: links.github }),
    ...(links.portfolio === undefined ? {} : { portfolioUrl: links.portfolio }),
    ...(links.linkedin === undefined ? {} : { linkedinUrl: links.linkedin }),
  };
}

/**
 * Why this record may be the same person as another: the e-mail flag an import stored, then
 * records the caller may see with the same folded name (each named once, the e-mail one first).
 */
export function possibleDuplicatesOf(
  row: Pick<TCandidateRow, "id" | "nameKey" | "possibleDuplicateOf" | "erasedAt">,
  originals: readonly { id: string; name: string }[],
  sameNames: readonly { id: string; name: string; nameKey: string | null }[],
): TCandidate["possibleDuplicates"] {
  const found: TCandidate["possibleDuplicates"] = [];
  if (row.possibleDuplicateOf)
    found.push({
      reason: "same-email",
      of: originals.find((o) => o.id === row.possibleDuplicateOf) ?? null,
    });
  if (row.erasedAt || !row.nameKey) return found;
  const twins = sameNames.filter(
    (c) => c.nameKey === row.nameKey && c.id !== row.id && c.id !== row.possibleDuplicateOf,
  );
  for (const twin of twins.slice(0, MAX_SAME_NAME))
    found.push({ reason: "same-name", of: { id: twin.id, name: twin.name } });
  return found;
}

export function createCandidatesService(deps: {
  db: TDatabase;
  candidatesRepo: TCandidatesRepo;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  candidateMergeService: Pick<TCandidateMergeService, "mergeCandidates">;
  privacyRepo: Pick<TPrivacyRepo, "getSettings" | "insertConsent" | "recordAccess">;
  /** With it, each viewer's profile read is kept until anything changes (shared/versioned-cache.ts). */
  dataVersion?: Pick<TDataVersion, "read">;
  webhooks?: TWebhookEmitter;
}) {
  const repo = deps.candidatesRepo;
  type TProfile = { candidate: TCandidate; erased: boolean };
  const profiles = createVersionedCache<TProfile>({ max: 200 });

  async function present(
    rows: readonly TCandidateRow[],
    scope: TViewerScope,
  ): Promise<TCandidate[]> {
    const nameKeys = [
      ...new Set(rows.flatMap((r) => (!r.erasedAt && r.nameKey ? [r.nameKey] : []))),
    ];
    const [apps, sameNames] = await Promise.all([
      repo.listApplicationsOf(rows.map((r) => r.id)),
      repo.listByNameKeys(nameKeys, candidateVisibility(scope)),
    ]);
    // Only admins may follow a possible duplicate to its original (they are the ones who merge).
    const originals = scope.isAdmin
      ? await repo.listNames(
          rows.flatMap((r) => (r.possibleDuplicateOf ? [r.possibleDuplicateOf] : [])),
        )
      : [];
    return presentWith(rows, scope, { apps, sameNames, originals });
  }

  function presentWith(
    rows: readonly TCandidateRow[],
    scope: TViewerScope,
    related: {
      apps: readonly TCandidateApplicationRow[];
      sameNames: readonly { id: string; name: string; nameKey: string | null }[];
      originals: readonly { id: string; name: string }[];
    },
  ): TCandidate[] {
    const { apps, sameNames } = related;
    const originals = scope.isAdmin ? related.originals : [];
    return rows.map((row) => {
      // An erased record has no contact details: its e-mail column holds a reserved placeholder.
      const contactVisible =
        !row.erasedAt &&
        canSeeContact(
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
        possibleDuplicates: possibleDuplicatesOf(row, originals, sameNames),
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        erasedAt: row.erasedAt?.toISOString() ?? null,
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
    const row = await repo.findVisible(candidateId, candidateVisibility(scope));
    if (!row) throw notFound("That candidate");
    return { row, scope };
  }

  async function emailTaken(email: string, viewer: TViewer, tx?: TExecutor) {
    const existing = await repo.findByEmail(email, tx);
    if (!existing) return duplicateEmail(email, null);
    const scope = await deps.viewerScopeRepo.loadScope(viewer, tx);
    const visible = await repo.isVisible(existing.id, candidateVisibility(scope), tx);
    return duplicateEmail(email, visible ? existing.id : null);
  }

  async function presentOne(row: TCandidateRow, scope: TViewerScope) {
    const [candidate] = await present([row], scope);
    if (!candidate) throw notFound("That candidate");
    return candidate;
  }

  return {
    async createCandidate(
      input: Omit<TCreateCandidateRequest, "lawfulBasis"> & { lawfulBasis?: TLawfulBasis },
      viewer: TViewer,
      actor: TActor,
    ) {
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
        if (!inserted) throw await emailTaken(input.email, viewer, tx);
        await recordConsent(deps, tx, {
          candidateId: inserted.id,
          lawfulBasis: input.lawfulBasis ?? "legitimate_interest",
          source: "team_form",
          recordedBy: viewer.id,
        });
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
        await emitCandidateCreated(deps, tx, inserted, "team_form");
        return inserted;
      });
      await deps.webhooks?.wake();
      return presentOne(row, await deps.viewerScopeRepo.loadScope(viewer));
    },

    async listCandidates(query: TListCandidatesQuery, viewer: TViewer) {
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      // Filtering by a role says who applied to it: only for a role the caller may see.
      if (query.roleId !== undefined && !canSeeRole(scope, query.roleId))
        throw notFound("That role");
      const { rows, more, total, totalCapped } = await repo.listCandidates({
        ...query,
        visibility: candidateVisibility(scope),
      });
      const last = rows.at(-1);
      return {
        candidates: await present(rows, scope),
        total,
        totalCapped,
        nextCursor: more && last ? encodeTextCursor({ text: last.name, id: last.id }) : null,
      };
    },

    async getCandidate(candidateId: string, viewer: TViewer) {
      // The profile is kept per viewer until anything changes; the access trail is not a read
      // table (it moves no data version), so recording a view never empties the cache.
      const version = await deps.dataVersion?.read(viewer);
      const { candidate, erased } = await profiles.get(
        `${candidateId}|${viewer.id}|${viewer.role}`,
        version,
        async () => {
          const scope = await deps.viewerScopeRepo.loadScope(viewer);
          // The record and everything its profile shows in one statement (the page's budget).
          const profile = await repo.findVisibleProfile(
            candidateId,
            candidateVisibility(scope),
            scope.isAdmin,
          );
          if (!profile) throw notFound("That candidate");
          const [presented] = presentWith([profile.row], scope, profile);
          if (!presented) throw notFound("That candidate");
          return { candidate: presented, erased: profile.row.erasedAt !== null };
        },
      );
      // The access trail: one insert each time contact details are sent, cached or not (lists
      // never carry them for anyone outside the pipeline, and are not what the trail is for).
      if (candidate.contactVisible && !erased)
        await deps.privacyRepo.recordAccess({ candidateId, userId: viewer.id, kind: "contact" });
      return candidate;
    },

    /** Admins only (the route says so): folds `candidateId` into `intoCandidateId`. */
    async mergeCandidates(
      input: { candidateId: string; intoCandidateId: string },
      viewer: TViewer,
      actor: TActor,
    ) {
      const merged = await deps.candidateMergeService.mergeCandidates({ ...input, actor });
      return presentOne(merged, await deps.viewerScopeRepo.loadScope(viewer));
    },

    async updateCandidate(
      candidateId: string,
      patch: TUpdateCandidateRequest,
      viewer: TViewer,
      actor: TActor,
    ) {
      const { row: before, scope } = await loadVisible(candidateId, viewer);
      // Changing contact details or notes one may not read would be writing blind over them:
      // editing follows canSeeContact, like reading does.
      if (!(await repo.isContactVisible(candidateId, candidateVisibility(scope))))
        throw new AppError(
          "FORBIDDEN",
          "Only admins and the recruiters and hiring managers of this candidate's role can change their details.",
        );
      if (before.erasedAt)
        throw new AppError(
          "CONFLICT",
          "This candidate's personal data was erased; the record stays anonymous.",
        );
      const newEmail =
        patch.email !== undefined && patch.email !== before.email ? patch.email : null;
      const after = await deps.db
        .transaction(async (tx) => {
          if (newEmail) {
            // Two edits to one new address wait for each other here, so the second sees the
            // first and gets the 409 below rather than the unique index's error.
            await repo.lockEmail(newEmail, tx);
            if (await repo.findByEmail(newEmail, tx)) throw await emailTaken(newEmail, viewer, tx);
          }
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
        })
        .catch(async (error: unknown) => {
          // A candidate created with that address in the meantime: the same 409, never a 500.
          if (newEmail && isUniqueViolation(error, "candidates_email_key"))
            throw await emailTaken(newEmail, viewer);
          throw error;
        });
      return presentOne(after, scope);
    },
  };
}
export type TCandidatesService = ReturnType<typeof createCandidatesService>;
