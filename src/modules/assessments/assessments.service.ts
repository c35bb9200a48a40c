import type { TDatabase } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TManifest, TPack } from "../../grader/pack.js";
import type { TJobQueue } from "../../jobs/boss-queue.js";
import { generateSecret, hashSecret } from "../../shared/secure-token.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import {
  assertLeadsRole,
  assertManagesPipeline,
  assertSeesApplication,
  canLeadRole,
  canManagePipeline,
  canSeeApplication,
} from "../access/viewer-scope.js";
import type { TViewer, TViewerScope } from "../access/viewer-scope.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import { assertActive } from "../pipeline/application-transitions.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import type { TRolesRepo } from "../roles/roles.repo.js";
import { MAX_ASSESSMENT_PARTS } from "../../db/schema/index.js";
import { proposedPackIds } from "../roles/templates/level-templates.js";
import {
  assessmentState,
  competencyScores,
  dueAt,
  linkExpiresAt,
  partDueAt,
  partState,
  presentGradingSummary,
  reportOf,
} from "./assessment-presenter.js";
import type { TAssessmentRow, TAssessmentsRepo } from "./assessments.repo.js";
import type {
  TAssessmentSummary,
  TChooseCountingVersionRequest,
  TSendAssessmentRequest,
} from "./assessments.schema.js";
import { countingVersionOf } from "./counting-version.js";
import { gradeSubmissionJob } from "./grade-submission.job.js";
import { queueGrading } from "./grading-queue.js";
import { listZipFiles, readZipText } from "./submission-zip.js";
import type { TCandidatesRepo } from "../candidates/candidates.repo.js";
import type { TMailService } from "../mail/mail.service.js";

const describeMinutes = (minutes: number) =>
  minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? "" : "s"}` : `${minutes} minutes`;

export type TPackSource = {
  listPacks: () => Promise<TPack[]>;
  loadPack: (id: string) => Promise<TPack>;
};

const MIN_DEADLINE_MS = 60 * 60_000;
const MAX_DEADLINE_MS = 60 * 24 * 3_600_000;
const MAX_TOTAL_MINUTES = 1440;

export const submissionKindOf = (manifest: TManifest | null) =>
  manifest?.kind === "design-document" ? ("document" as const) : ("project-zip" as const);

const invalid = (message: string, field: string, fieldMessage: string) =>
  new AppError("VALIDATION_FAILED", message, { fields: [{ field, message: fieldMessage }] });

export function createAssessmentsService(deps: {
  db: TDatabase;
  assessmentsRepo: TAssessmentsRepo;
  applicationsRepo: Pick<TApplicationsRepo, "findById" | "lockById">;
  rolesRepo: Pick<TRolesRepo, "findRole">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  jobQueue: Pick<TJobQueue, "enqueue" | "wake">;
  candidatesRepo: Pick<TCandidatesRepo, "findById">;
  mail: Pick<TMailService, "enqueueMail" | "wake">;
  packs: TPackSource;
  /** Where candidate links point: PUBLIC_URL, or the configured local address (never a request header). */
  publicUrl: string;
}) {
  const repo = deps.assessmentsRepo;

  async function manifestOf(packId: string): Promise<TManifest | null> {
    return deps.packs.loadPack(packId).then(
      (pack) => pack.manifest,
      () => null,
    );
  }

  /** Loads an application the viewer may see (404 otherwise) with the viewer's scope. */
  async function visibleApplication(applicationId: string, viewer: TViewer) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    const application = await deps.applicationsRepo.findById(applicationId);
    assertSeesApplication(scope, application);
    return { scope, application };
  }

  async function present(
    rows: { assessment: TAssessmentRow; sentByName: string | null }[],
    scope: TViewerScope,
    roleId: string,
  ): Promise<TAssessmentSummary[]> {
    const ids = rows.map((r) => r.assessment.id);
    const [parts, submissions, choices] = await Promise.all([
      repo.listParts(ids),
      repo.listSubmissions(ids),
      repo.listCountingChoices(ids),
    ]);
    const gradings = await repo.listGradings(submissions.map((s) => s.submission.id));
    const latestGrading = (submissionId: string) => {
      const latest = gradings.find((g) => g.grading.submissionId === submissionId);
      return latest ? presentGradingSummary(latest) : null;
    };
    const manifests = new Map<string, TManifest | null>();
    for (const part of parts)
      if (!manifests.has(part.packId)) manifests.set(part.packId, await manifestOf(part.packId));
    return rows.map(({ assessment, sentByName }) => {
      const own = parts.filter((part) => part.assessmentId === assessment.id);
      return {
        id: assessment.id,
        applicationId: assessment.applicationId,
        timing: assessment.timing,
        parts: own.map((part) => {
          const manifest = manifests.get(part.packId) ?? null;
          const partSubmissions = submissions.filter((s) => s.submission.partId === part.id);
          const counting = countingVersionOf(
            partSubmissions.map((s) => s.submission),
            choices.find((c) => c.partId === part.id) ?? null,
          );
          return {
            id: part.id,
            position: part.position,
            pack: {
              id: part.packId,
              title: manifest?.title ?? part.packId,
              groups: manifest?.groups ?? [],
              submissionKind: submissionKindOf(manifest),
            },
            state: partState(assessment, part),
            timeLimitMinutes: part.timeLimitMinutes,
            startedAt:
              (
                part.startedAt ?? (assessment.timing === "shared" ? assessment.startedAt : null)
              )?.toISOString() ?? null,
            dueAt: partDueAt(assessment, part)?.toISOString() ?? null,
            submittedAt: part.submittedAt?.toISOString() ?? null,
            submissions: partSubmissions.map(({ submission, file }) => ({
              id: submission.id,
              version: submission.version,
              isLate: submission.isLate,
              submittedAt: submission.submittedAt.toISOString(),
              filename: file.filename,
              sizeBytes: file.sizeBytes,
              sha256: file.sha256,
              latestGrading: latestGrading(submission.id),
            })),
            counting: counting && {
              submissionId: counting.submission.id,
              version: counting.submission.version,
              of: counting.of,
              grading: latestGrading(counting.submission.id),
              chosen: counting.choice && {
                by:
                  counting.choice.chosenBy && counting.choice.chosenByName
                    ? { id: counting.choice.chosenBy, name: counting.choice.chosenByName }
                    : null,
                at: counting.choice.chosenAt.toISOString(),
                reason: counting.choice.reason,
              },
            },
          };
        }),
        state: assessmentState(assessment, own),
        timeLimitMinutes: assessment.timeLimitMinutes,
        deadlineAt: assessment.deadlineAt.toISOString(),
        linkExpiresAt: linkExpiresAt(assessment).toISOString(),
        sentAt: assessment.createdAt.toISOString(),
        sentBy:
          assessment.sentBy && sentByName ? { id: assessment.sentBy, name: sentByName } : null,
        startedAt: assessment.startedAt?.toISOString() ?? null,
        dueAt: assessment.timing === "shared" ? (dueAt(assessment)?.toISOString() ?? null) : null,
        finishedAt: assessment.finishedAt?.toISOString() ?? null,
        revokedAt: assessment.revokedAt?.toISOString() ?? null,
        permissions: {
          canManage: canManagePipeline(scope, roleId),
          canChooseCountingVersion: canLeadRole(scope, roleId),
        },
      };
    });
  }

  /** The packs of a send request, loaded, in order; names the part that is wrong. */
  async function requestedParts(input: TSendAssessmentRequest) {
    const requested = input.parts ?? (input.packId ? [{ packId: input.packId }] : []);
    if (requested.length === 0 || requested.length > MAX_ASSESSMENT_PARTS)
      throw invalid(
        `Choose between 1 and ${MAX_ASSESSMENT_PARTS} work samples.`,
        "parts",
        `must hold 1 to ${MAX_ASSESSMENT_PARTS} packs`,
      );
    const field = (index: number, name: string) => (input.parts ? `parts.${index}.${name}` : name);
    const seen = new Set<string>();
    const loaded = [];
    for (const [index, part] of requested.entries()) {
      if (seen.has(part.packId))
        throw invalid(
          "Each work sample can be in an assessment only once.",
          field(index, "packId"),
          `${part.packId} is already part ${[...seen].indexOf(part.packId) + 1}`,
        );
      seen.add(part.packId);
      const pack = await deps.packs.loadPack(part.packId).catch(() => {
        throw invalid(
          "That assessment pack does not exist.",
          field(index, "packId"),
          "is not a known assessment pack",
        );
      });
      const own = "timeLimitMinutes" in part ? part.timeLimitMinutes : undefined;
      loaded.push({
        pack,
        timeLimitMinutes:
          own ??
          (input.parts ? undefined : input.timeLimitMinutes) ??
          pack.manifest.timeLimitMinutes,
      });
    }
    return loaded;
  }

  async function assessmentFor(assessmentId: string, viewer: TViewer) {
    const assessment = await repo.findAssessment(assessmentId);
    if (!assessment) throw notFound("That assessment");
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    const application = await deps.applicationsRepo.findById(assessment.applicationId);
    if (!application || !canSeeApplication(scope, application)) throw notFound("That assessment");
    return { assessment, scope, application };
  }

  async function submissionFor(submissionId: string, viewer: TViewer) {
    const found = await repo.findSubmission(submissionId);
    if (!found) throw notFound("That submission");
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    const application = await deps.applicationsRepo.findById(found.assessment.applicationId);
    if (!application || !canSeeApplication(scope, application)) throw notFound("That submission");
    return { ...found, scope, application };
  }

  async function submissionContent(submissionId: string) {
    const content = await repo.readSubmissionContent(submissionId);
    if (!content) throw notFound("That submission");
    // A design document is stored as its text, not a zip: it is read on its review page.
    if (content.subarray(0, 2).toString("latin1") !== "PK")
      throw new AppError(
        "CONFLICT",
        "This submission is a design document, not a project zip: read it on the assessment's design review page.",
      );
    return content;
  }

  return {
    async listPacksForApplication(applicationId: string, viewer: TViewer) {
      const { scope, application } = await visibleApplication(applicationId, viewer);
      assertManagesPipeline(scope, application.roleId);
      const role = await deps.rolesRepo.findRole(application.roleId);
      const packs = await deps.packs.listPacks();
      // The plan's proposal for the role's level, in the plan's order, ahead of the rest.
      const proposed: readonly string[] = role ? proposedPackIds(role.level) : [];
      const rank = (id: string) => (proposed.includes(id) ? proposed.indexOf(id) : proposed.length);
      return {
        maxParts: MAX_ASSESSMENT_PARTS,
        packs: packs
          .map(({ manifest }) => ({
            id: manifest.id,
            version: manifest.version,
            title: manifest.title,
            summary: manifest.summary,
            levels: manifest.levels,
            competencies: manifest.competencies,
            timeLimitMinutes: manifest.timeLimitMinutes,
            groups: manifest.groups,
            suitsRoleLevel: role ? (manifest.levels as string[]).includes(role.level) : true,
            proposed: proposed.includes(manifest.id),
            submissionKind: submissionKindOf(manifest),
          }))
          // The proposed packs first, then the others meant for the role's level.
          .sort(
            (a, b) =>
              rank(a.id) - rank(b.id) || Number(b.suitsRoleLevel) - Number(a.suitsRoleLevel),
          ),
      };
    },

    async sendAssessment(
      applicationId: string,
      input: TSendAssessmentRequest,
      viewer: TViewer,
      actor: TActor,
    ) {
      const parts = await requestedParts(input);
      const timing = input.timing ?? "shared";
      const sum = parts.reduce((total, part) => total + part.timeLimitMinutes, 0);
      const timeLimitMinutes = timing === "shared" ? (input.timeLimitMinutes ?? sum) : sum;
      if (timeLimitMinutes > MAX_TOTAL_MINUTES)
        throw invalid(
          `The time for the whole assessment is ${timeLimitMinutes} minutes; at most ${MAX_TOTAL_MINUTES} (24 hours) is allowed.`,
          timing === "shared" && input.timeLimitMinutes ? "timeLimitMinutes" : "parts",
          `add up to at most ${MAX_TOTAL_MINUTES} minutes`,
        );
      const deadline = new Date(input.deadlineAt);
      const fromNow = deadline.getTime() - Date.now();
      if (fromNow < MIN_DEADLINE_MS || fromNow > MAX_DEADLINE_MS)
        throw new AppError(
          "VALIDATION_FAILED",
          "The deadline must be at least an hour and at most 60 days from now.",
          { fields: [{ field: "deadlineAt", message: "must be 1 hour to 60 days from now" }] },
        );
      const token = generateSecret("sla");
      let applicationRoleId = "";
      const id = await deps.db.transaction(async (tx) => {
        const scope = await deps.viewerScopeRepo.loadScope(viewer, tx);
        const application = await deps.applicationsRepo.lockById(applicationId, tx);
        assertSeesApplication(scope, application);
        applicationRoleId = application.roleId;
        assertManagesPipeline(scope, application.roleId);
        assertActive(application);
        const row = await repo.insertAssessment(
          {
            applicationId,
            timing,
            timeLimitMinutes,
            deadlineAt: deadline,
            tokenHash: hashSecret(token),
            sentBy: viewer.id,
          },
          tx,
        );
        const partRows = await repo.insertParts(
          parts.map((part, index) => ({
            assessmentId: row.id,
            position: index + 1,
            packId: part.pack.manifest.id,
            timeLimitMinutes: part.timeLimitMinutes,
          })),
          tx,
        );
        await deps.auditService.recordEvent(
          actor,
          {
            action: "assessment.sent",
            entityType: "assessment",
            entityId: row.id,
            after: {
              ...row,
              parts: partRows.map(({ position, packId, timeLimitMinutes: minutes }) => ({
                position,
                packId,
                timeLimitMinutes: minutes,
              })),
            },
          },
          tx,
        );
        // The link goes out with the assessment's own commit, or not at all.
        const candidate = await deps.candidatesRepo.findById(application.candidateId, tx);
        const role = await deps.rolesRepo.findRole(application.roleId, tx);
        if (candidate) {
          await deps.mail.enqueueMail(
            {
              kind: "assessment_link",
              to: candidate.email,
              values: {
                candidateName: candidate.name,
                roleTitle: role?.title ?? "the role",
                link: `${deps.publicUrl}/assess/${token}`,
                deadline: deadline.toUTCString(),
                timeLimit: describeMinutes(timeLimitMinutes),
              },
            },
            tx,
          );
        }
        return row.id;
      });
      await deps.mail.wake();
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      const [assessment] = await present(
        (await repo.listForApplication(applicationId)).filter((r) => r.assessment.id === id),
        scope,
        applicationRoleId,
      );
      if (!assessment) throw notFound("That assessment");
      return {
        assessment,
        candidateUrl: `${deps.publicUrl}/assess/${token}`,
      };
    },

    async listForApplication(applicationId: string, viewer: TViewer) {
      const { scope, application } = await visibleApplication(applicationId, viewer);
      return {
        assessments: await present(
          await repo.listForApplication(applicationId),
          scope,
          application.roleId,
        ),
      };
    },

    async getAssessment(assessmentId: string, viewer: TViewer) {
      const { assessment, scope, application } = await assessmentFor(assessmentId, viewer);
      const rows = await repo.listForApplication(assessment.applicationId);
      const [summary] = await present(
        rows.filter((r) => r.assessment.id === assessmentId),
        scope,
        application.roleId,
      );
      if (!summary) throw notFound("That assessment");
      return { assessment: summary };
    },

    async revokeAssessment(assessmentId: string, viewer: TViewer, actor: TActor) {
      await deps.db.transaction(async (tx) => {
        const scope = await deps.viewerScopeRepo.loadScope(viewer, tx);
        const assessment = await repo.lockAssessment(assessmentId, tx);
        if (!assessment) throw notFound("That assessment");
        const application = await deps.applicationsRepo.findById(assessment.applicationId, tx);
        if (!application || !canSeeApplication(scope, application))
          throw notFound("That assessment");
        assertManagesPipeline(scope, application.roleId);
        if (assessment.revokedAt) return;
        const at = new Date();
        await repo.setRevoked(assessmentId, at, tx);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "assessment.revoked",
            entityType: "assessment",
            entityId: assessmentId,
            before: { revokedAt: null },
            after: { revokedAt: at },
          },
          tx,
        );
      });
      return this.getAssessment(assessmentId, viewer);
    },

    /**
     * The hiring team picks, for one part, the version whose result counts, with a reason;
     * audited. Each part has its own versions, so each part has its own choice.
     */
    async chooseCountingVersion(input: {
      assessmentId: string;
      /** The part's position (1 for "Part 1"). */
      part: number;
      choice: TChooseCountingVersionRequest;
      viewer: TViewer;
      actor: TActor;
    }) {
      const { assessmentId, part: position, choice, viewer, actor } = input;
      await deps.db.transaction(async (tx) => {
        const scope = await deps.viewerScopeRepo.loadScope(viewer, tx);
        const assessment = await repo.lockAssessment(assessmentId, tx);
        if (!assessment) throw notFound("That assessment");
        const application = await deps.applicationsRepo.findById(assessment.applicationId, tx);
        if (!application || !canSeeApplication(scope, application))
          throw notFound("That assessment");
        assertLeadsRole(scope, application.roleId);
        const parts = await repo.listParts([assessmentId], tx);
        const part = parts.find((p) => p.position === position);
        if (!part)
          throw new AppError(
            "NOT_FOUND",
            `That assessment has ${parts.length} part${parts.length === 1 ? "" : "s"}; there is no part ${position}.`,
          );
        const submissions = (await repo.listSubmissions([assessmentId], tx)).filter(
          (s) => s.submission.partId === part.id,
        );
        const picked = submissions.find((s) => s.submission.id === choice.submissionId);
        if (!picked)
          throw new AppError(
            "VALIDATION_FAILED",
            `That version is not one of part ${position}'s uploads.`,
            {
              fields: [{ field: "submissionId", message: `is not a version of part ${position}` }],
            },
          );
        const previousChoice = (await repo.listCountingChoices([assessmentId], tx)).find(
          (c) => c.partId === part.id,
        );
        const before = countingVersionOf(
          submissions.map((s) => s.submission),
          previousChoice ?? null,
        );
        await repo.saveCountingChoice(
          {
            partId: part.id,
            submissionId: picked.submission.id,
            reason: choice.reason,
            chosenBy: viewer.id,
          },
          tx,
        );
        await deps.auditService.recordEvent(
          actor,
          {
            action: "assessment.counting_version_chosen",
            entityType: "assessment",
            entityId: assessmentId,
            before: before && {
              part: position,
              version: before.submission.version,
              chosen: before.choice !== null,
            },
            after: { part: position, version: picked.submission.version, reason: choice.reason },
          },
          tx,
        );
      });
      return this.getAssessment(assessmentId, viewer);
    },

    async getGrading(gradingId: string, viewer: TViewer) {
      const row = await repo.findGrading(gradingId);
      if (!row) throw notFound("That grading");
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      const application = await deps.applicationsRepo.findById(row.assessment.applicationId);
      if (!application || !canSeeApplication(scope, application)) throw notFound("That grading");
      const report = reportOf(row, row.part.packId);
      const manifest = await manifestOf(row.part.packId);
      return {
        grading: {
          ...presentGradingSummary(row),
          assessmentId: row.assessment.id,
          part: {
            position: row.part.position,
            packId: row.part.packId,
            packTitle: manifest?.title ?? row.part.packId,
          },
          submissionVersion: row.submission.version,
          isLate: row.submission.isLate,
          report,
          competencies: competencyScores(manifest, report),
        },
      };
    },

    async regradeSubmission(submissionId: string, viewer: TViewer, actor: TActor) {
      const found = await submissionFor(submissionId, viewer);
      assertManagesPipeline(found.scope, found.application.roleId);
      const grading = await deps.db.transaction(async (tx) => {
        const queued = await queueGrading(deps, tx, { submissionId, requestedBy: viewer.id });
        await deps.auditService.recordEvent(
          actor,
          {
            action: "assessment.regrade_requested",
            entityType: "grading",
            entityId: queued.id,
            after: { submissionId, gradingId: queued.id },
          },
          tx,
        );
        return queued;
      });
      await deps.jobQueue.wake(gradeSubmissionJob);
      return this.getGrading(grading.id, viewer);
    },

    async listSubmissionFiles(submissionId: string, viewer: TViewer) {
      await submissionFor(submissionId, viewer);
      const { zip, files, truncated } = await listZipFiles(await submissionContent(submissionId));
      zip.close();
      return { files: files.map((f) => ({ path: f.path, sizeBytes: f.sizeBytes })), truncated };
    },

    async readSubmissionFile(submissionId: string, filePath: string, viewer: TViewer) {
      await submissionFor(submissionId, viewer);
      const file = await readZipText(await submissionContent(submissionId), filePath);
      if (!file) throw notFound("That file");
      return file;
    },
  };
}
export type TAssessmentsService = ReturnType<typeof createAssessmentsService>;
