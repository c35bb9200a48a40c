import type { TDatabase, TExecutor } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import {
  assertManagesPipeline,
  assertSeesApplication,
  canManagePipeline,
} from "../access/viewer-scope.js";
import type { TViewer } from "../access/viewer-scope.js";
import type { TApplicationsRepo } from "../pipeline/applications.repo.js";
import {
  presentApplicationSummary,
  presentInterviewSummary,
} from "../pipeline/application-presenter.js";
import { assertActive } from "../pipeline/application-transitions.js";
import type { TQuestionsRepo } from "../questions/questions.repo.js";
import type { TRolesRepo } from "../roles/roles.repo.js";
import type { TCompetencyId } from "../roles/templates/competencies.js";
import { resolveKitQuestions } from "./interview-kit.js";
import type { TInterviewsRepo } from "./interviews.repo.js";
import type { TInterviewKit, TMyInterviewsQuery } from "./interviews.schema.js";
import { encodeTimeCursor } from "../../shared/keyset-cursor.js";
import type { TClock } from "../../shared/clock.js";
import type { TMailService } from "../mail/mail.service.js";
import { enqueueInterviewInvites } from "../calendar/interview-invites.js";
import type { TInviteChange } from "../calendar/interview-invites.js";
import type {
  TRescheduleInterviewRequest,
  TScheduleInterviewsRequest,
} from "./interviews.schema.js";

// A time a few minutes gone still counts as now: the form was filled in a moment ago.
const PAST_GRACE_MS = 5 * 60_000;

export function createInterviewsService(deps: {
  db: TDatabase;
  interviewsRepo: TInterviewsRepo;
  applicationsRepo: Pick<
    TApplicationsRepo,
    "lockById" | "findById" | "findSummary" | "findSummaries" | "listSummaries"
  >;
  rolesRepo: Pick<TRolesRepo, "findStage" | "listTeams" | "findUsers">;
  questionsRepo: Pick<TQuestionsRepo, "findCurrentVersions" | "findVersionsByIds">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  auditService: Pick<TAuditService, "recordEvent">;
  mail: Pick<TMailService, "enqueueMail" | "wake">;
  clock: TClock;
}) {
  const repo = deps.interviewsRepo;

  /** Refuses a time that has passed, naming the field: invites for the past help nobody. */
  function assertUpcoming(scheduledAt: string) {
    if (new Date(scheduledAt).getTime() < deps.clock.now().getTime() - PAST_GRACE_MS)
      throw new AppError(
        "VALIDATION_FAILED",
        "That time has already passed. Choose a date and time from now on.",
        { fields: [{ field: "scheduledAt", message: "is in the past" }] },
      );
  }

  /** Invites for these interviews go out with the caller's commit, from the viewer. */
  async function sendInvites(
    change: TInviteChange,
    interviewIds: string[],
    viewer: TViewer,
    tx: TExecutor,
    adjust: (sequence: number) => number = (n) => n,
  ) {
    const details = await repo.findInviteDetails(interviewIds, tx);
    const [organizer] = await deps.rolesRepo.findUsers([viewer.id], tx);
    await enqueueInterviewInvites(
      deps.mail,
      change,
      details.map((d) => ({
        ...d,
        interview: { ...d.interview, calendarSequence: adjust(d.interview.calendarSequence) },
      })),
      { name: organizer?.name ?? viewer.name, email: organizer?.email ?? "" },
      tx,
    );
  }

  /** An interview the viewer runs the pipeline for, whose scorecard is not yet submitted. */
  async function loadOpenInterview(
    interviewId: string,
    viewer: TViewer,
    tx: TExecutor,
    messages: { submitted: string },
  ) {
    const scope = await deps.viewerScopeRepo.loadScope(viewer, tx);
    const interview = await repo.findById(interviewId, tx);
    if (!interview) throw notFound("That interview");
    const application = await deps.applicationsRepo.findById(interview.applicationId, tx);
    assertSeesApplication(scope, application);
    assertManagesPipeline(scope, application.roleId);
    const [listed] = (await repo.listForApplication(application.id, tx)).filter(
      (i) => i.interview.id === interviewId,
    );
    if (listed?.scorecardStatus === "submitted") throw new AppError("CONFLICT", messages.submitted);
    return { interview, application };
  }

  return {
    /** One interview per interviewer; the stage's kit is pinned to today's question versions. */
    async scheduleInterviews(
      applicationId: string,
      input: TScheduleInterviewsRequest,
      viewer: TViewer,
      actor: TActor,
    ) {
      assertUpcoming(input.scheduledAt);
      await deps.db.transaction(async (tx) => {
        const scope = await deps.viewerScopeRepo.loadScope(viewer, tx);
        const application = await deps.applicationsRepo.lockById(applicationId, tx);
        assertSeesApplication(scope, application);
        assertManagesPipeline(scope, application.roleId);
        assertActive(application);
        const stage = await deps.rolesRepo.findStage(input.stageId, tx);
        if (stage?.roleId !== application.roleId)
          throw new AppError("VALIDATION_FAILED", "That stage is not part of this role's plan.", {
            fields: [{ field: "stageId", message: "is not a stage of this role" }],
          });
        const team = new Set(
          (await deps.rolesRepo.listTeams([application.roleId], tx)).map((m) => m.userId),
        );
        const enabled = new Set(
          (await deps.rolesRepo.findUsers(input.interviewerIds, tx))
            .filter((u) => u.disabledAt === null)
            .map((u) => u.id),
        );
        const fields = input.interviewerIds.flatMap((id, i) =>
          !enabled.has(id)
            ? [{ field: `interviewerIds.${i}`, message: "is not an active user" }]
            : !team.has(id)
              ? [
                  {
                    field: `interviewerIds.${i}`,
                    message: "is not on this role's hiring team; add them first",
                  },
                ]
              : [],
        );
        if (fields.length)
          throw new AppError(
            "VALIDATION_FAILED",
            `Please check the interviewers: ${fields[0]?.field ?? ""} ${fields[0]?.message ?? ""}.`,
            { fields },
          );
        const already = new Set(
          (await repo.findForStage(applicationId, stage.id, tx)).map((i) => i.interviewerId),
        );
        const clash = input.interviewerIds.find((id) => already.has(id));
        if (clash)
          throw new AppError(
            "CONFLICT",
            "That interviewer already has an interview in this stage for this application.",
            {
              fields: [
                {
                  field: `interviewerIds.${input.interviewerIds.indexOf(clash)}`,
                  message: "is already assigned to this stage",
                },
              ],
            },
          );
        const versions = await deps.questionsRepo.findCurrentVersions(
          stage.kit.map((k) => k.questionId),
          tx,
        );
        const versionOf = new Map(versions.map((v) => [v.questionId, v.id]));
        const kit = stage.kit.flatMap((item) => {
          const questionVersionId = versionOf.get(item.questionId);
          return questionVersionId ? [{ ...item, questionVersionId }] : [];
        });
        const rows = await repo.insertInterviews(
          input.interviewerIds.map((interviewerId) => ({
            applicationId,
            stageId: stage.id,
            interviewerId,
            scheduledAt: new Date(input.scheduledAt),
            durationMinutes:
              input.durationMinutes ?? Math.min(480, Math.max(5, stage.durationMinutes)),
            timeZone: input.timeZone ?? "UTC",
            location: input.location || null,
            meetingUrl: input.meetingUrl ?? null,
            kit,
            createdBy: viewer.id,
          })),
          tx,
        );
        for (const row of rows)
          await deps.auditService.recordEvent(
            actor,
            {
              action: "interview.scheduled",
              entityType: "interview",
              entityId: row.id,
              after: row,
            },
            tx,
          );
        await sendInvites(
          "scheduled",
          rows.map((r) => r.id),
          viewer,
          tx,
        );
      });
      await deps.mail.wake();
      const all = await repo.listForApplication(applicationId);
      return all
        .filter(
          (i) =>
            i.interview.stageId === input.stageId &&
            input.interviewerIds.includes(i.interview.interviewerId),
        )
        .map(presentInterviewSummary);
    },

    /** A new time for one interview; its kit and any draft scorecard stay as they are. */
    async rescheduleInterview(input: {
      interviewId: string;
      change: TRescheduleInterviewRequest;
      viewer: TViewer;
      actor: TActor;
    }) {
      assertUpcoming(input.change.scheduledAt);
      const applicationId = await deps.db.transaction(async (tx) => {
        const { interview } = await loadOpenInterview(input.interviewId, input.viewer, tx, {
          submitted: "This interview has a submitted scorecard, so its time can no longer change.",
        });
        const { change } = input;
        const after = await repo.rescheduleInterview(
          interview.id,
          {
            scheduledAt: new Date(change.scheduledAt),
            durationMinutes: change.durationMinutes ?? interview.durationMinutes,
            timeZone: change.timeZone ?? interview.timeZone,
            location: change.location === undefined ? interview.location : change.location || null,
            meetingUrl: change.meetingUrl === undefined ? interview.meetingUrl : change.meetingUrl,
          },
          tx,
        );
        const placeOf = (row: typeof interview | undefined) =>
          row && {
            scheduledAt: row.scheduledAt,
            durationMinutes: row.durationMinutes,
            timeZone: row.timeZone,
            location: row.location,
            meetingUrl: row.meetingUrl,
          };
        await deps.auditService.recordEvent(
          input.actor,
          {
            action: "interview.rescheduled",
            entityType: "interview",
            entityId: interview.id,
            before: placeOf(interview),
            after: placeOf(after) ?? null,
          },
          tx,
        );
        await sendInvites("rescheduled", [interview.id], input.viewer, tx);
        return interview.applicationId;
      });
      await deps.mail.wake();
      const listed = (await repo.listForApplication(applicationId)).find(
        (i) => i.interview.id === input.interviewId,
      );
      if (!listed) throw notFound("That interview");
      return presentInterviewSummary(listed);
    },

    /** Cancelling removes the interview, so its kit and draft scorecard close with it. */
    async cancelInterview(interviewId: string, viewer: TViewer, actor: TActor) {
      await deps.db.transaction(async (tx) => {
        const { interview } = await loadOpenInterview(interviewId, viewer, tx, {
          submitted: "This interview has a submitted scorecard and cannot be cancelled.",
        });
        // The withdrawal carries the next SEQUENCE, so calendars drop the event they hold.
        await sendInvites("cancelled", [interviewId], viewer, tx, (n) => n + 1);
        await repo.deleteInterview(interviewId, tx);
        await deps.auditService.recordEvent(
          actor,
          {
            action: "interview.cancelled",
            entityType: "interview",
            entityId: interviewId,
            before: interview,
          },
          tx,
        );
      });
      await deps.mail.wake();
    },

    /** The viewer's own interviews, a keyset page at a time, with how many there are in all. */
    async listMyInterviews(viewer: TViewer, query: TMyInterviewsQuery) {
      const { rows, total } = await repo.listPageForInterviewer(viewer.id, query);
      // Assigned means visible: an interviewer sees the applications of their own interviews.
      const summaries = await deps.applicationsRepo.findSummaries([
        ...new Set(rows.map((i) => i.interview.applicationId)),
      ]);
      const byId = new Map(summaries.map((r) => [r.application.id, presentApplicationSummary(r)]));
      const interviews = rows.flatMap((i) => {
        const application = byId.get(i.interview.applicationId);
        return application ? [{ ...presentInterviewSummary(i), application }] : [];
      });
      const last = rows.at(-1);
      return {
        interviews,
        total,
        nextCursor:
          last && rows.length === query.limit
            ? encodeTimeCursor({ at: last.interview.scheduledAt, id: last.interview.id })
            : null,
      };
    },

    /** For the assigned interviewer (and the pipeline owners preparing them). */
    async getKit(interviewId: string, viewer: TViewer): Promise<TInterviewKit> {
      const scope = await deps.viewerScopeRepo.loadScope(viewer);
      const found = await repo.findKit(interviewId);
      if (!found) throw notFound("That interview");
      const { interview, application, role, stage, candidate } = found;
      assertSeesApplication(scope, application);
      if (interview.interviewerId !== viewer.id && !canManagePipeline(scope, application.roleId))
        throw new AppError("FORBIDDEN", "This kit belongs to another interviewer's interview.");
      const versions = await deps.questionsRepo.findVersionsByIds(
        interview.kit.map((k) => k.questionVersionId),
      );
      const questions = resolveKitQuestions(interview.kit, versions, role.level);
      return {
        interview: presentInterviewSummary(found),
        candidate: {
          id: candidate.id,
          name: candidate.name,
          links: {
            github: candidate.githubUrl,
            portfolio: candidate.portfolioUrl,
            linkedin: candidate.linkedinUrl,
          },
        },
        role: { id: role.id, title: role.title, level: role.level },
        stage: {
          id: stage.id,
          name: stage.name,
          kind: stage.kind,
          purpose: stage.purpose,
          durationMinutes: stage.durationMinutes,
          competencies: stage.competencies as TCompetencyId[],
          checklist: stage.checklist,
        },
        questions,
        totalQuestionMinutes: questions.reduce((sum, q) => sum + q.minutes, 0),
      };
    },
  };
}
export type TInterviewsService = ReturnType<typeof createInterviewsService>;
