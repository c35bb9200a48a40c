import { randomBytes } from "node:crypto";
import type { TDatabase, TExecutor } from "../../db/client.js";
import type { TStoredFilesRepo } from "../files/stored-files.repo.js";
import { AppError, notFound } from "../../errors.js";
import { PermanentJobError } from "../../jobs/job-definition.js";
import type { TJobQueue } from "../../jobs/boss-queue.js";
import { ZEmail } from "../../shared/schema-primitives.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import { assertManagesPipeline, canSeeRole } from "../access/viewer-scope.js";
import type { TViewer } from "../access/viewer-scope.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import type { TCandidatesRepo } from "../candidates/candidates.repo.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import type { TRolesRepo } from "../roles/roles.repo.js";
import { findHeadingName } from "./blind-mask-detectors.js";
import { MAX_INTAKE_FILES, type TIntakeEntry } from "./intake-archive.js";
import { intakeJob } from "./intake.job.js";
import { isResumeExtractError } from "./resume-extract-error.js";
import type { TResumeFields } from "./resume-fields.js";
import { readResume } from "./resumes.service.js";
import type { TIntakeBatch, TIntakeResult } from "./screening-api.schema.js";
import type { TBatchRow, TScreeningRepo } from "./screening.repo.js";
import { receiveCandidate } from "../candidates/candidate-records.js";
import type { TPrivacyRepo } from "../privacy/privacy.repo.js";
import type { TCandidateVisibility } from "../candidates/candidates.repo.js";
import type { TUsersRepo } from "../users/users.repo.js";
import { candidateVisibility } from "../candidates/candidates.service.js";
import { createApplicationRecord } from "../pipeline/application-creation.js";

const NO_EMAIL_DOMAIN = "no-email.invalid";

/** The name on a résumé: its first heading line if it reads like a name, else the file's name. */
export function guessCandidateName(text: string, filename: string): string {
  const heading = findHeadingName(text);
  if (heading) return text.slice(heading.start, heading.end).trim();
  const stem = filename
    .replace(/\.[a-z0-9]{1,5}$/i, "")
    .replace(/[_\-.]+/g, " ")
    .replace(/\b(cv|resume|résumé|lebenslauf)\b/gi, "")
    .replace(/\s+/g, " ")
    .trim();
  return (stem || "Unnamed candidate").slice(0, 120);
}

function contactDetails(fields: TResumeFields) {
  const linkOf = (kinds: string[]) => fields.links.find((l) => kinds.includes(l.kind))?.url ?? null;
  const phone = fields.phones[0]?.value ?? null;
  return {
    phone: phone && /^[+0-9 ()./-]{5,40}$/.test(phone) ? phone : null,
    githubUrl: linkOf(["github", "gitlab", "bitbucket"]),
    portfolioUrl: linkOf(["portfolio"]),
    linkedinUrl: linkOf(["linkedin"]),
  };
}

export function createIntakeService(deps: {
  db: TDatabase;
  screeningRepo: Pick<
    TScreeningRepo,
    | "insertBatch"
    | "findBatch"
    | "insertIntakeFile"
    | "nextIntakeFile"
    | "deleteIntakeFile"
    | "recordIntakeResult"
    | "finishBatch"
    | "insertResume"
    | "findSettings"
  >;
  storedFilesRepo: Pick<TStoredFilesRepo, "insertFile">;
  rolesRepo: Pick<TRolesRepo, "findRole" | "listStages">;
  candidatesRepo: Pick<
    TCandidatesRepo,
    "insertCandidate" | "findByEmail" | "updateCandidate" | "isVisible"
  >;
  usersRepo: Pick<TUsersRepo, "findById">;
  applicationsRepo: Pick<
    TApplicationsRepo,
    "insertApplication" | "insertStageEvent" | "findByCandidateAndRole"
  >;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  privacyRepo: Pick<TPrivacyRepo, "getSettings" | "insertConsent">;
  jobQueue: Pick<TJobQueue, "enqueue" | "wake">;
}) {
  const repo = deps.screeningRepo;

  async function screenStageOf(roleId: string) {
    const stages = await deps.rolesRepo.listStages([roleId]);
    return stages.find((s) => s.kind === "resume-screen");
  }

  async function present(batch: TBatchRow): Promise<TIntakeBatch> {
    const settings = await repo.findSettings(batch.roleId);
    const blind = settings?.settings.blind ?? false;
    const results = (batch.results as TIntakeResult[]).map((r) =>
      blind ? { ...r, candidateName: null } : r,
    );
    return {
      id: batch.id,
      roleId: batch.roleId,
      status: batch.status,
      total: batch.total,
      processed: batch.processed,
      succeeded: batch.succeeded,
      failed: batch.failed,
      results: results.sort((a, b) => a.position - b.position),
      createdAt: batch.createdAt.toISOString(),
      finishedAt: batch.finishedAt?.toISOString() ?? null,
    };
  }

  const failure = (position: number, filename: string, reason: string, errorCode: string) => ({
    position,
    filename,
    status: "failed" as const,
    reason,
    errorCode,
    candidateId: null,
    applicationId: null,
    candidateName: null,
    warnings: [],
  });

  /** One file in its own transaction: candidate (or merge), résumé, application, result, done. */
  /** What the uploader may see now; an uploader who left sees nothing, so nothing is matched. */
  async function uploaderVisibility(batch: TBatchRow): Promise<TCandidateVisibility> {
    const uploader = batch.createdBy ? await deps.usersRepo.findById(batch.createdBy) : undefined;
    if (!uploader || uploader.disabledAt)
      return { userId: batch.createdBy ?? "", roleIds: [], applicationIds: [] };
    return candidateVisibility(await deps.viewerScopeRepo.loadScope(uploader));
  }

  async function importOne(
    batch: TBatchRow,
    visibility: TCandidateVisibility,
    stageId: string,
    intake: { id: string; position: number },
    file: { id: string; filename: string; mediaType: string; content: Buffer },
  ) {
    let read: Awaited<ReturnType<typeof readResume>>;
    try {
      read = await readResume({
        filename: file.filename,
        mime: file.mediaType,
        bytes: file.content,
      });
    } catch (error) {
      if (!isResumeExtractError(error)) throw error;
      await deps.db.transaction(async (tx) => {
        const result = failure(intake.position, file.filename, error.message, error.code);
        await repo.recordIntakeResult(batch.id, result, false, tx);
        await repo.deleteIntakeFile(intake.id, tx);
      });
      return;
    }
    const actor: TActor = { userId: batch.createdBy, label: "bulk intake" };
    const warnings: string[] = [];
    const found = ZEmail.safeParse(read.fields.emails[0]?.value ?? "");
    let email: string;
    if (found.success) email = found.data;
    else {
      // The e-mail column is required and unique; a reserved .invalid address keeps the row
      // importable and is obviously not a real one (the result says so, the recruiter fixes it).
      email = `missing-${randomBytes(5).toString("hex")}@${NO_EMAIL_DOMAIN}`;
      warnings.push("No e-mail found in the résumé; a placeholder address was set.");
    }
    const name = guessCandidateName(read.extracted.text, file.filename);
    await deps.db.transaction(async (tx: TExecutor) => {
      const details = contactDetails(read.fields);
      const { candidate, arrival } = await receiveCandidate(deps, tx, {
        name,
        email,
        contact: details,
        createdBy: batch.createdBy,
        visibility,
        actor,
        source: "bulk_intake",
      });
      if (arrival === "merged") warnings.push(`Merged into the existing candidate with ${email}.`);
      if (arrival === "possible-duplicate")
        warnings.push(
          `Another candidate on file has ${email}; this one was kept apart and flagged as a possible duplicate for an admin to merge.`,
        );
      await repo.insertResume(
        {
          candidateId: candidate.id,
          fileId: file.id,
          format: read.extracted.format,
          text: read.extracted.text,
          fields: read.fields,
          uploadedBy: batch.createdBy,
        },
        tx,
      );
      const applied = await createApplicationRecord(deps, tx, {
        candidateId: candidate.id,
        roleId: batch.roleId,
        stageId,
        createdBy: batch.createdBy,
        actor,
      });
      if (!applied.created) warnings.push("Already applied for this role; the résumé was added.");
      const result = {
        position: intake.position,
        filename: file.filename,
        status: arrival,
        reason: null,
        errorCode: null,
        candidateId: candidate.id,
        applicationId: applied.created ? applied.application.id : applied.existingApplicationId,
        candidateName: candidate.name,
        warnings,
      };
      await repo.recordIntakeResult(batch.id, result, true, tx);
      await repo.deleteIntakeFile(intake.id, tx);
    });
  }

  return {
    async createBatch(
      roleId: string,
      entries: readonly TIntakeEntry[],
      viewer: TViewer,
      actor: TActor,
    ) {
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      const role = await deps.rolesRepo.findRole(roleId);
      if (!role || !canSeeRole(scope, roleId)) throw notFound("That role");
      assertManagesPipeline(scope, roleId);
      if (role.status !== "open")
        throw new AppError("CONFLICT", "This role is closed; reopen it before adding candidates.");
      if (!(await screenStageOf(roleId)))
        throw new AppError("CONFLICT", "This role's plan has no résumé screen stage.");
      if (entries.length === 0)
        throw new AppError("VALIDATION_FAILED", "Choose at least one résumé or a zip of them.", {
          fields: [{ field: "files", message: "is empty" }],
        });
      if (entries.length > MAX_INTAKE_FILES)
        throw new AppError(
          "VALIDATION_FAILED",
          `At most ${MAX_INTAKE_FILES} résumés per batch; this upload has ${entries.length}.`,
          { fields: [{ field: "files", message: `must be at most ${MAX_INTAKE_FILES} files` }] },
        );
      const batch = await deps.db.transaction(async (tx) => {
        const created = await repo.insertBatch(
          { roleId, status: "processing", total: entries.length, createdBy: viewer.id },
          tx,
        );
        let queued = 0;
        for (const [position, entry] of entries.entries()) {
          if ("refused" in entry) {
            const result = failure(position, entry.filename, entry.refused, entry.errorCode);
            await repo.recordIntakeResult(created.id, result, false, tx);
            continue;
          }
          const fileId = await deps.storedFilesRepo.insertFile(
            {
              filename: entry.filename,
              mediaType: entry.mime || "application/octet-stream",
              content: entry.bytes,
              createdBy: viewer.id,
            },
            tx,
          );
          await repo.insertIntakeFile({ batchId: created.id, position, fileId }, tx);
          queued++;
        }
        if (queued > 0) await deps.jobQueue.enqueue(intakeJob, { batchId: created.id }, tx);
        else await repo.finishBatch(created.id, tx);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "intake.created",
            entityType: "role",
            entityId: roleId,
            after: { batchId: created.id, files: entries.length },
          },
          tx,
        );
        return created;
      });
      await deps.jobQueue.wake(intakeJob);
      return present((await repo.findBatch(batch.id)) ?? batch);
    },

    async getBatch(batchId: string, viewer: TViewer) {
      const batch = await repo.findBatch(batchId);
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      if (!batch || !canSeeRole(scope, batch.roleId)) throw notFound("That intake batch");
      assertManagesPipeline(scope, batch.roleId);
      return present(batch);
    },

    /** The job: works through the files still waiting, so a restart continues where it stopped. */
    async processBatch(batchId: string) {
      const batch = await repo.findBatch(batchId);
      if (!batch) throw new PermanentJobError(`intake batch ${batchId} no longer exists`);
      if (batch.status === "done") return { processed: batch.processed };
      const stage = await screenStageOf(batch.roleId);
      if (!stage) throw new PermanentJobError("the role has no résumé screen stage any more");
      const visibility = await uploaderVisibility(batch);
      for (;;) {
        const next = await repo.nextIntakeFile(batchId);
        if (!next) break;
        await importOne(batch, visibility, stage.id, next.intake, next.file);
      }
      await repo.finishBatch(batchId);
      return { batchId };
    },
  };
}
export type TIntakeService = ReturnType<typeof createIntakeService>;
