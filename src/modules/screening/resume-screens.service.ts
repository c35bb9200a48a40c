import type { TDatabase } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import {
  assertManagesPipeline,
  assertSeesApplication,
  canManagePipeline,
} from "../access/viewer-scope.js";
import type { TViewer } from "../access/viewer-scope.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import type { TCandidatesRepo } from "../candidates/candidates.repo.js";
import { assertActive, transitionApplication } from "../pipeline/application-transitions.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import type { TRolesRepo, TRoleRow } from "../roles/roles.repo.js";
import type { TProfileLink } from "./evidence-matcher.js";
import { proposeScreen, type TScreenProposal } from "./screen-resume.js";
import type {
  TRecordedItem,
  TRecordScreenRequest,
  TScreeningView,
} from "./screening-api.schema.js";
import type { TChecklistItem } from "./screening-checklist.js";
import { loadEffectiveSettings } from "./screening-settings.service.js";
import type { TScreeningRepo, TScreenRow } from "./screening.repo.js";

/** Shown instead of the name in blind review: stable per application, says nothing about the person. */
export function blindLabel(applicationId: string): string {
  return `Candidate ${applicationId.slice(0, 6).toUpperCase()}`;
}

function presentScreen(row: { screen: TScreenRow; screenedByName: string | null }) {
  return {
    id: row.screen.id,
    outcome: row.screen.outcome,
    notes: row.screen.notes,
    blind: row.screen.blind,
    items: row.screen.items as TRecordedItem[],
    screenedBy:
      row.screen.screenedBy && row.screenedByName
        ? { id: row.screen.screenedBy, name: row.screenedByName }
        : null,
    screenedAt: row.screen.screenedAt.toISOString(),
  };
}

export function createResumeScreensService(deps: {
  db: TDatabase;
  screeningRepo: Pick<
    TScreeningRepo,
    "findSettings" | "latestResume" | "listScreens" | "insertScreen"
  >;
  applicationsRepo: Pick<
    TApplicationsRepo,
    "findSummary" | "lockById" | "updateApplication" | "insertStageEvent"
  >;
  rolesRepo: Pick<TRolesRepo, "findRole" | "listStages" | "findStage">;
  candidatesRepo: Pick<TCandidatesRepo, "findById">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
}) {
  /** Everything the page needs, computed in one pass; the proposal is never stored until recorded. */
  async function buildView(applicationId: string, viewer: TViewer) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer);
    const summary = await deps.applicationsRepo.findSummary(applicationId);
    assertSeesApplication(scope, summary?.application);
    if (!summary) throw notFound("That application");
    assertManagesPipeline(scope, summary.role.id);
    const role = await deps.rolesRepo.findRole(summary.role.id);
    if (!role) throw notFound("That role");
    const [settings, screens, latest, candidate] = await Promise.all([
      loadEffectiveSettings(deps, role),
      deps.screeningRepo.listScreens(applicationId),
      deps.screeningRepo.latestResume(summary.candidate.id),
      deps.candidatesRepo.findById(summary.candidate.id),
    ]);
    if (!candidate) throw notFound("That candidate");
    // Blind until this application has a recorded screen; afterwards the reviewer may know who it is.
    const hidden = settings.blind && screens.length === 0;
    const proposal = latest
      ? proposeScreen({
          text: latest.resume.text,
          checklist: settings.checklist,
          level: role.level,
          profileLinks: profileLinksOf(candidate),
          ...(hidden ? { blind: { candidateName: candidate.name } } : {}),
        })
      : null;
    const inScreeningStage = summary.stage.kind === "resume-screen";
    const cannotRecordBecause =
      summary.application.status !== "active"
        ? `This application is ${summary.application.status}.`
        : !inScreeningStage
          ? `The application is in “${summary.stage.name}”, not a résumé screen stage.`
          : !latest
            ? "Upload a résumé first."
            : !canManagePipeline(scope, role.id)
              ? "Only the role's recruiters and hiring managers can record a screen."
              : null;
    const view: TScreeningView = {
      application: {
        id: applicationId,
        status: summary.application.status,
        stage: { id: summary.stage.id, name: summary.stage.name, kind: summary.stage.kind },
        inScreeningStage,
      },
      role: { id: role.id, title: role.title, level: role.level },
      candidate: hidden
        ? null
        : {
            id: candidate.id,
            name: candidate.name,
            email: candidate.email,
            phone: candidate.phone,
          },
      candidateLabel: hidden ? blindLabel(applicationId) : candidate.name,
      blind: hidden,
      resume: latest
        ? {
            id: latest.resume.id,
            format: latest.resume.format,
            uploadedAt: latest.resume.createdAt.toISOString(),
            filename: hidden ? null : latest.filename,
            downloadable: !hidden,
          }
        : null,
      checklist: settings.checklist,
      proposal,
      screens: screens.map(presentScreen),
      canRecord: cannotRecordBecause === null,
      cannotRecordBecause,
    };
    return { view, role, summary, settings, proposal, latest, hidden };
  }

  function decideItems(
    checklist: readonly TChecklistItem[],
    proposal: TScreenProposal,
    input: TRecordScreenRequest,
  ): TRecordedItem[] {
    const known = new Set(checklist.map((item) => item.id));
    const fields = input.items.flatMap((decision, index) =>
      known.has(decision.itemId)
        ? []
        : [{ field: `items.${index}.itemId`, message: "is not an item of this checklist" }],
    );
    const given = new Map(input.items.map((decision) => [decision.itemId, decision]));
    for (const item of checklist)
      if (!given.has(item.id))
        fields.push({ field: "items", message: `has no decision for “${item.label}”` });
    if (fields.length > 0)
      throw new AppError(
        "VALIDATION_FAILED",
        "Confirm or override every checklist item before recording the screen.",
        { fields },
      );
    return checklist.map((item) => {
      const decision = given.get(item.id);
      const proposed = proposal.items.find((p) => p.itemId === item.id);
      const verdict = decision?.verdict ?? "unclear";
      const proposedVerdict = proposed?.verdict ?? "unclear";
      return {
        itemId: item.id,
        label: item.label,
        kind: item.kind,
        proposedVerdict,
        proposedConfidence: proposed?.confidence ?? 0,
        verdict,
        overridden: verdict !== proposedVerdict,
        note: decision?.note ? decision.note : null,
      };
    });
  }

  async function nextStageOf(role: TRoleRow, currentStageId: string) {
    const stages = await deps.rolesRepo.listStages([role.id]);
    const current = stages.find((s) => s.id === currentStageId);
    return stages
      .filter((s) => current !== undefined && s.position > current.position)
      .sort((a, b) => a.position - b.position)[0];
  }

  return {
    async getScreening(applicationId: string, viewer: TViewer) {
      return (await buildView(applicationId, viewer)).view;
    },

    async recordScreen(
      applicationId: string,
      input: TRecordScreenRequest,
      viewer: TViewer,
      actor: TActor,
    ) {
      const built = await buildView(applicationId, viewer);
      if (!built.view.canRecord || !built.proposal || !built.latest)
        throw new AppError(
          "CONFLICT",
          built.view.cannotRecordBecause ?? "This screen cannot be recorded.",
        );
      const items = decideItems(built.settings.checklist, built.proposal, input);
      const next =
        input.outcome === "pass" && input.advance
          ? await nextStageOf(built.role, built.summary.stage.id)
          : undefined;
      const resumeId = built.latest.resume.id;
      const proposal = built.proposal;
      await deps.db.transaction(async (tx) => {
        const application = await deps.applicationsRepo.lockById(applicationId, tx);
        if (!application) throw notFound("That application");
        assertActive(application);
        // Someone moved it while this screener was reading: their move wins, this screen is refused.
        if (application.currentStageId !== built.summary.stage.id)
          throw new AppError("CONFLICT", "The application moved to another stage meanwhile.");
        const screen = await deps.screeningRepo.insertScreen(
          {
            applicationId,
            resumeId,
            checklist: built.settings.checklist,
            // The evidence as the screener saw it (masked in blind review), without the full text.
            proposal: { items: proposal.items, summary: proposal.summary, blind: proposal.blind },
            items,
            outcome: input.outcome,
            notes: input.notes,
            blind: built.hidden,
            screenedBy: viewer.id,
          },
          tx,
        );
        await deps.auditService.recordEvent(
          actor,
          {
            action: "screening.recorded",
            entityType: "application",
            entityId: applicationId,
            after: {
              screenId: screen.id,
              outcome: input.outcome,
              overridden: items.filter((i) => i.overridden).map((i) => i.itemId),
            },
          },
          tx,
        );
        const reason = `Résumé screen: ${input.outcome}${input.notes ? ` — ${input.notes}` : ""}`;
        if (next)
          await transitionApplication(deps, tx, {
            application,
            toStageId: next.id,
            status: "active",
            reason: reason.slice(0, 2000),
            action: "application.moved",
            actor,
          });
        else if (input.outcome === "reject")
          await transitionApplication(deps, tx, {
            application,
            toStageId: application.currentStageId,
            status: "rejected",
            reason: reason.slice(0, 2000),
            action: "application.rejected",
            actor,
          });
      });
      return (await buildView(applicationId, viewer)).view;
    },
  };
}
export type TResumeScreensService = ReturnType<typeof createResumeScreensService>;

function profileLinksOf(candidate: {
  githubUrl: string | null;
  portfolioUrl: string | null;
  linkedinUrl: string | null;
}): TProfileLink[] {
  const links: TProfileLink[] = [];
  if (candidate.githubUrl) links.push({ kind: "github", url: candidate.githubUrl });
  if (candidate.portfolioUrl) links.push({ kind: "portfolio", url: candidate.portfolioUrl });
  if (candidate.linkedinUrl) links.push({ kind: "linkedin", url: candidate.linkedinUrl });
  return links;
}
